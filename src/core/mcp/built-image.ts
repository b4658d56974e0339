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
}

export function builtImageFor(path: string, built: readonly BuiltTarget[]): { ref?: string; labels: Readonly<Record<string, string>> } | undefined {
  if (classifyMcpPath(path)?.kind !== 'server-json' || built.length === 0) return undefined;
  const dir = posix.dirname(path);
  const here = built.filter((t) => posix.normalize(t.context) === dir || posix.dirname(t.dockerfile) === dir);
  const pick = here.length === 1 ? here[0] : here.length === 0 && built.length === 1 ? built[0] : undefined;
  return pick ? { labels: pick.labels, ...(pick.ref !== undefined ? { ref: pick.ref } : {}) } : undefined;
}
