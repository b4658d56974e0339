/**
 * Changed-only discovery (issue #23 item 2), the I/O half of core/changed-only.ts: the changed
 * file list from `git diff` (argv through the injected Exec, never a shell), each target's
 * .dockerignore and COPY sources, and the changed manifests' texts. Changed file names are
 * untrusted: they are compared as strings, read only when confined to the workspace, and quoted
 * wherever they are shown.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Exec } from '../core/types.js';
import { confine, readTextFile, underRoot } from '../core/files.js';
import { makeBuildContext } from '../core/build-context.js';
import { parseDockerfile } from '../core/dockerfile/model.js';
import { contextSources, selectChanged, type ChangedFiles, type ChangeTarget, type Selection } from '../core/changed-only.js';
import type { MatrixEntry } from '../core/discover.js';

/** A ref we hand to git: no option (`-…`), no control character, no range syntax of its own. */
export function safeRef(ref: string, what: string): string {
  if (ref === '' || ref.startsWith('-') || /[\u0000-\u0020\u007f~^:?*[\\]|\.\./.test(ref) || ref.length > 256) {
    throw new Error(`${what} ${JSON.stringify(ref.slice(0, 80))} is not a plain git ref or commit`);
  }
  return ref;
}

/** `git diff --name-only base...head` (NUL-separated, renames as delete + add); fails closed. */
export async function gitChangedFiles(exec: Exec, root: string, refs: { base: string; head?: string }): Promise<ChangedFiles> {
  let range: string;
  try {
    range = `${safeRef(refs.base, 'base')}...${refs.head !== undefined ? safeRef(refs.head, 'head') : 'HEAD'}`;
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  const r = await exec('git', ['-C', root, '-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '-z', range, '--'], { timeoutMs: 120_000, maxStdoutBytes: 64 * 1024 * 1024 });
  if (r.exitCode !== 0) {
    // the output cap stops the process and makes the exit non-zero: a cut list is no list
    const why = `it exited with ${r.exitCode}${r.timedOut ? ', timed out' : ''}: ${JSON.stringify(r.stderr.trim().split('\n').pop()?.slice(0, 300) ?? '')}`;
    return { ok: false, reason: `git diff ${JSON.stringify(range)} gave no file list (${why}); is the history fetched (actions/checkout fetch-depth: 0)?` };
  }
  const files = r.stdout.split('\u0000').filter((f) => f !== '');
  return { ok: true, files, source: `git diff ${range}` };
}

function dockerignoreOf(root: string, e: MatrixEntry): { path: string; text: string } | undefined {
  const own = `${underRoot(root, e.dockerfile)}.dockerignore`;
  const ctx = join(underRoot(root, e.context), '.dockerignore');
  for (const p of [own, ctx]) {
    if (!existsSync(p)) continue;
    const r = readTextFile(confine(root, p, '.dockerignore'), 1024 * 1024);
    if (r.ok) return { path: p, text: r.text };
  }
  return undefined;
}

/** What the selection needs of each matrix entry, read from the workspace. */
export function changeTargets(root: string, entries: readonly MatrixEntry[]): ChangeTarget[] {
  return entries.map((e) => {
    const ctx = makeBuildContext(e.context, [], dockerignoreOf(root, e));
    const r = readTextFile(underRoot(root, e.dockerfile));
    const copySources = r.ok ? contextSources(parseDockerfile(e.dockerfile, r.text)) : undefined;
    return { target: e.target, dockerfile: e.dockerfile, context: e.context, ignored: (p: string) => ctx.ignored(p), copySources };
  });
}

/** The changed YAML/JSON files that still exist, confined to the workspace, by path (for "a manifest naming it"). */
function manifestTexts(root: string, files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files.filter((x) => /\.(ya?ml|json)$/i.test(x)).slice(0, 500)) {
    try {
      const abs = confine(root, f, 'changed file');
      if (!existsSync(abs)) continue;
      const r = readTextFile(abs, 1024 * 1024);
      if (r.ok) out.set(f, r.text);
    } catch {
      // outside the workspace (a symlink): not read
    }
  }
  return out;
}

export interface ChangedOnlyInput {
  root: string;
  entries: readonly MatrixEntry[];
  changed: ChangedFiles;
  /** The configuration file in force, absolute or root-relative (default .mcg.yml / .mcg.yaml). */
  config?: string;
}

/** The selection over the discovered targets. */
export function selectChangedTargets(input: ChangedOnlyInput): Selection {
  const { root, changed } = input;
  const configPaths = ['.mcg.yml', '.mcg.yaml'];
  if (input.config !== undefined) {
    const abs = confine(root, input.config, 'config');
    configPaths.push(abs.startsWith(`${root}/`) ? abs.slice(root.length + 1) : input.config);
  }
  const texts = changed.ok ? manifestTexts(root, changed.files) : new Map<string, string>();
  return selectChanged(changeTargets(root, input.entries), changed, { configPaths, manifestTexts: texts });
}
