/**
 * What every `mcg` subcommand shares: the process around it (CliIo), the repository root, the
 * logger, the exit code, the files the user names and the one way the CLI writes a file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../engine/scan.js';
import { MAX_BASELINE_BYTES, parseBaseline } from '../core/baseline.js';
import type { Baseline } from '../core/merge.js';
import { safeWriteFile, type WriteContent } from '../core/safe-write.js';
import type { Logger } from '../core/types.js';
import type { Outcome } from '../core/outcome.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  isTTY: boolean;
  /** Standard input, read whole (`scan --stdin`). */
  readStdin?: () => Buffer;
}

/** The repository root: --root, else the nearest ancestor holding .git, else the scanned directory. */
export function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

/** Messages to stderr: info unless quiet (a machine format on stdout), debug only with MCG_DEBUG. */
export function logger(io: CliIo, quiet: boolean): Logger {
  return {
    debug: (m) => {
      if (io.env['MCG_DEBUG']) io.stderr(`debug: ${m}\n`);
    },
    info: (m) => {
      if (!quiet) io.stderr(`${m}\n`);
    },
    warning: (m) => io.stderr(`warning: ${m}\n`),
    error: (m) => io.stderr(`error: ${m}\n`),
  };
}

/** Tells the user why the exit code is 2 even when the format printed has no `Result:` line. */
export function finish(io: CliIo, outcome: Outcome): number {
  if (outcome.code === 2) io.stderr(`mcg: ${outcome.reason}\n`);
  return outcome.code;
}

/** Colours: as forced by --color / --no-color, else on a terminal unless NO_COLOR or TERM=dumb. */
export function colorWanted(io: CliIo, forced: boolean | undefined): boolean {
  return forced ?? (io.isTTY && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb');
}

/** --root: an existing directory, else a user error naming it. */
export function rootDir(io: CliIo, p: string): string {
  const abs = resolve(io.cwd, p);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`--root "${p}" does not exist: pass the repository's top directory`);
  if (!st.isDirectory()) throw new UsageError(`--root "${p}" is not a directory: pass the repository's top directory`);
  return abs;
}

/** A small file the user named (`--matrix @F`): missing or unreadable is a user error, never a stack trace. */
export function readUserFile(io: CliIo, p: string, flag: string): string {
  const abs = resolve(io.cwd, p);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`${flag}"${p}": the file does not exist`);
  if (!st.isFile()) throw new UsageError(`${flag}"${p}" is ${st.isDirectory() ? 'a directory' : 'not a regular file'}, not a file`);
  if (st.size > MAX_BASELINE_BYTES) throw new UsageError(`${flag}"${p}" is ${st.size} bytes, over the ${MAX_BASELINE_BYTES}-byte limit`);
  try {
    return readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`${flag}"${p}" could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`);
  }
}

/** A --baseline file: a missing or unreadable one is a user error naming the file, never a stack trace. */
export function readBaseline(io: CliIo, p: string): Baseline {
  const abs = resolve(io.cwd, p);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`--baseline "${p}" does not exist: pass a report JSON or SARIF file written by an earlier mcg run`);
  if (!st.isFile()) throw new UsageError(`--baseline "${p}" is ${st.isDirectory() ? 'a directory' : 'not a regular file'}: pass a report JSON or SARIF file written by an earlier mcg run`);
  if (st.size > MAX_BASELINE_BYTES) throw new UsageError(`--baseline "${p}" is ${st.size} bytes, over the ${MAX_BASELINE_BYTES}-byte limit`);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`--baseline "${p}" could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`);
  }
  return parseBaseline(text, p);
}

/**
 * Every file the CLI writes: through the safe writer, confined below the repository around the
 * working directory (no symlink followed there); a path outside it is the user's own choice.
 */
export function writeOut(io: CliIo, p: string, content: WriteContent, what = '--output'): void {
  safeWriteFile({ root: findRoot(io.cwd), cwd: io.cwd, allowOutside: true, what }, p, content);
}
