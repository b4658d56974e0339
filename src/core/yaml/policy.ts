/** Facts shared by the compose and Kubernetes rules. Pure. */
import { isRootUserSpec, userPart } from '../user.js';
import { parseImageRef } from '../dockerfile/model.js';
import { interpolateDefaults } from './ast.js';

/** Capabilities that amount to host control (DESIGN §5 MCG104/MCG205). */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE']);

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `sys_admin` all name SYS_ADMIN. */
export function normalizeCapability(cap: string): string {
  return cap.trim().toUpperCase().replace(/^CAP_/, '');
}

/** Docker engine socket paths (MCG102). */
export const DOCKER_SOCKETS: readonly string[] = ['/var/run/docker.sock', '/run/docker.sock'];
/** Container runtime sockets a kubelet node exposes (MCG208). */
export const RUNTIME_SOCKETS: readonly string[] = [
  ...DOCKER_SOCKETS,
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
];

/** Normalises a host path for comparison: defaults applied, trailing slashes and `//` removed. */
export function normalizeHostPath(raw: string): string {
  return interpolateDefaults(raw.trim()).replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

export function isSocketPath(raw: string, sockets: readonly string[]): boolean {
  return sockets.includes(normalizeHostPath(raw));
}

/**
 * What is wrong with an image reference's tag: `latest`, `untagged`, or undefined when it is
 * pinned by tag or digest, or when it is a reference that cannot be resolved here.
 */
export function imageTagProblem(raw: string): 'latest' | 'untagged' | undefined {
  const value = interpolateDefaults(raw.trim());
  if (value === '' || value.includes('$')) return undefined;
  const ref = parseImageRef(value);
  if (ref.unresolved || ref.scratch || ref.digest) return undefined;
  if (ref.tag === undefined) return 'untagged';
  return ref.tag === 'latest' ? 'latest' : undefined;
}

/** The values of `user:` that mean root as the runtime reads them: `root`, `0`, `000`, `+0:wheel`, `-0` (core/user.ts). */
export function isRootUserValue(raw: string): boolean {
  const value = interpolateDefaults(raw.trim());
  // an empty user part (`""`, or `:` once unset variables are empty): keeps the image's user,
  // which this check cannot see
  return userPart(value.trim()).trim() !== '' && isRootUserSpec(value);
}
