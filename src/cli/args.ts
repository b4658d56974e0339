/** `mcg` command-line parsing (DESIGN §6 CLI contract). Pure: argv in, options or a usage error out. */
import { parseArgs } from 'node:util';
import type { FailOn, Severity } from '../core/types.js';
import { parseSeverity } from '../core/severity.js';
import { parseProbeArgs, PROBE_OPTIONS, type ProbeArgs } from './probe-args.js';
import { SBOM_FORMAT_CHOICES, type SbomFormatChoice } from '../core/sbom.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown', 'profile'] as const;
export type Format = (typeof FORMATS)[number];

export class CliUsageError extends Error {}

export interface ScanCommand {
  command: 'scan';
  path: string;
  root?: string;
  dockerfiles: string[];
  context?: string;
  target?: string;
  buildArgs: Record<string, string>;
  platform?: string;
  build: boolean;
  image?: string;
  imageTar?: string;
  scanners: { trivy: boolean; trufflehog: boolean };
  format: Format;
  output?: string;
  sarif?: string;
  reportJson?: string;
  severityThreshold?: Severity;
  failOn?: FailOn;
  config?: string;
  baseline?: string;
  ignoreUnfixed: boolean;
  offline: boolean;
  timeoutMinutes?: number;
  color?: boolean;
  category?: string;
  verifySecrets: boolean;
  /** The runtime probe (src/cli/probe-args.ts). */
  probe: ProbeArgs;
  /** VEX documents deciding on image vulnerabilities (repeatable --vex). */
  vex: string[];
  /** Write the OpenVEX document of this run's vulnerability suppressions here. */
  vexOut?: string;
  /** `--sbom F`: write the image's SBOM to F (issue #22), in `sbomFormat` (default cyclonedx). */
  sbom?: string;
  sbomFormat: SbomFormatChoice;
  /** `--stdin`: check standard input (src/cli/stdin.ts), named by `--stdin-name` when given. */
  stdin?: { name?: string | undefined };
  /** Accept a run that checked no file (otherwise exit 2). */
  allowEmpty: boolean;
}

export interface DiscoverCommand {
  command: 'discover';
  path: string;
  root?: string;
  /** Globs selecting the Dockerfiles (repository-relative); empty = the default names. */
  dockerfiles: string[];
  context?: string;
  config?: string;
  format: 'json' | 'table';
  output?: string;
}

export interface MergeCommand {
  command: 'merge';
  /** Artifact directories (or download directories holding one subdirectory per artifact). */
  dirs: string[];
  sarif?: string;
  reportJson?: string;
  format: Format;
  output?: string;
  severityThreshold?: Severity;
  failOn?: FailOn;
  category?: string;
  /** The discover matrix (JSON text or @file): every Dockerfile in it must have results. */
  matrix?: string;
  color?: boolean;
  /** This run's own baseline and config (ignore: entries): the artifacts' claims decide nothing. */
  baseline?: string;
  config?: string;
  root?: string;
  /** This run's own VEX files: applied to the merged image findings (the artifacts' VEX claims are not trusted). */
  vex: string[];
}

export type Command =
  | ScanCommand
  | DiscoverCommand
  | MergeCommand
  | { command: 'rules'; format: 'table' | 'json' }
  | { command: 'version' }
  | { command: 'help' }
  | { command: 'probe-cleanup' };

