/** `mcg scan` argv → ScanCommand (DESIGN §6 CLI contract). Pure. */
import { parseArgs } from 'node:util';
import { parseSeverity } from '../core/severity.js';
import { CacheSpecError, parseCacheSpec } from '../core/build-cache.js';
import { DbOptionError, parseMaxDbAge, parseRepositories } from '../core/trivy-db.js';
import { SBOM_FORMAT_CHOICES, type SbomFormatChoice } from '../core/sbom.js';
import { parseProbeArgs, PROBE_OPTIONS } from './probe-args.js';
import { CliUsageError, colorFlag, parseFailOn, parseFormat, type ScanCommand } from './commands.js';

function csvScanners(v: string): { trivy: boolean; trufflehog: boolean } {
  const parts = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 1 && (parts[0] === 'all' || parts[0] === 'none')) {
    const on = parts[0] === 'all';
    return { trivy: on, trufflehog: on };
  }
  for (const p of parts) if (p !== 'trivy' && p !== 'trufflehog') throw new CliUsageError(`--scanners: unknown scanner "${p}" (use trivy, trufflehog, all or none)`);
  return { trivy: parts.includes('trivy'), trufflehog: parts.includes('trufflehog') };
}

/** `--build-arg K=V` (repeatable) → the build arguments. */
function buildArgsOf(list: readonly string[]): Record<string, string> {
  const buildArgs: Record<string, string> = {};
  for (const a of list) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`--build-arg "${a}" must be KEY=VALUE`);
    buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return buildArgs;
}

/** `--cache-from` / `--cache-to` values, each validated as BuildKit's `type=…,key=value`. */
function cacheValues(flag: string, list: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of list ?? []) {
    try {
      parseCacheSpec(v);
    } catch (e) {
      if (e instanceof CacheSpecError) throw new CliUsageError(`${flag}: ${e.message}`);
      throw e;
    }
    out.push(v.trim());
  }
  return out;
}

/** --db-repository / --java-db-repository (repeatable, in order) and --max-db-age HOURS. */
function dbOptions(db: readonly string[] | undefined, java: readonly string[] | undefined, maxAge: string | undefined): ScanCommand['trivyDb'] {
  try {
    return { repositories: parseRepositories((db ?? []).join('\n')), javaRepositories: parseRepositories((java ?? []).join('\n')), maxAgeHours: parseMaxDbAge(maxAge ?? '') };
  } catch (e) {
    if (e instanceof DbOptionError) throw new CliUsageError(`--db-repository/--java-db-repository/--max-db-age: ${e.message}`);
    throw e;
  }
}

/** The options after `mcg scan`; node's parseArgs errors come out as they are (parseCli wraps them). */
export function parseScan(rest: string[]): ScanCommand {
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
      'cache-from': { type: 'string', multiple: true },
      'cache-to': { type: 'string', multiple: true },
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
      'db-repository': { type: 'string', multiple: true },
      'java-db-repository': { type: 'string', multiple: true },
      'max-db-age': { type: 'string' },
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
  const format = parseFormat(values.format);
  const buildArgs = buildArgsOf(values['build-arg'] ?? []);
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
    cacheFrom: cacheValues('--cache-from', values['cache-from']),
    cacheTo: cacheValues('--cache-to', values['cache-to']),
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
    trivyDb: dbOptions(values['db-repository'], values['java-db-repository'], values['max-db-age']),
    timeoutMinutes,
    color: colorFlag(values),
    category: values.category,
    probe: parseProbeArgs(values),
    vex: values.vex ?? [],
    vexOut: values['vex-out'],
    sbom: values.sbom,
    sbomFormat,
    ...(values.stdin ? { stdin: { name: values['stdin-name'] } } : {}),
    allowEmpty: values['allow-empty'] === true,
  };
}
