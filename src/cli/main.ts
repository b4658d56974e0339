/**
 * The local CLI (`mcg`): same engine and output as the action, no @actions/* import.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CliUsageError, parseCli, USAGE, type DiscoverCommand, type MergeCommand, type ScanCommand } from './args.js';
import { loadConfig, scan, UsageError, type ScanDeps } from '../core/scan.js';
import { discover, matrixOf, parseMatrix, splitList } from '../core/discover.js';
import { MergeError, mergedSarif, mergeReports, readArtifactReports } from '../core/merge-reports.js';
import { ConfigError } from '../core/config.js';
import { PathError } from '../core/files.js';
import { BaselineError, MAX_BASELINE_BYTES, parseBaseline } from '../core/baseline.js';
import type { Baseline } from '../core/merge.js';
import { reportJson, writeReportJsonFile } from '../core/report-io.js';
import { sarifText as streamSarifText, writeSarifFile } from '../sarif/to-sarif.js';
import { TOOL_VERSION } from '../core/meta.js';
import { catalog } from '../rules/index.js';
import { renderTable } from '../reporters/table.js';
import { renderMarkdown } from '../reporters/markdown.js';
import { spawnExec } from '../scanners/exec.js';
import type { Logger, Report } from '../core/types.js';
import { cliExtensions } from './extensions.js';
import { resolveProbeOptions } from './probe-args.js';
import { profileDocument } from '../core/probe/snippets.js';
import { removeProbeContainers } from '../scanners/probe/run.js';
import type { ProbeOptions } from '../core/probe/options.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  isTTY: boolean;
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

function logger(io: CliIo, quiet: boolean): Logger {
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

function exitCodeFor(report: Report): number {
  const toolFailed = report.scanners.some((s) => s.status === 'failed');
  if (toolFailed && report.policy.failOn !== 'never') return 2;
  if ((report.checkedFiles ?? 0) === 0 && report.inputErrors.length > 0 && report.targets.every((t) => !t.image)) return 2;
  return report.result === 'pass' ? 0 : 1;
}

function probeOptions(cmd: ScanCommand, io: CliIo): ProbeOptions {
  try {
    return resolveProbeOptions(cmd.probe, io.env, (p) => readFileSync(resolve(io.cwd, p), 'utf8'));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

async function runScan(cmd: ScanCommand, io: CliIo): Promise<number> {
  const abs = isAbsolute(cmd.path) ? cmd.path : resolve(io.cwd, cmd.path);
  if (!existsSync(abs)) throw new UsageError(`path "${cmd.path}" does not exist`);
  const startDir = statSync(abs).isDirectory() ? abs : dirname(abs);
  const root = cmd.root ? resolve(io.cwd, cmd.root) : findRoot(startDir);
  const baseline = cmd.baseline ? readBaseline(io, cmd.baseline) : undefined;
  const log = logger(io, cmd.format !== 'table' && !cmd.output);
  const deps: ScanDeps = { logger: log, exec: spawnExec, ...cliExtensions({ exec: spawnExec, logger: log, env: io.env }) };
  const report = await scan(
    {
      root,
      path: abs,
      dockerfiles: cmd.dockerfiles.map((d) => resolve(io.cwd, d)),
      context: cmd.context !== undefined ? resolve(io.cwd, cmd.context) : undefined,
      buildTarget: cmd.target,
      buildArgs: cmd.buildArgs,
      platform: cmd.platform,
      build: cmd.build,
      image: cmd.image,
      imageTar: cmd.imageTar !== undefined ? resolve(io.cwd, cmd.imageTar) : undefined,
      scanners: cmd.scanners,
      configPath: cmd.config !== undefined ? resolve(io.cwd, cmd.config) : undefined,
      severityThreshold: cmd.severityThreshold,
      failOn: cmd.failOn,
      baseline,
      ignoreUnfixed: cmd.ignoreUnfixed,
      verifySecrets: cmd.verifySecrets,
      offline: cmd.offline,
      timeoutMs: (cmd.timeoutMinutes ?? 10) * 60_000,
      probe: probeOptions(cmd, io),
    },
    deps,
  );
  const color = cmd.color ?? (io.isTTY && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb');
  // streamed: the log is never built as one object graph
  const sarifText = (): string => streamSarifText(report, { category: cmd.category });
  const body = (): string => {
    switch (cmd.format) {
      case 'json':
        return reportJson(report);
      case 'sarif':
        return sarifText();
      case 'markdown':
        return renderMarkdown(report);
      case 'profile':
        return profileDocument(report.targets);
      default:
        return renderTable(report, { color: cmd.output ? false : color });
    }
  };
  const write = (p: string, text: string | ((tmp: string) => void)): void => {
    const out = resolve(io.cwd, p);
    mkdirSync(dirname(out), { recursive: true });
    // A checked-out repository may hold a symlink where the report goes (report.sarif -> ~/.bashrc):
    // never write through one. The file is written beside the target and renamed over it.
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(out);
    } catch {
      st = undefined;
    }
    if (st?.isSymbolicLink()) throw new UsageError(`output "${p}" is a symbolic link: refusing to write through it; remove the link or choose another path`);
    if (st && !st.isFile()) throw new UsageError(`output "${p}" exists and is not a regular file`);
    const tmp = `${out}.mcg-${process.pid}.tmp`;
    if (typeof text === 'string') writeFileSync(tmp, text, { flag: 'wx' });
    else text(tmp);
    renameSync(tmp, out);
  };
  if (cmd.output) {
    // JSON and SARIF are streamed straight into the file
    if (cmd.format === 'json') write(cmd.output, (tmp) => writeReportJsonFile(tmp, report, 'wx'));
    else if (cmd.format === 'sarif') write(cmd.output, (tmp) => void writeSarifFile(tmp, report, { category: cmd.category }, 'wx'));
    else write(cmd.output, body());
    io.stderr(`${report.reason} — ${report.counts.total} finding(s); ${cmd.format} written to ${cmd.output}\n`);
  } else io.stdout(body());
  // --sarif F, --report-json F: streamed straight into the file
  if (cmd.sarif) write(cmd.sarif, (tmp) => void writeSarifFile(tmp, report, { category: cmd.category }, 'wx'));
  // the proven profile next to the SARIF, when a probe ran
  if (cmd.sarif && report.targets.some((t) => t.probe)) write(join(dirname(cmd.sarif), 'mcg-profile.json'), profileDocument(report.targets));
  if (cmd.reportJson) write(cmd.reportJson, (tmp) => writeReportJsonFile(tmp, report, 'wx'));
  return exitCodeFor(report);
}

/** A --baseline file: a missing or unreadable one is a user error naming the file, never a stack trace. */
function readBaseline(io: CliIo, p: string): Baseline {
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

function writeOut(io: CliIo, p: string, text: string): void {
  const out = resolve(io.cwd, p);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
}

function runDiscover(cmd: DiscoverCommand, io: CliIo): number {
  const abs = isAbsolute(cmd.path) ? cmd.path : resolve(io.cwd, cmd.path);
  if (!existsSync(abs)) throw new UsageError(`path "${cmd.path}" does not exist`);
  const root = cmd.root ? resolve(io.cwd, cmd.root) : findRoot(statSync(abs).isDirectory() ? abs : dirname(abs));
  const config = loadConfig(root, cmd.config !== undefined ? resolve(io.cwd, cmd.config) : undefined);
  const found = discover({
    root,
    path: abs,
    dockerfileGlobs: splitList(cmd.dockerfiles),
    context: cmd.context !== undefined ? resolve(io.cwd, cmd.context) : undefined,
    include: config.include,
    exclude: config.exclude,
  });
  const matrix = matrixOf(found.dockerfiles);
  let body: string;
  if (cmd.format === 'json') body = `${JSON.stringify(matrix)}\n`;
  else {
    const w = Math.max(6, ...matrix.include.map((e) => e.target.length));
    const d = Math.max(10, ...matrix.include.map((e) => e.dockerfile.length));
    body = [`${'target'.padEnd(w)}  ${'dockerfile'.padEnd(d)}  context`, ...matrix.include.map((e) => `${e.target.padEnd(w)}  ${e.dockerfile.padEnd(d)}  ${e.context}`)].join('\n') + '\n';
  }
  if (cmd.output) writeOut(io, cmd.output, body);
  else io.stdout(body);
  io.stderr(`${matrix.include.length} Dockerfile${matrix.include.length === 1 ? '' : 's'} found${cmd.output ? `; matrix written to ${cmd.output}` : ''}\n`);
  return 0;
}

function sarifPartPath(base: string, n: number): string {
  if (n === 1) return base;
  return /\.sarif$/i.test(base) ? base.replace(/\.sarif$/i, `-${n}.sarif`) : `${base}-${n}.sarif`;
}

function runMerge(cmd: MergeCommand, io: CliIo): number {
  let expect: string[] | undefined;
  if (cmd.matrix !== undefined) {
    const text = cmd.matrix.startsWith('@') ? readFileSync(resolve(io.cwd, cmd.matrix.slice(1)), 'utf8') : cmd.matrix;
    expect = parseMatrix(text).map((e) => e.dockerfile);
  }
  const inputs = readArtifactReports(cmd.dirs.map((d) => resolve(io.cwd, d)));
  const root = cmd.root ? resolve(io.cwd, cmd.root) : findRoot(io.cwd);
  const config = loadConfig(root, cmd.config !== undefined ? resolve(io.cwd, cmd.config) : undefined);
  const merged = mergeReports(inputs, {
    policy: { threshold: cmd.severityThreshold, failOn: cmd.failOn },
    baseline: cmd.baseline ? readBaseline(io, cmd.baseline) : undefined,
    ignore: config.ignore,
    expectDockerfiles: expect,
  });
  for (const n of merged.notes) io.stderr(`note: ${n}\n`);
  const report = merged.report;
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
      const color = cmd.color ?? (io.isTTY && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb');
      body = renderTable(report, { color: cmd.output ? false : color });
    }
  }
  if (cmd.output) {
    writeOut(io, cmd.output, body);
    io.stderr(`${report.reason} — ${report.counts.total} finding(s) from ${inputs.length} artifact(s); ${cmd.format} written to ${cmd.output}\n`);
  } else io.stdout(body);
  if (cmd.sarif) {
    const paths = sarif.texts.map((_, i) => sarifPartPath(cmd.sarif!, i + 1));
    paths.forEach((p, i) => writeOut(io, p, sarifText(i)));
    io.stderr(`SARIF: ${sarif.categories.length} categor${sarif.categories.length === 1 ? 'y' : 'ies'} in ${paths.join(', ')}\n`);
  }
  if (cmd.reportJson) writeOut(io, cmd.reportJson, reportJson(report));
  return exitCodeFor(report);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const cmd = parseCli(argv);
    switch (cmd.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout(`${TOOL_VERSION}\n`);
        return 0;
      case 'rules':
        if (cmd.format === 'json') io.stdout(`${JSON.stringify(catalog, null, 2)}\n`);
        else for (const m of catalog) io.stdout(`${m.id}  ${m.severity.padEnd(8)}  ${m.kind.padEnd(10)}  ${m.title}\n`);
        return 0;
      case 'scan':
        return await runScan(cmd, io);
      case 'discover':
        return runDiscover(cmd, io);
      case 'merge':
        return runMerge(cmd, io);
      case 'probe-cleanup': {
        const env: Record<string, string> = {};
        for (const [k, v] of Object.entries(io.env)) if (v !== undefined) env[k] = v;
        const n = await removeProbeContainers({ exec: spawnExec, docker: io.env['MCG_DOCKER'] ?? 'docker', env });
        io.stderr(`mcg: ${n} probe container(s) removed\n`);
        return 0;
      }
    }
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`mcg: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof PathError || e instanceof BaselineError || e instanceof MergeError) {
      io.stderr(`mcg: ${e.message}\n`);
      return 2;
    }
    io.stderr(`mcg: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
