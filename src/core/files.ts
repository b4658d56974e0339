/**
 * Reading repository files safely: confined to the workspace, bounded in size, binary and
 * non-UTF-8 content reported with a line instead of crashing.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, readdirSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isAscii, isUtf8 } from 'node:buffer';
import { decodeUtf8Go } from './utf8-go.js';
import { appendAll } from './arrays.js';

export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;

export class PathError extends Error {}

/** Resolves `p` (relative to root or absolute) and refuses anything outside root, symlinks included. */
export function confine(root: string, p: string, what = 'path'): string {
  const realRoot = realpathSync(root);
  const abs = isAbsolute(p) ? p : resolve(realRoot, p);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    // not existing yet (an output file): check the lexical path
    real = resolve(abs);
  }
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new PathError(`${what} "${p}" is outside the workspace ${realRoot}: use a path inside it`);
  }
  return real;
}

export function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** A path that is not plainly normalised: an empty, `.` or `..` segment, or a leading or trailing separator. */
const ODD_SEGMENT = /(^|\/)\.{1,2}(\/|$)|\/\/|\/$|^\//;

/** Repository-relative POSIX path. */
export function repoPath(root: string, abs: string): string {
  // a normalised path below root (what joins and the walk give) is root, a separator and the rest;
  // path.relative, which resolves both paths first, is for everything else
  if (sep === '/' && abs.length > root.length + 1 && abs.charCodeAt(root.length) === 47 && abs.startsWith(root) && root.charCodeAt(root.length - 1) !== 47) {
    const rest = abs.slice(root.length + 1);
    if (!ODD_SEGMENT.test(rest)) return rest;
  }
  const r = toPosix(relative(root, abs));
  return r === '' ? '.' : r;
}

/**
 * `path.join(root, rel)` for a repository-relative path. A plain one (what discovery gives: no
 * empty, `.` or `..` segment) is put under root as it is; path.join's normalising pass over every
 * character is for the rest.
 */
export function underRoot(root: string, rel: string): string {
  if (sep === '/' && rel.length > 0 && root.length > 1 && root.charCodeAt(root.length - 1) !== 47 && !ODD_SEGMENT.test(rel)) return `${root}/${rel}`;
  return join(root, rel);
}

export type ReadResult =
  | { ok: true; text: string; lines: string[]; warning?: { line: number; message: string } }
  | { ok: false; line: number; message: string };

export type ReadTextResult =
  | { ok: true; text: string; warning?: { line: number; message: string } }
  | { ok: false; line: number; message: string };

/** Reads a text file for checking; never throws. */
export function readTextFile(abs: string, maxBytes = MAX_TEXT_FILE_BYTES): ReadResult {
  const r = readText(abs, maxBytes);
  return r.ok ? { ...r, lines: r.text.split(/\r?\n/) } : r;
}

/** Where readText reads: most repository files fit, so they cost no allocation of their own. */
const SCRATCH = Buffer.allocUnsafe(64 * 1024);

function tooLarge(size: number, maxBytes: number): { ok: false; line: number; message: string } {
  return {
    ok: false,
    line: 1,
    message: `the file is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB limit for a text file: it was not checked (exclude it in .mcg.yml if it is generated)`,
  };
}

/**
 * The bytes of a file, read through one descriptor (no separate stat): into SCRATCH when the file
 * fits (the answer is only good until the next call), else into a buffer of its size once fstat
 * says it is under the limit.
 */
