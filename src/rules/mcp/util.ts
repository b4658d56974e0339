/** Helpers the MCG5xx rules share: image references, references vs. values, launches with Docker. */
import type { DockerRun } from '../../core/docker-run/argv.js';
import type { Launch } from '../../core/mcp/model.js';
import type { McpContext } from './types.js';

export function dockerLaunches(ctx: McpContext): (Launch & { docker: DockerRun })[] {
  return ctx.model.launches.filter((l): l is Launch & { docker: DockerRun } => l.docker !== undefined);
}

/**
 * A value that is a reference the client or registry fills in, not a value written here:
 * `${input:x}`, `${env:X}`, `${X}`, `${X:-d}`, `$X`, `{curly}` registry variables, `{{catalog}}`
 * templates, `<placeholder>`.
 */
export function isReference(v: string): boolean {
  const s = v.trim();
  if (s === '') return true;
  if (/^(Bearer\s+|Basic\s+|token\s+)?(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|\{[A-Za-z_][\w.-]*\}|<[^<>]+>)$/i.test(s)) return true;
  return false;
}

export interface ImageRef {
  name: string;
  tag?: string;
  digest?: string;
  /** Holds a `{var}`, `${VAR}` or `{{…}}` placeholder: not checkable. */
  templated: boolean;
}

export function parseImageRef(ref: string): ImageRef {
  const templated = /\$\{?[A-Za-z_]|\{\{|\{[A-Za-z_]/.test(ref);
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  const tag = colon > slash ? rest.slice(colon + 1) : undefined;
  return { name: colon > slash ? rest.slice(0, colon) : rest, tag, digest, templated };
}

/** The registry host of an image name (`docker.io` when the first part is no host). */
export function registryHost(name: string): string {
  const first = name.split('/')[0]!;
  return name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first.toLowerCase() : 'docker.io';
}

export function launchKey(l: Launch, what: string): string {
  return `${l.origin}:${l.key}.${what}`;
}

export function lower(s: string): string {
  return s.toLowerCase();
}
