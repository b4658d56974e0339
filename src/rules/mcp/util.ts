/** Helpers the MCG5xx rules share: image references, references vs. values, launches with Docker. */
import type { DockerRun, Word } from '../../core/docker-run/argv.js';
import type { Launch } from '../../core/mcp/model.js';
import type { McpContext } from './types.js';
import { parseImageRef, type ImageRef } from '../../core/dockerfile/model.js';
import { isRootUserSpec } from '../../core/user.js';

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

/** An image reference as the Docker CLI names it (core's reading), with what the messages show. */
export interface LaunchImage extends ImageRef {
  /** The reference as written, without tag and digest. */
  name: string;
  /** Holds a `${VAR}`, `{var}` or `{{…}}` placeholder: not checkable. */
  templated: boolean;
}

export function launchImage(raw: string): LaunchImage {
  const r = parseImageRef(raw);
  const cut = (r.digest !== undefined ? r.digest.length + 1 : 0) + (r.tag !== undefined ? r.tag.length + 1 : 0);
  return { ...r, name: r.ref.slice(0, r.ref.length - cut), templated: r.unresolved || /\{\{|\{[A-Za-z_]/.test(r.ref) };
}

/** The registry host of an image (`docker.io` when its first part is no host). */
export function registryHost(image: LaunchImage): string {
  return image.registry?.toLowerCase() ?? 'docker.io';
}

/** Every image a launch starts, read as the Docker CLI names it; a templated reference is not checkable and left out (MCG507, MCG508). */
export function launchImages(ctx: McpContext): { launch: Launch & { docker: DockerRun }; at: Word; ref: LaunchImage }[] {
  return dockerLaunches(ctx).flatMap((launch) => {
    const at = launch.docker.image;
    if (!at) return [];
    const ref = launchImage(at.value);
    return ref.templated ? [] : [{ launch, at, ref }];
  });
}

/** A release version as server.json and image tags write it: a leading `v` before a digit ignored (MCG508, MCG524). */
export function normVersion(v: string): string {
  return v.trim().replace(/^v(?=\d)/, '');
}

export function launchKey(l: Launch, what: string): string {
  return `${l.origin}:${l.key}.${what}`;
}

export function lower(s: string): string {
  return s.toLowerCase();
}

/** A `--user` value that runs the server as root (`0`, `root`, `0:0`, `root:docker`, `00`); `''` keeps the image's user. */
export function isRootUser(v: string): boolean {
  const s = v.trim();
  return s !== '' && (isRootUserSpec(s) || /^root(:.*)?$/i.test(s));
}

/** A `--security-opt` value that turns a default confinement off (MCG505). */
export function disablesConfinement(v: string): boolean {
  return /^(seccomp[=:]unconfined|apparmor[=:]unconfined|label[=:]disable|systempaths[=:]unconfined|no-new-privileges[=:]false)$/i.test(v.trim());
}