function readBytes(abs: string, maxBytes: number): { ok: true; buf: Buffer } | { ok: false; line: number; message: string } {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    return { ok: false, line: 1, message: `cannot read the file: ${(e as Error).message}` };
  }
  try {
    let n = 0;
    for (;;) {
      const k = readSync(fd, SCRATCH, n, SCRATCH.length - n, null);
      if (k === 0) return n > maxBytes ? tooLarge(n, maxBytes) : { ok: true, buf: SCRATCH.subarray(0, n) };
      n += k;
      if (n === SCRATCH.length) break;
    }
    const size = fstatSync(fd).size;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    let buf = Buffer.allocUnsafe(Math.max(size, n) + 1);
    SCRATCH.copy(buf, 0, 0, n);
    for (;;) {
      if (n === buf.length) {
        // the file grew while it was read
        if (n > maxBytes) return tooLarge(n, maxBytes);
        const bigger = Buffer.allocUnsafe(n * 2);
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
    }
    return n > maxBytes ? tooLarge(n, maxBytes) : { ok: true, buf: buf.subarray(0, n) };
  } catch (e) {
    return { ok: false, line: 1, message: `cannot read the file: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * UTF-16 text with a byte-order mark is read; UTF-32, and UTF-16/32 without a mark, are refused
 * by name (instead of "binary" or a parse error about the garbage). With `asGo` (the Dockerfile
 * reader) nothing is decoded: BuildKit reads every file's bytes as UTF-8, so a UTF-16 mark is two
 * invalid bytes like any other, and wide text (it holds NUL bytes) is refused by name.
 */
function wideText(buf: Buffer, asGo: boolean): ReadTextResult | undefined {
  const b = (i: number): number | undefined => buf[i];
  if (asGo) {
    const marked = (b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff) || (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff);
    if (marked && buf.includes(0)) return { ok: false, line: 1, message: 'the file is UTF-16 or UTF-32 encoded, which BuildKit does not decode (it reads the bytes as UTF-8): save it as UTF-8' };
    if (marked) return undefined;
  }
  if ((b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) || (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff)) {
    return { ok: false, line: 1, message: 'the file is UTF-32 encoded: save it as UTF-8' };
  }
  const le = b(0) === 0xff && b(1) === 0xfe;
  if (le || (b(0) === 0xfe && b(1) === 0xff)) {
    try {
      return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf.subarray(2)) };
    } catch {
      return { ok: false, line: 1, message: 'the file is not valid UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8' };
    }
  }
  // no mark: a NUL in every second (or fourth) byte of the start is UTF-16/32 text, not binary
  const head = buf.subarray(0, Math.min(buf.length, 64));
  if (head.length >= 4 && head.length % 2 === 0) {
    const even = head.filter((_, i) => i % 2 === 0).every((x) => x === 0);
    const odd = head.filter((_, i) => i % 2 === 1).every((x) => x === 0);
    if (even !== odd) return { ok: false, line: 1, message: 'the file looks UTF-16 or UTF-32 encoded (without a byte-order mark): save it as UTF-8' };
  }
  return undefined;
}

/**
 * readTextFile without splitting the text into lines (for callers that rarely need them). Bytes
 * that are not UTF-8 are read as Go reads them, one at a time: each becomes U+FFFD, or with
 * `keepInvalidBytes` (the Dockerfile reader, which walks some parts byte by byte as BuildKit does)
 * the lone surrogate U+DC80+byte, shown as U+FFFD when a message leaves the report (visibleText).
 */
export function readText(abs: string, maxBytes = MAX_TEXT_FILE_BYTES, keepInvalidBytes = false): ReadTextResult {
  const r = readBytes(abs, maxBytes);
  if (!r.ok) return r;
  const buf = r.buf;
  const wide = wideText(buf, keepInvalidBytes);
  if (wide) return wide;
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const line = buf.subarray(0, nul).toString('latin1').split('\n').length;
    return { ok: false, line, message: 'the file is binary (it contains a NUL byte): it was not checked' };
  }
  let text: string;
  let warning: { line: number; message: string } | undefined;
  try {
    // valid UTF-8 without a byte-order mark (nearly every file) decodes the same through the
    // Buffer's own decoder, which is cheaper than a fatal TextDecoder
    // (pure ASCII, most files, is copied byte for byte: latin1 is the same characters without a decoder)
    const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    // the Dockerfile reader (keepInvalidBytes) takes one mark off the first line itself, as BuildKit does
    text = isAscii(buf) ? buf.toString('latin1') : !bom && isUtf8(buf) ? buf.toString('utf8') : new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepInvalidBytes }).decode(buf);
  } catch {
    // as Go (and so BuildKit) reads the bytes: one U+FFFD per invalid byte
    const decoded = decodeUtf8Go(buf, keepInvalidBytes);
    text = decoded.text;
    const line = buf.subarray(0, Math.max(0, decoded.firstInvalid)).toString('latin1').split('\n').length;
    warning = { line, message: 'the file is not valid UTF-8 (invalid bytes were replaced): save it as UTF-8' };
  }
  if (!keepInvalidBytes && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return warning ? { ok: true, text, warning } : { ok: true, text };
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache']);

/** Directory listings a walk keeps for later readers (listContext), bounded by their total entries. */
export interface Listings {
  dirs: Map<string, readonly Dirent[]>;
  /** Entries still allowed in; a walk stops keeping listings at 0. */
  room: number;
}

export function newListings(maxEntries = 100_000): Listings {
  return { dirs: new Map(), room: maxEntries };
}

export interface WalkOptions {
  /** Files yielded at most (default 200,000); the rest is reported in `unread`. */
  limit?: number;
  listings?: Listings;
  /** A directory for which this says yes is not read at all. */
  skipDir?: (abs: string) => boolean;
  /** Receives every directory that could not be read, and where the limit stopped the walk. */
  unread?: { path: string; message: string }[];
}

/**
 * Walks a tree (not following symlinked directories), yielding absolute file paths in sorted order.
 * With `listings`, each directory's entries are kept there (while there is room), so that a build
 * context below the walked tree is listed without reading its directories again. Nothing is left out
 * silently: an unreadable directory and the file limit are reported in `unread`.
 */
export function* walk(dir: string, opts: WalkOptions = {}): Generator<string> {
  const { limit = 200_000, listings, skipDir } = opts;
  const stack = [dir];
  let n = 0;
  while (stack.length > 0) {
    const d = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      opts.unread?.push({ path: d, message: `the directory could not be read (${code}): nothing below it was checked (exclude it in .mcg.yml if it is not yours to check)` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    if (listings && listings.room >= entries.length) {
      listings.room -= entries.length;
      listings.dirs.set(d, entries);
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !skipDir?.(p)) subdirs.push(p);
      } else if (e.isFile()) {
        if (++n > limit) {
          opts.unread?.push({ path: d, message: `the scan stopped after ${limit} files, here: the files after it were not checked (narrow the scan path or exclude directories in .mcg.yml)` });
          return;
        }
        yield p;
      }
    }
    appendAll(stack, subdirs);
  }
}

/**
 * The files of a build context, relative POSIX paths, as Docker would see them before
 * .dockerignore. Heavy directories (.git, node_modules) are listed as `dir/` without descending.
 */
export function listContext(dir: string, limit = 50_000, listings?: Listings): string[] {
  const out: string[] = [];
  const stack: string[] = [''];
  while (stack.length > 0 && out.length < limit) {
    const rel = stack.pop()!;
    let entries: readonly Dirent[];
    const abs = join(dir, rel);
    try {
      entries = listings?.dirs.get(abs) ?? readdirSync(abs, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name)) out.push(`${r}/`);
        else stack.push(r);
      } else out.push(r);
      if (out.length >= limit) break;
    }
  }
  return out.sort();
}
