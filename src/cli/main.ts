/**
 * The local CLI (`mcg`): same engine and output as the action, no @actions/* import.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CliUsageError, parseCli, USAGE, type DiscoverCommand, type MergeCommand, type ScanCommand } from './args.js';
import { loadConfig, scan, UsageError, type ScanDeps } from '../engine/scan.js';
import { discover, matrixOf, parseMatrix, splitList } from '../core/discover.js';
import { MergeError, mergedSarif, mergeReports, readArtifactReports } from '../engine/merge-reports.js';
import { ConfigError } from '../core/config.js';
import { PathError } from '../core/files.js';
import { BaselineError, MAX_BASELINE_BYTES, parseBaseline } from '../core/baseline.js';
import type { Baseline } from '../core/merge.js';
import { reportJson, writeReportJsonFd } from '../core/report-io.js';
import { sarifText as streamSarifText, writeSarifFd } from '../sarif/to-sarif.js';
import { safeWriteFile, WriteError, type WriteContent } from '../core/safe-write.js';
import { TOOL_VERSION } from '../core/meta.js';
import { catalog } from '../rules/index.js';
import { renderTable } from '../reporters/table.js';
import { renderMarkdown } from '../reporters/markdown.js';
import { spawnExec } from '../scanners/exec.js';
import type { Logger } from '../core/types.js';
import { cliExtensions } from './extensions.js';
import { probeOptions, runProbeCleanup } from './probe-cli.js';
import { profileDocument } from '../core/probe/snippets.js';
import { reportVex } from '../core/vex/openvex-out.js';
import { stdinRepo } from './stdin.js';
import { SbomCollector, writeSboms } from '../core/sbom-write.js';
import { sbomFormats } from '../core/sbom.js';
import { outcomeFor, type Outcome } from '../core/outcome.js';

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

/** Tells the user why the exit code is 2 even when the format printed has no `Result:` line. */
function finish(io: CliIo, outcome: Outcome): number {
  if (outcome.code === 2) io.stderr(`mcg: ${outcome.reason}\n`);
  return outcome.code;
}

async function runScan(cmd: ScanCommand, io: CliIo): Promise<number> {
  if (cmd.stdin) return runStdinScan(cmd, cmd.stdin, io);
  return runPathScan(cmd, io);
}

/** `--stdin`: the stream checked as a file of its name in a temporary repository (src/cli/stdin.ts). */
async function runStdinScan(cmd: ScanCommand, stdin: { name?: string | undefined }, io: CliIo): Promise<number> {
  if (!io.readStdin) throw new UsageError('--stdin: standard input cannot be read here');
  const cwdRoot = findRoot(io.cwd);
  const configFile = cmd.config !== undefined ? resolve(io.cwd, cmd.config) : ['.mcg.yml', '.mcg.yaml'].map((f) => resolve(cwdRoot, f)).find((f) => existsSync(f));
  const repo = stdinRepo(io.readStdin(), { name: stdin.name, config: configFile !== undefined ? readFileSync(configFile, 'utf8') : undefined });
  try {
    return await runPathScan({ ...cmd, path: repo.root, root: repo.root, config: undefined, stdin: undefined }, io);
  } finally {
    repo.dispose();
  }
}

