import type { RuleHit, RuleMeta } from '../../core/types.js';
import { allFlags } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { dockerLaunches, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG502',
  name: 'host-mount',
  title: 'MCP server mounts the Docker socket, the host root or a home directory',
  severity: 'high',
  kind: 'mcp',
  description:
    'A launch mounts the Docker (or containerd/Podman) socket, the host\'s `/`, or a whole home directory (`~`, `$HOME`, `/root`, `/home/<user>`, `/Users/<user>`) with `-v`/`--volume`, `--mount type=bind,source=…` or a catalog entry\'s `volumes`.',
  rationale:
    'The socket is root on the host; the host root or a home directory holds SSH keys, cloud credentials and browser profiles. A prompt-injected tool call of the server can read or change all of it.',
  fix: 'Mount only the directory the server works on, read-only where it can (`-v "$PWD/data:/data:ro"`). Never mount the engine socket; use a filtering socket proxy if containers must be managed.',
  tags: ['security', 'mcp', 'docker-socket', 'mounts'],
  precision: 'high',
};

const SOCKET = /^\/?(var\/)?run\/(docker|containerd\/containerd|podman\/podman|user\/\d+\/docker|user\/\d+\/podman\/podman)\.sock$/;

/** What a host path exposes, or undefined. */
export function dangerousHostPath(raw: string): string | undefined {
  const p = raw.trim().replace(/^["']|["']$/g, '').replace(/\/+$/, '') || (raw.trim().startsWith('/') ? '/' : '');
  if (p === '/') return 'the host root filesystem';
  if (SOCKET.test(p) || /^\/\/\.\/pipe\/docker_engine$/.test(p)) return 'the container engine socket';
  if (/^(~|\$HOME|\$\{HOME\}|%USERPROFILE%|\$\{env:HOME\}|\$\{userHome\}|\/root|\/home(\/[^/]+)?|\/Users(\/[^/]+)?|C:\\Users(\\[^\\]+)?)$/i.test(p)) return 'a whole home directory';
  return undefined;
}

function source(name: string, value: string): string | undefined {
  if (name === 'volume') {
    const parts = value.split(':');
    return parts.length >= 2 ? parts[0] : undefined;
  }
  const opts = new Map(value.split(',').map((kv) => [kv.split('=')[0]!.trim().toLowerCase(), kv.slice(kv.indexOf('=') + 1)] as const));
  const type = opts.get('type') ?? 'volume';
  return type === 'bind' ? (opts.get('source') ?? opts.get('src')) : undefined;
}

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] =>
      [...allFlags(l.docker, 'volume'), ...allFlags(l.docker, 'mount')].flatMap((f) => {
        const src = source(f.name, f.value);
        const what = src === undefined ? undefined : dangerousHostPath(src);
        if (!what || src === undefined) return [];
        return [{ line: f.line, key: launchKey(l, `${f.name}[${src}]`), message: `MCP server "${l.name}" mounts ${what} (${src}) with ${f.spelled}.` }];
      }),
    ),
};
