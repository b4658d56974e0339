/**
 * A FROM line's base as BuildKit reads it: expanded against the global ARGs only (the ones before
 * the first FROM), quotes removed, an unset variable empty; then parsed into an image reference.
 * Whether a build argument could change the tag is worked out by expanding once more with every
 * global ARG declared without a value replaced by a placeholder (what some `--build-arg` gives).
 */
import type { DockerfileModel, ImageRef } from './model.js';
import { ExpansionError, expand, processWord } from './expand.js';

/** Stands for the value of a build argument: no `:`, `/` or `@`, so it cannot look like a tag or digest separator. */
const BUILD_ARG = 'mcgBuildArgValue';

/**
 * The platform arguments BuildKit defines for every FROM without an ARG line: their value is the
 * build's or the target's platform, which the Dockerfile does not decide.
 */
const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
]);

/** A variable whose value the builder or a `--build-arg` decides: a global ARG without a value, or an undeclared platform argument. */
function decidedByBuild(n: string, globals: ReadonlyMap<string, string | undefined>): boolean {
  return globals.has(n) ? globals.get(n) === undefined : PLATFORM_ARGS.has(n);
}

export interface FromBase {
  base: string;
  image: ImageRef;
}

/** The base of a FROM line; a base BuildKit cannot expand (or one over the bound) is an issue on `line` and stays as written. */
export function fromBase(raw: string, model: DockerfileModel, line: number): FromBase {
  const globals = model.globalArgs;
  const opt = { escape: model.escape };
  let base: string;
  let undecided = false;
  try {
    base = processWord(raw, (n) => {
      if (decidedByBuild(n, globals)) undecided = true;
      return globals.get(n);
    }, opt);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    model.issues.push({ line, message: `FROM ${raw.slice(0, 80)}: BuildKit cannot expand it (${e.message}): the build fails here`, fatal: false });
    const kept = expand(raw, globals);
    return { base: kept, image: { ...parseImageRef(kept), unresolved: true, tagVaries: true } };
  }
  const image = parseImageRef(base);
  image.unresolved = undecided;
  image.tagVaries = undecided && tagVaries(raw, model);
  return { base, image };
}

/**
 * True when a build argument could give the reference another tag or digest: a global ARG
 * declared without a value (only `--build-arg` sets it) lands in the tag, the digest, or the last
 * path segment (where a value holding `:tag` or `@digest` would become one). An ARG default is
 * what the build uses unless told otherwise, so it decides the reference as written.
 */
function tagVaries(raw: string, model: DockerfileModel): boolean {
  let other: string;
  try {
    other = processWord(raw, (n) => (decidedByBuild(n, model.globalArgs) ? BUILD_ARG : model.globalArgs.get(n)), { escape: model.escape });
  } catch {
    return true;
  }
  if (!other.includes(BUILD_ARG)) return false;
  const alt = parseImageRef(other);
  const last = alt.repository.slice(alt.repository.lastIndexOf('/') + 1);
  return `${alt.tag ?? ''}@${alt.digest ?? ''}@${last}`.includes(BUILD_ARG);
}

export function parseImageRef(raw: string): ImageRef {
  const ref = raw.trim();
  const unresolved = ref.includes('$');
  if (ref.toLowerCase() === 'scratch') return { ref, repository: 'scratch', scratch: true, unresolved };
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const first = rest.indexOf('/');
  if (first > 0) {
    const head = rest.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(first + 1);
    }
  }
  if (rest.startsWith('library/') && (registry === undefined || registry === 'docker.io')) rest = rest.slice(8);
  return { ref, registry, repository: rest, tag, digest, scratch: false, unresolved };
}