export const USAGE = `Usage: mcg <command> [options]

Commands:
  scan [path]            Scan Dockerfiles, the built image, compose files, Kubernetes
                         manifests and workflows below path (default: .)
  discover [path]        Print the Dockerfiles below path as a GitHub Actions matrix
                         ({"include":[{"target","dockerfile","context"}…]})
  merge DIR…             Merge the results of several scan jobs (artifact directories)
                         into one report and one SARIF log
  rules                  List the rule catalog
  probe-cleanup          Remove every container the runtime probe labelled (after a killed run)
  --version              Print the version
  --help                 Print this help

scan options:
  --dockerfile F         Dockerfile to scan (repeatable); default: discover all
  --stdin                Check standard input (a Dockerfile, or YAML such as
                         \`helm template … | mcg scan --stdin\`); static checks only
  --stdin-name NAME      What the stream is (rendered.yaml, compose.yaml, Dockerfile);
                         findings show this path. Default: sniffed (see README)
  --context DIR          Build context for --dockerfile (default: its directory)
  --target STAGE         Build stage to build and check as the final stage
  --build-arg K=V        Build argument (repeatable)
  --platform P           Build platform, e.g. linux/amd64
  --no-build             Static checks only: no image build, no Trivy/TruffleHog
  --image REF            Scan an existing local image instead of building
  --image-tar F          Scan a docker save tarball instead of building
  --scanners LIST        trivy,trufflehog (default both) or none
  --format F             table (default), json, sarif or markdown
  --output F             Write the formatted result to F instead of stdout
  --sarif F              Also write the SARIF log to F
  --vex F                A VEX file (OpenVEX or CycloneDX) deciding on image vulnerabilities
                         (repeatable; inside the repository)
  --vex-out F            Write the run's vulnerability suppressions as OpenVEX to F
  --sbom F               Write the image's SBOM to F (F.cdx.json / F.spdx.json by format;
                         the target in the name when several images are scanned)
  --sbom-format F        cyclonedx (default), spdx or both
  --report-json F        Also write the report JSON to F
  --severity-threshold S critical|high|medium|low|info (default high)
  --fail-on M            new (default), any or never
  --config F             Config file (default .mcg.yml at the root)
  --baseline F           Earlier report JSON or SARIF: findings in it are not new
  --ignore-unfixed       Leave out vulnerabilities without a fixed version
  --verify-secrets       Let TruffleHog verify secrets against their services
  --offline              Use the local vulnerability DB only
  --timeout-minutes N    Per-scanner timeout (default 10)
  --runtime-probe M      auto|true|false: start the built image hardened and speak MCP to it (default auto)
  --probe-transport T    auto|stdio|http (http is not supported yet)
  --probe-timeout-seconds N  Per-request timeout of the probe's handshake (default 30)
  --probe-env NAME       Pass NAME (value from mcg's environment) to the server at start (repeatable)
  --probe-env-file F     NAME=value lines to pass to the server at start
  --root DIR             Repository root that paths are relative to (default: git top level)
  --category C           SARIF category prefix (default mcg)
  --no-color             No colours (NO_COLOR is honoured too)
  --allow-empty          Accept a run that checked no file (default: exit 2, saying so)

discover options:
  --dockerfiles GLOB     Which files are Dockerfiles (repeatable, or comma/newline-separated;
                         repository-relative globs); default: Dockerfile, *.Dockerfile,
                         Dockerfile.*, Containerfile
  --context DIR          Build context for every Dockerfile (default: its directory)
  --format F             json (default, one line for $GITHUB_OUTPUT) or table
  --config F, --root DIR, --output F   as for scan

merge options:
  --sarif F              Write the merged SARIF log to F (when the targets do not fit one
                         upload, further logs go to F-2.sarif, F-3.sarif …)
  --report-json F        Write the merged report JSON to F
  --matrix JSON|@F       The discover matrix: a Dockerfile in it without results fails the merge
  --baseline F, --config F, --root DIR   this run's own baseline and ignore: entries: the
                         verdict is recomputed from the findings; the artifacts' result, new
                         marks and suppressions are not trusted
  --vex F                VEX files (repeatable, inside the repository) applied to the merged
                         image findings, as scan --vex applies them
  --format, --output, --severity-threshold, --fail-on, --category, --no-color   as for scan

Exit status: 0 pass, 1 the policy failed, 2 usage, config or tool error.`;

function csvScanners(v: string): { trivy: boolean; trufflehog: boolean } {
  const parts = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 1 && (parts[0] === 'all' || parts[0] === 'none')) {
    const on = parts[0] === 'all';
    return { trivy: on, trufflehog: on };
  }
  for (const p of parts) if (p !== 'trivy' && p !== 'trufflehog') throw new CliUsageError(`--scanners: unknown scanner "${p}" (use trivy, trufflehog, all or none)`);
  return { trivy: parts.includes('trivy'), trufflehog: parts.includes('trufflehog') };
}

function parseFailOn(v: string | undefined): FailOn | undefined {
  if (v !== undefined && v !== 'new' && v !== 'any' && v !== 'never') throw new CliUsageError(`--fail-on must be new, any or never, got "${v}"`);
  return v;
}

