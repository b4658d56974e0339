/**
 * The local CLI (`mcg`): same engine and output as the action, no @actions/* import.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CliUsageError, parseCli, USAGE, type ScanCommand } from './args.js';
import { scan, UsageError, type ScanDeps } from '../core/scan.js';
import { ConfigError } from '../core/config.js';
import { PathError } from '../core/files.js';
import { BaselineError, parseBaseline } from '../core/baseline.js';
import { reportJson } from '../core/report-io.js';
import { toSarif } from '../sarif/to-sarif.js';
import { TOOL_VERSION } from '../core/meta.js';
import { catalog } from '../rules/index.js';
import { renderTable } from '../reporters/table.js';
import { renderMarkdown } from '../reporters/markdown.js';
import { spawnExec } from '../scanners/exec.js';
import type { Logger, Report } from '../core/types.js';
import { cliExtensions } from './extensions.js';

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

async function runScan(cmd: ScanCommand, io: CliIo): Promise<number> {
  const abs = isAbsolute(cmd.path) ? cmd.path : resolve(io.cwd, cmd.path);
  if (!existsSync(abs)) throw new UsageError(`path "${cmd.path}" does not exist`);
  const startDir = statSync(abs).isDirectory() ? abs : dirname(abs);
  const root = cmd.root ? resolve(io.cwd, cmd.root) : findRoot(startDir);
  const baseline = cmd.baseline ? parseBaseline(readFileSync(resolve(io.cwd, cmd.baseline), 'utf8'), cmd.baseline) : undefined;
  const deps: ScanDeps = { logger: logger(io, cmd.format !== 'table' && !cmd.output), exec: spawnExec, ...cliExtensions() };
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
    },
    deps,
  );
  const color = cmd.color ?? (io.isTTY && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb');
  const sarifText = (): string => `${JSON.stringify(toSarif(report, { category: cmd.category }), null, 2)}\n`;
  let body: string;
  switch (cmd.format) {
    case 'json':
      body = reportJson(report);
      break;
    case 'sarif':
      body = sarifText();
      break;
    case 'markdown':
      body = renderMarkdown(report);
      break;
    default:
      body = renderTable(report, { color: cmd.output ? false : color });
  }
  const write = (p: string, text: string): void => {
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
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, out);
  };
  if (cmd.output) {
    write(cmd.output, body);
    io.stderr(`${report.reason} — ${report.counts.total} finding(s); ${cmd.format} written to ${cmd.output}\n`);
  } else io.stdout(body);
  if (cmd.sarif) write(cmd.sarif, sarifText());
  if (cmd.reportJson) write(cmd.reportJson, reportJson(report));
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
    }
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`mcg: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof PathError || e instanceof BaselineError) {
      io.stderr(`mcg: ${e.message}\n`);
      return 2;
    }
    io.stderr(`mcg: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
