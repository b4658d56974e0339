/**
 * Which image this scan built a `server.json` describes, for the checks that need the built image
 * (MCG523 ownership label, MCG524 version): the one built from the server.json's own directory
 * (its build context or its Dockerfile's directory), else the only image the scan built. The
 * reference is the user's `--image` only: the tag a scan builds under (`mcg-scan/…:<hash>`) says
 * nothing about the version. Pure.
 */
import { posix } from 'node:path';
import { classifyMcpPath } from './classify.js';

export interface BuiltTarget {
  /** Repository-relative build context (`.` for the root) and Dockerfile. */
  context: string;
  dockerfile: string;
  labels: Readonly<Record<string, string>>;
  /** The reference the user named (`--image`), when the image was not built under our own tag. */
  ref?: string;
  /** The flags the runtime probe saw the image work under, as `docker run` words (ProbeSummary.proven). */
  proven?: readonly string[];
}

export function builtImageFor(path: string, built: readonly BuiltTarget[]): { ref?: string; labels: Readonly<Record<string, string>> } | undefined {
  if (classifyMcpPath(path)?.kind !== 'server-json' || built.length === 0) return undefined;
  const dir = posix.dirname(path);
  const here = built.filter((t) => posix.normalize(t.context) === dir || posix.dirname(t.dockerfile) === dir);
  const pick = here.length === 1 ? here[0] : here.length === 0 && built.length === 1 ? built[0] : undefined;
  return pick ? { labels: pick.labels, ...(pick.ref !== undefined ? { ref: pick.ref } : {}) } : undefined;
}

/** The directory a client config speaks for: `.vscode/mcp.json` and the like belong to the directory holding the dot-folder. */
function configDir(path: string): string {
  const dir = posix.dirname(path);
  return /(^|\/)\.(vscode|cursor|gemini)$/.test(dir) ? posix.dirname(dir) : dir;
}

/**
 * The least-privilege profile the runtime probe proved for the image an MCP file launches (#21
 * item 4), one flag per entry (`--tmpfs /tmp`), as MCG514 reads a profile: the image built from
 * the file's own directory (a client config's dot-folder counted as that directory), else the
 * only image the scan built. Undefined when no probe proved a profile for it.
 */
export function provenProfileFor(path: string, built: readonly BuiltTarget[]): string[] | undefined {
  const dir = configDir(path);
  const here = built.filter((t) => posix.normalize(t.context) === dir || posix.dirname(t.dockerfile) === dir);
  const pick = here.length === 1 ? here[0] : here.length === 0 && built.length === 1 ? built[0] : undefined;
  if (!pick?.proven || pick.proven.length === 0) return undefined;
  const flags: string[] = [];
  for (const w of pick.proven) {
    if (w.startsWith('-') || flags.length === 0) flags.push(w);
    else flags[flags.length - 1] += ` ${w}`;
  }
  return flags;
}