function parseDiscover(rest: string[]): DiscoverCommand {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      dockerfiles: { type: 'string', multiple: true },
      dockerfile: { type: 'string', multiple: true },
      context: { type: 'string' },
      config: { type: 'string' },
      root: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length > 1) throw new CliUsageError(`discover takes one path, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new CliUsageError(`--format for discover must be json or table, got "${format}"`);
  return {
    command: 'discover',
    path: positionals[0] ?? '.',
    root: values.root,
    dockerfiles: [...(values.dockerfiles ?? []), ...(values.dockerfile ?? [])],
    context: values.context,
    config: values.config,
    format,
    output: values.output,
  };
}

function parseMerge(rest: string[]): MergeCommand {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      sarif: { type: 'string' },
      'report-json': { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'severity-threshold': { type: 'string' },
      'fail-on': { type: 'string' },
      category: { type: 'string' },
      matrix: { type: 'string' },
      'no-color': { type: 'boolean' },
      color: { type: 'boolean' },
      baseline: { type: 'string' },
      config: { type: 'string' },
      root: { type: 'string' },
      vex: { type: 'string', multiple: true },
    },
  });
  if (positionals.length === 0) throw new CliUsageError('merge needs at least one artifact directory');
  const format = (values.format ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw new CliUsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  return {
    command: 'merge',
    dirs: positionals,
    sarif: values.sarif,
    reportJson: values['report-json'],
    format,
    output: values.output,
    severityThreshold: values['severity-threshold'] !== undefined ? parseSeverity(values['severity-threshold'], '--severity-threshold') : undefined,
    failOn: parseFailOn(values['fail-on']),
    category: values.category,
    matrix: values.matrix,
    color: values['no-color'] ? false : values.color ? true : undefined,
    baseline: values.baseline,
    config: values.config,
    root: values.root,
    vex: values.vex ?? [],
  };
}

export function parseCli(argv: string[]): Command {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version') return { command: 'version' };
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'rules') {
      const { values } = parseArgs({ args: rest, options: { format: { type: 'string' } }, strict: true });
      const f = values.format ?? 'table';
      if (f !== 'table' && f !== 'json') throw new CliUsageError(`--format for rules must be table or json`);
      return { command: 'rules', format: f };
    }
    if (cmd === 'probe-cleanup') return { command: 'probe-cleanup' };
    if (cmd === 'discover') return parseDiscover(rest);
    if (cmd === 'merge') return parseMerge(rest);
    if (cmd !== 'scan') throw new CliUsageError(`unknown command "${cmd}"`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        dockerfile: { type: 'string', multiple: true },
        context: { type: 'string' },
        target: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
        platform: { type: 'string' },
        'no-build': { type: 'boolean' },
        image: { type: 'string' },
        'image-tar': { type: 'string' },
        scanners: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        sarif: { type: 'string' },
        'report-json': { type: 'string' },
        'severity-threshold': { type: 'string' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        baseline: { type: 'string' },
        'ignore-unfixed': { type: 'boolean' },
        'verify-secrets': { type: 'boolean' },
        offline: { type: 'boolean' },
        'timeout-minutes': { type: 'string' },
        root: { type: 'string' },
        category: { type: 'string' },
        'no-color': { type: 'boolean' },
        color: { type: 'boolean' },
        ...PROBE_OPTIONS,
        vex: { type: 'string', multiple: true },
        'vex-out': { type: 'string' },
        sbom: { type: 'string' },
        'sbom-format': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-name': { type: 'string' },
        'allow-empty': { type: 'boolean' },
      },
    });
    if (values['stdin-name'] !== undefined && !values.stdin) throw new CliUsageError('--stdin-name goes with --stdin');
    if (values.stdin && (positionals.length > 0 || values.dockerfile || values.context)) throw new CliUsageError('--stdin checks standard input: give no path, --dockerfile or --context with it');
    if (positionals.length > 1) throw new CliUsageError(`scan takes one path, got ${positionals.length}: ${positionals.join(' ')}`);
    const format = (values.format ?? 'table') as Format;
    if (!FORMATS.includes(format)) throw new CliUsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
    const buildArgs: Record<string, string> = {};
    for (const a of values['build-arg'] ?? []) {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new CliUsageError(`--build-arg "${a}" must be KEY=VALUE`);
      buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const failOn = parseFailOn(values['fail-on']);
    let timeoutMinutes: number | undefined;
    if (values['timeout-minutes'] !== undefined) {
      timeoutMinutes = Number(values['timeout-minutes']);
      if (!Number.isFinite(timeoutMinutes) || timeoutMinutes <= 0) throw new CliUsageError(`--timeout-minutes must be a positive number`);
    }
    const sbomFormat = (values['sbom-format'] ?? 'cyclonedx') as SbomFormatChoice;
    if (!SBOM_FORMAT_CHOICES.includes(sbomFormat) || sbomFormat === 'none') throw new CliUsageError(`--sbom-format must be cyclonedx, spdx or both, got "${values['sbom-format']}"`);
    if (values['sbom-format'] !== undefined && values.sbom === undefined) throw new CliUsageError('--sbom-format goes with --sbom F');
    if (values.image && values['image-tar']) throw new CliUsageError('use either --image or --image-tar, not both');
    return {
      command: 'scan',
      path: positionals[0] ?? '.',
      root: values.root,
      dockerfiles: values.dockerfile ?? [],
      context: values.context,
      target: values.target,
      buildArgs,
      platform: values.platform,
      build: !values['no-build'] && !values.image && !values['image-tar'] && !values.stdin,
      image: values.image,
      imageTar: values['image-tar'],
      scanners: csvScanners(values.scanners ?? 'all'),
      format,
      output: values.output,
      sarif: values.sarif,
      reportJson: values['report-json'],
      severityThreshold: values['severity-threshold'] !== undefined ? parseSeverity(values['severity-threshold'], '--severity-threshold') : undefined,
      failOn,
      config: values.config,
      baseline: values.baseline,
      ignoreUnfixed: values['ignore-unfixed'] === true,
      verifySecrets: values['verify-secrets'] === true,
      offline: values.offline === true,
      timeoutMinutes,
      color: values['no-color'] ? false : values.color ? true : undefined,
      category: values.category,
      probe: parseProbeArgs(values),
      vex: values.vex ?? [],
      vexOut: values['vex-out'],
      sbom: values.sbom,
      sbomFormat,
      ...(values.stdin ? { stdin: { name: values['stdin-name'] } } : {}),
      allowEmpty: values['allow-empty'] === true,
    };
  } catch (e) {
    if (e instanceof CliUsageError) throw e;
    throw new CliUsageError((e as Error).message);
  }
}