async function runPathScan(cmd: ScanCommand, io: CliIo): Promise<number> {
  const abs = isAbsolute(cmd.path) ? cmd.path : resolve(io.cwd, cmd.path);
  if (!existsSync(abs)) throw new UsageError(`path "${cmd.path}" does not exist`);
  const startDir = statSync(abs).isDirectory() ? abs : dirname(abs);
  const root = cmd.root ? rootDir(io, cmd.root) : findRoot(startDir);
  const baseline = cmd.baseline ? readBaseline(io, cmd.baseline) : undefined;
  const log = logger(io, cmd.format !== 'table' && !cmd.output);
  const deps: ScanDeps = { logger: log, exec: spawnExec, ...cliExtensions({ exec: spawnExec, logger: log, env: io.env }) };
  const sboms = cmd.sbom !== undefined ? new SbomCollector(sbomFormats(cmd.sbomFormat)) : undefined;
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
      vex: cmd.vex.map((v) => resolve(io.cwd, v)),
      offline: cmd.offline,
      timeoutMs: (cmd.timeoutMinutes ?? 10) * 60_000,
      probe: probeOptions(cmd.probe, io),
      sbom: sboms?.request(),
    },
    deps,
  );
  const outcome = outcomeFor(report, { allowEmpty: cmd.allowEmpty });
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
        return renderTable(report, { color: cmd.output ? false : color, outcome });
    }
  };
  // A checked-out repository may hold a symlink where the report goes (report.sarif -> ~/.bashrc):
  // the one safe writer never writes through one (src/core/safe-write.ts).
  const write = (p: string, text: WriteContent, what?: string): void => writeOut(io, p, text, what);
  if (cmd.output) {
    // JSON and SARIF are streamed straight into the file
    if (cmd.format === 'json') write(cmd.output, (fd) => writeReportJsonFd(fd, report));
    else if (cmd.format === 'sarif') write(cmd.output, (fd) => void writeSarifFd(fd, report, { category: cmd.category }));
    else write(cmd.output, body());
    io.stderr(`${outcome.verdict}: ${outcome.reason} — ${report.counts.total} finding(s); ${cmd.format} written to ${cmd.output}\n`);
  } else io.stdout(body());
  // --sarif F, --report-json F: streamed straight into the file
  if (cmd.sarif) write(cmd.sarif, (fd) => void writeSarifFd(fd, report, { category: cmd.category }), '--sarif');
  // the proven profile next to the SARIF, when a probe ran
  if (cmd.sarif && report.targets.some((t) => t.probe)) write(join(dirname(cmd.sarif), 'mcg-profile.json'), profileDocument(report.targets), 'mcg-profile.json');
  if (cmd.reportJson) write(cmd.reportJson, (fd) => writeReportJsonFd(fd, report), '--report-json');
  if (cmd.vexOut) write(cmd.vexOut, `${JSON.stringify(reportVex(report, io.env['GITHUB_REPOSITORY'] || 'the repository maintainers'), null, 2)}\n`, '--vex-out');
  if (sboms && cmd.sbom !== undefined) {
    const written = writeSboms(sboms.sboms, { root: findRoot(io.cwd), cwd: io.cwd, allowOutside: true, what: '--sbom' }, { base: cmd.sbom, exact: true });
    for (const w of written) io.stderr(`SBOM (${w.format}) of ${w.target} written to ${w.path}\n`);
    if (written.length === 0) io.stderr('--sbom: no image was scanned by Trivy in this run, so no SBOM was written\n');
  }
  return finish(io, outcome);
}

/** --root: an existing directory, else a user error naming it. */
function rootDir(io: CliIo, p: string): string {
  const abs = resolve(io.cwd, p);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`--root "${p}" does not exist: pass the repository's top directory`);
  if (!st.isDirectory()) throw new UsageError(`--root "${p}" is not a directory: pass the repository's top directory`);
  return abs;
}

/** A small file the user named (`--matrix @F`): missing or unreadable is a user error, never a stack trace. */
function readUserFile(io: CliIo, p: string, flag: string): string {
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

/**
 * Every file the CLI writes: through the safe writer, confined below the repository around the
 * working directory (no symlink followed there); a path outside it is the user's own choice.
 */
function writeOut(io: CliIo, p: string, content: WriteContent, what = '--output'): void {
  safeWriteFile({ root: findRoot(io.cwd), cwd: io.cwd, allowOutside: true, what }, p, content);
}

function runDiscover(cmd: DiscoverCommand, io: CliIo): number {
  const abs = isAbsolute(cmd.path) ? cmd.path : resolve(io.cwd, cmd.path);
  if (!existsSync(abs)) throw new UsageError(`path "${cmd.path}" does not exist`);
  const root = cmd.root ? rootDir(io, cmd.root) : findRoot(statSync(abs).isDirectory() ? abs : dirname(abs));
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
    const text = cmd.matrix.startsWith('@') ? readUserFile(io, cmd.matrix.slice(1), '--matrix @') : cmd.matrix;
    expect = parseMatrix(text).map((e) => e.dockerfile);
  }
  const inputs = readArtifactReports(cmd.dirs.map((d) => resolve(io.cwd, d)));
  const root = cmd.root ? rootDir(io, cmd.root) : findRoot(io.cwd);
  const config = loadConfig(root, cmd.config !== undefined ? resolve(io.cwd, cmd.config) : undefined);
  const merged = mergeReports(inputs, {
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
      const color = cmd.color ?? (io.isTTY && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb');
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
      case 'probe-cleanup':
        return await runProbeCleanup(io);
    }
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`mcg: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof PathError || e instanceof BaselineError || e instanceof MergeError || e instanceof WriteError) {
      io.stderr(`mcg: ${e.message}\n`);
      return 2;
    }
    io.stderr(`mcg: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
