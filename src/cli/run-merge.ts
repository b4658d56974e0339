/** `mcg merge`: the artifacts of several scan jobs merged into one report and its SARIF logs. */
import { resolve } from 'node:path';
import type { MergeCommand } from './commands.js';
import { loadConfig, UsageError } from '../engine/scan.js';
import { parseMatrix } from '../core/discover.js';
import { MergeError, mergedSarif, mergeReports, readArtifactReports } from '../engine/merge-reports.js';
import { loadVex } from '../core/vex/scan-vex.js';
import { reportJson } from '../core/report-io.js';
import { renderTable } from '../reporters/table.js';
import { renderMarkdown } from '../reporters/markdown.js';
import { outcomeFor } from '../core/outcome.js';
import { colorWanted, findRoot, finish, readBaseline, readUserFile, rootDir, writeOut, type CliIo } from './io.js';

function sarifPartPath(base: string, n: number): string {
  if (n === 1) return base;
  return /\.sarif$/i.test(base) ? base.replace(/\.sarif$/i, `-${n}.sarif`) : `${base}-${n}.sarif`;
}

export function runMerge(cmd: MergeCommand, io: CliIo): number {
  let expect: string[] | undefined;
  if (cmd.matrix !== undefined) {
    const text = cmd.matrix.startsWith('@') ? readUserFile(io, cmd.matrix.slice(1), '--matrix @') : cmd.matrix;
    expect = parseMatrix(text).map((e) => e.dockerfile);
  }
  const inputs = readArtifactReports(cmd.dirs.map((d) => resolve(io.cwd, d)));
  const root = cmd.root ? rootDir(io, cmd.root) : findRoot(io.cwd);
  const config = loadConfig(root, cmd.config !== undefined ? resolve(io.cwd, cmd.config) : undefined);
  const vex = loadVex(root, cmd.vex.map((v) => resolve(io.cwd, v)));
  // an unreadable VEX file fails the merge, as it fails a scan
  if (vex.errors.length > 0) throw new MergeError(vex.errors.map((e) => `${e.path}:${e.line}: ${e.message}`).join('; '));
  const merged = mergeReports(inputs, {
    vex: vex.documents,
    policy: { threshold: cmd.severityThreshold, failOn: cmd.failOn },
    baseline: cmd.baseline ? readBaseline(io, cmd.baseline) : undefined,
    ignore: config.ignore,
    expectDockerfiles: expect,
  });
  for (const n of merged.notes) io.stderr(`note: ${n}\n`);
  const report = merged.report;
  // a merge has no --allow-empty: an empty merge is an error only when inputs could not be read
  const outcome = outcomeFor(report, { allowEmpty: report.inputErrors.length === 0 });
  const sarif = mergedSarif(merged, { category: cmd.category });
  const sarifText = (i: number): string => sarif.texts[i] ?? '';
  let body: string;
  switch (cmd.format) {
    case 'json':
      body = reportJson(report);
      break;
    case 'sarif':
      if (sarif.texts.length > 1) throw new UsageError(`the merged results need ${sarif.texts.length} SARIF logs (GitHub takes ${sarif.logs[0]?.runs.length ?? 0} runs per upload at most): write them with --sarif F`);
      body = sarifText(0);
      break;
    case 'markdown':
      body = renderMarkdown(report);
      break;
    default: {
      const color = colorWanted(io, cmd.color);
      body = renderTable(report, { color: cmd.output ? false : color, outcome });
    }
  }
  if (cmd.output) {
    writeOut(io, cmd.output, body);
    io.stderr(`${outcome.verdict}: ${outcome.reason} — ${report.counts.total} finding(s) from ${inputs.length} artifact(s); ${cmd.format} written to ${cmd.output}\n`);
  } else io.stdout(body);
  if (cmd.sarif) {
    const paths = sarif.texts.map((_, i) => sarifPartPath(cmd.sarif!, i + 1));
    paths.forEach((p, i) => writeOut(io, p, sarifText(i), '--sarif'));
    io.stderr(`SARIF: ${sarif.categories.length} categor${sarif.categories.length === 1 ? 'y' : 'ies'} in ${paths.join(', ')}\n`);
  }
  if (cmd.reportJson) writeOut(io, cmd.reportJson, reportJson(report), '--report-json');
  return finish(io, outcome);
}
