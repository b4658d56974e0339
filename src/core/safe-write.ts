/**
 * The one file writer (issue #18): every file the action and the CLI write goes through it.
 *
 * A checked-out repository is attacker-controlled, symlinks included: `mcg-results/mcg.sarif ->
 * ~/.bashrc`, or `mcg-results -> /etc`. Below the workspace no path component is followed if it is
 * a symbolic link (each is lstat'ed; missing directories are created one at a time and checked
 * again), the file is written to a fresh temp file beside the target (O_EXCL | O_NOFOLLOW) and
 * renamed over it — a rename replaces a link planted in between, it never writes through it.
 * Pseudo-filesystems (/proc, /sys) are refused at once instead of retried.
 *
 * The one exception to "inside the workspace": a file the runner names for this step in its
 * environment (RUNNER_FILES: the job summary), appended to in place (appendRunnerFile).
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

export class WriteError extends Error {}

export interface WriteTarget {
  /** The workspace: symlinks below it are never followed. */
  root: string;
  /** Relative paths resolve against this (default root). */
  cwd?: string;
  /**
   * Paths outside root are refused (the action) unless this is true (the CLI, where the user typed
   * the path: directories above root are the user's own and followed as the system does).
   */
  allowOutside?: boolean;
  /** How the path is named in errors: `--output`, `sarif-file`. */
  what?: string;
}

/** The content: text, bytes, or a function streaming into the open file descriptor. */
export type WriteContent = string | Uint8Array | ((fd: number) => void);

const PSEUDO_FS = new Set(['proc', 'sys']);

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function inside(base: string, p: string): string | undefined {
  const rel = relative(base, p);
  if (rel === '') return '';
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel;
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'error';
}

/** Makes sure `dir` is a real directory (creating it when missing); never follows a link. */
function ensureDir(dir: string, label: string): void {
  let st = lstatOrUndefined(dir);
  if (!st) {
    try {
      mkdirSync(dir); // one level: the parent was checked already
    } catch (e) {
      if (code(e) !== 'EEXIST') throw new WriteError(`${label}: cannot create directory "${dir}" (${code(e)})`);
    }
    st = lstatOrUndefined(dir);
  }
  if (st?.isSymbolicLink()) throw new WriteError(`${label}: "${dir}" is a symbolic link: refusing to write through it; remove the link or choose another path`);
  if (!st?.isDirectory()) throw new WriteError(`${label}: "${dir}" is not a directory`);
}

