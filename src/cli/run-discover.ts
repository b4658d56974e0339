/** `mcg discover`: the Dockerfiles below a path as a GitHub Actions matrix. */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { DiscoverCommand } from './commands.js';
import { loadConfig, UsageError } from '../engine/scan.js';
import { discover, matrixOf, splitList, type MatrixEntry } from '../core/discover.js';
import { gitChangedFiles, selectChangedTargets } from '../engine/changed-targets.js';
import type { Decision } from '../core/changed-only.js';
import { spawnExec } from '../scanners/exec.js';
import { findRoot, rootDir, writeOut, type CliIo } from './io.js';
import { maxOf } from '../core/arrays.js';

export async function runDiscover(cmd: DiscoverCommand, io: CliIo): Promise<number> {
  const abs = isAbsolute(cmd.path) ? cmd.path : resolve(io.cwd, cmd.path);
  if (!existsSync(abs)) throw new UsageError(`path "${cmd.path}" does not exist`);
  const root = cmd.root ? rootDir(io, cmd.root) : findRoot(statSync(abs).isDirectory() ? abs : dirname(abs));
  const configPath = cmd.config !== undefined ? resolve(io.cwd, cmd.config) : undefined;
  const config = loadConfig(root, configPath);
  const found = discover({
    root,
    path: abs,
    dockerfileGlobs: splitList(cmd.dockerfiles),
    context: cmd.context !== undefined ? resolve(io.cwd, cmd.context) : undefined,
    include: config.include,
    exclude: config.exclude,
  });
  const full = matrixOf(found.dockerfiles);
  let matrix: { include: MatrixEntry[]; skipped?: Decision[] } = full;
  if (cmd.changedOnly) {
    const changed = await gitChangedFiles(spawnExec, root, cmd.changedOnly);
    const sel = selectChangedTargets({ root, entries: full.include, changed, config: configPath });
    const keep = new Set(sel.selected.map((s) => s.target));
    matrix = { include: full.include.filter((e) => keep.has(e.target)), skipped: sel.skipped };
    if (sel.all !== undefined) io.stderr(`changed-only: ${sel.all}\n`);
    for (const s of sel.skipped) io.stderr(`changed-only: ${s.dockerfile} (${s.target}) is ${s.reason}\n`);
  }
  let body: string;
  if (cmd.format === 'json') body = `${JSON.stringify(matrix)}\n`;
  else {
    const w = maxOf(6, matrix.include.map((e) => e.target.length));
    const d = maxOf(10, matrix.include.map((e) => e.dockerfile.length));
    body = [`${'target'.padEnd(w)}  ${'dockerfile'.padEnd(d)}  context`, ...matrix.include.map((e) => `${e.target.padEnd(w)}  ${e.dockerfile.padEnd(d)}  ${e.context}`)].join('\n') + '\n';
  }
  if (cmd.output) writeOut(io, cmd.output, body);
  else io.stdout(body);
  const skipped = matrix.skipped ? `, ${matrix.skipped.length} skipped (not changed)` : '';
  io.stderr(`${matrix.include.length} Dockerfile${matrix.include.length === 1 ? '' : 's'} found${skipped}${cmd.output ? `; matrix written to ${cmd.output}` : ''}\n`);
  return 0;
}
