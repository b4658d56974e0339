/** `mcg scan`: a path (or standard input) scanned, the result printed and written where asked. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ScanCommand } from './commands.js';
import { scan, UsageError, type ScanDeps } from '../engine/scan.js';
import { reportJson, writeReportJsonFd } from '../core/report-io.js';
import { sarifText as streamSarifText, writeSarifFd } from '../sarif/to-sarif.js';
import type { WriteContent } from '../core/safe-write.js';
import { renderTable } from '../reporters/table.js';
import { renderMarkdown } from '../reporters/markdown.js';
import { spawnExec } from '../scanners/exec.js';
import { cliExtensions } from './extensions.js';
import { probeOptions } from './probe-cli.js';
import { profileDocument } from '../core/probe/snippets.js';
import { reportVex } from '../core/vex/openvex-out.js';
import { stdinRepo } from './stdin.js';
import { SbomCollector, writeSboms } from '../core/sbom-write.js';
import { sbomFormats } from '../core/sbom.js';
import { outcomeFor } from '../core/outcome.js';
import { colorWanted, findRoot, finish, logger, readBaseline, rootDir, writeOut, type CliIo } from './io.js';

export async function runScan(cmd: ScanCommand, io: CliIo): Promise<number> {
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
      trivyDb: cmd.trivyDb,
      buildCache: { from: cmd.cacheFrom.length > 0 ? cmd.cacheFrom : 'off', to: cmd.cacheTo.length > 0 ? cmd.cacheTo : 'off' },
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
  const color = colorWanted(io, cmd.color);
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
