/**
 * What a `docker run` mount exposes of the host (MCG502, and the corrected entry of MCG514, which
 * removes such mounts). The engine sockets are the compose/Kubernetes list (RUNTIME_SOCKETS) plus
 * Podman's and the rootless engines' per-user sockets. Pure.
 */
import type { DockerFlag } from '../../core/docker-run/argv.js';
import { isSocketPath, normalizeHostPath, RUNTIME_SOCKETS } from '../../core/yaml/policy.js';

const ENGINE_SOCKETS: readonly string[] = [...RUNTIME_SOCKETS, '/run/podman/podman.sock', '/var/run/podman/podman.sock'];
const ROOTLESS_SOCKET = /^\/run\/user\/\d+\/(docker|podman\/podman)\.sock$/;
const HOME = /^(~|\$HOME|\$\{HOME\}|%USERPROFILE%|\$\{env:HOME\}|\$\{userHome\}|\/root|\/home(\/[^/]+)?|\/Users(\/[^/]+)?|C:\\Users(\\[^\\]+)?)$/i;

/** What a host path exposes, or undefined. */
export function dangerousHostPath(raw: string): string | undefined {
  const unquoted = raw.trim().replace(/^["']|["']$/g, '');
  const p = unquoted.replace(/\/+$/, '') || (unquoted.startsWith('/') ? '/' : '');
  if (p === '/') return 'the host root filesystem';
  if (isSocketPath(p, ENGINE_SOCKETS) || ROOTLESS_SOCKET.test(normalizeHostPath(p)) || /^\/\/\.\/pipe\/docker_engine$/.test(p)) return 'the container engine socket';
  if (HOME.test(p)) return 'a whole home directory';
  return undefined;
}

/** The host side of a `-v`/`--volume` or a bind `--mount`; undefined for named and anonymous volumes. */
export function mountSource(f: DockerFlag): string | undefined {
  if (f.name === 'volume') {
    const parts = f.value.split(':');
    return parts.length >= 2 ? parts[0] : undefined;
  }
  if (f.name !== 'mount') return undefined;
  const opts = new Map(f.value.split(',').map((kv) => [kv.split('=')[0]!.trim().toLowerCase(), kv.slice(kv.indexOf('=') + 1)] as const));
  const type = opts.get('type') ?? 'volume';
  return type === 'bind' ? (opts.get('source') ?? opts.get('src')) : undefined;
}

/** What the mount exposes with its host path, or undefined when it is harmless. */
export function hostMountDanger(f: DockerFlag): { src: string; what: string } | undefined {
  const src = mountSource(f);
  const what = src === undefined ? undefined : dangerousHostPath(src);
  return src !== undefined && what !== undefined ? { src, what } : undefined;
}