/** Creates the missing directories of an absolute path outside the workspace, one at a time. */
function ensureOutsideDirs(dir: string, label: string): void {
  const missing: string[] = [];
  let cur = dir;
  while (lstatOrUndefined(cur) === undefined) {
    missing.unshift(cur);
    const up = dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  for (const d of missing) ensureDir(d, label);
  if (missing.length === 0) {
    // existing: the user's own directory, which may be reached through their own links
    let st: Stats;
    try {
      st = lstatSync(realpathSync(dir));
    } catch (e) {
      throw new WriteError(`${label}: cannot use directory "${dir}" (${code(e)})`);
    }
    if (!st.isDirectory()) throw new WriteError(`${label}: "${dir}" is not a directory`);
  }
}

/**
 * Resolves and checks where `p` may be written; creates its directories. Returns the absolute
 * path of the file. Throws WriteError naming the path otherwise.
 */
export function prepareWrite(target: WriteTarget, p: string): string {
  const label = `${target.what ?? 'output'} "${p}"`;
  if (p === '' || p.includes('\0')) throw new WriteError(`${label}: not a usable file path`);
  const root = resolve(target.root);
  const abs = resolve(target.cwd ?? root, p);
  const first = abs.slice(parse(abs).root.length).split(sep)[0] ?? '';
  if (PSEUDO_FS.has(first)) throw new WriteError(`${label}: /${first} is a system pseudo-filesystem: choose a file path on disk`);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (e) {
    throw new WriteError(`${label}: the workspace "${root}" cannot be used (${code(e)})`);
  }
  // below the workspace, lexically (the workspace's own path may go through links: /tmp on macOS)
  const rel = inside(root, abs) ?? inside(realRoot, abs);
  const base = inside(root, abs) !== undefined ? root : realRoot;
  if (rel === '') throw new WriteError(`${label}: is the workspace directory itself, not a file`);
  let out: string;
  if (rel !== undefined) {
    const parts = rel.split(sep);
    let cur = base;
    for (const part of parts.slice(0, -1)) {
      cur = join(cur, part);
      ensureDir(cur, label);
    }
    out = join(cur, parts[parts.length - 1]!);
  } else {
    if (!target.allowOutside) throw new WriteError(`${label} is outside the workspace ${realRoot}: use a path inside it`);
    ensureOutsideDirs(dirname(abs), label);
    out = abs;
  }
  const st = lstatOrUndefined(out);
  if (st?.isSymbolicLink()) throw new WriteError(`${label} is a symbolic link: refusing to write through it; remove the link or choose another path`);
  if (st && !st.isFile()) throw new WriteError(`${label} exists and is ${st.isDirectory() ? 'a directory' : 'not a regular file'}`);
  return out;
}

const TMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Writes `content` to `p` safely (see the module comment); returns the absolute path written. */
export function safeWriteFile(target: WriteTarget, p: string, content: WriteContent): string {
  const out = prepareWrite(target, p);
  const tmp = join(dirname(out), `.${basename(out)}.mcg-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, TMP_FLAGS, 0o644);
  } catch (e) {
    throw new WriteError(`${target.what ?? 'output'} "${p}": cannot write in "${dirname(out)}" (${code(e)})`);
  }
  let ok = false;
  try {
    try {
      if (typeof content === 'function') content(fd);
      else {
        const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, out);
    ok = true;
  } finally {
    if (!ok) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
  return out;
}

/**
 * Files outside the workspace that the runner hands a step through its environment, by variable
 * name. Only these may be written outside the workspace by the action, and only appended to.
 */
export const RUNNER_FILES = ['GITHUB_STEP_SUMMARY'] as const;
export type RunnerFileName = (typeof RUNNER_FILES)[number];

export interface RunnerFile {
  /** Which of RUNNER_FILES. */
  name: RunnerFileName;
  /** The environment that names it (process.env in the action). */
  env: Record<string, string | undefined>;
  /** The workspace: if the runner's path lies below it, no component of it may be a link. */
  root?: string;
  /** The most this file may hold after the append, in bytes (the runner's own cap). */
  maxBytes?: number;
}

const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Appends `content` to the runner file `f.name` (e.g. the job summary). The path is the one the
 * environment gives, absolute, never under a pseudo-filesystem; below the workspace no component
 * may be a symbolic link; the file itself is opened with O_NOFOLLOW (a link there is refused, not
 * followed) and O_APPEND, must be a regular file once open, and is never grown beyond `maxBytes`.
 * Returns the path written.
 */
export function appendRunnerFile(f: RunnerFile, content: string | Uint8Array): string {
  if (!(RUNNER_FILES as readonly string[]).includes(f.name)) throw new WriteError(`${f.name} is not a file the runner names for a step`);
  const p = f.env[f.name] ?? '';
  const label = `${f.name} "${p}"`;
  if (p === '' || p.includes('\0') || !isAbsolute(p)) throw new WriteError(`${label}: not an absolute file path`);
  const abs = resolve(p);
  const first = abs.slice(parse(abs).root.length).split(sep)[0] ?? '';
  if (PSEUDO_FS.has(first)) throw new WriteError(`${label}: /${first} is a system pseudo-filesystem`);
  if (f.root !== undefined) {
    const root = resolve(f.root);
    const rel = inside(root, abs);
    if (rel === '') throw new WriteError(`${label}: is the workspace directory itself, not a file`);
    let cur = root;
    for (const part of rel?.split(sep).slice(0, -1) ?? []) {
      cur = join(cur, part);
      const st = lstatOrUndefined(cur);
      if (st?.isSymbolicLink()) throw new WriteError(`${label}: "${cur}" is a symbolic link: refusing to write through it`);
      if (!st?.isDirectory()) throw new WriteError(`${label}: "${cur}" is not a directory`);
    }
  }
  let fd: number;
  try {
    fd = openSync(abs, APPEND_FLAGS, 0o644);
  } catch (e) {
    const why = code(e) === 'ELOOP' ? 'it is a symbolic link: refusing to write through it' : `cannot open it (${code(e)})`;
    throw new WriteError(`${label}: ${why}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new WriteError(`${label} is not a regular file`);
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (f.maxBytes !== undefined && st.size + buf.length > f.maxBytes) {
      throw new WriteError(`${label}: ${buf.length} more bytes would take it past the runner's ${f.maxBytes}-byte limit (it holds ${st.size})`);
    }
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
  } finally {
    closeSync(fd);
  }
  return abs;
}
