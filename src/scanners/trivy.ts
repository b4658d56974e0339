/**
 * Trivy adapter: buildArgs() and parse() are pure, run() = exec + parse.
 * `trivy image --input <docker save tar> --format json` (DESIGN §7); OS-package vulnerabilities
 * land on the instruction whose layer introduced the package, language packages on the lockfile
 * line that names them when the build context has one (DESIGN §3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AffectedPackage, Exec, Finding, Severity, SuppressionMatch } from '../core/types.js';
import type { LayerMap, LayerSite } from '../core/image/layer-map.js';
import { locatePackage, type Lockfile } from './lockfiles.js';
import { exitDescription, outputTail } from './errors.js';

export interface TrivyArgsOptions {
  input: string;
  cacheDir: string;
  offline?: boolean;
  ignoreUnfixed?: boolean;
  timeoutMs?: number;
  /** Write the JSON report to this file instead of stdout. */
  output?: string;
  /** VEX documents Trivy applies; what they suppress is still reported, as suppressed (`--show-suppressed`). */
  vex?: readonly string[];
  /** List every package, vulnerable or not (the SBOM is converted from this report). */
  listAllPackages?: boolean;
  /** Mirrors of the vulnerability DB / the Java DB, in order (Trivy tries them in turn). */
  dbRepositories?: readonly string[];
  javaDbRepositories?: readonly string[];
}

/** Trivy's `--timeout` takes a Go duration. */
function goDuration(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))}s`;
}

export function buildArgs(o: TrivyArgsOptions): string[] {
  const args = [
    'image',
    '--input',
    o.input,
    '--format',
    'json',
    '--skip-version-check',
    '--disable-telemetry',
    '--no-progress',
    '--scanners',
    'vuln',
    '--cache-dir',
    o.cacheDir,
  ];
  if (o.offline) args.push('--skip-db-update', '--skip-java-db-update', '--offline-scan');
  if (o.ignoreUnfixed) args.push('--ignore-unfixed');
  if (o.timeoutMs) args.push('--timeout', goDuration(o.timeoutMs));
  if (o.output) args.push('--output', o.output);
  for (const v of o.vex ?? []) args.push('--vex', v);
  if (o.vex?.length) args.push('--show-suppressed');
  if (o.listAllPackages) args.push('--list-all-pkgs');
  for (const r of o.dbRepositories ?? []) args.push('--db-repository', r);
  for (const r of o.javaDbRepositories ?? []) args.push('--java-db-repository', r);
  return args;
}

/** `DS002`, `AVD-DS-0002`, `DS-0002` → `DS-0002` (Trivy changed its check id style in 2025). */
export function normalizeCheckId(id: string): string {
  const m = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  if (!m) return id.trim();
  return `${m[1]!.toUpperCase()}-${m[2]!.padStart(4, '0')}`;
}

/** The same check whatever id style each side uses. */
export function sameCheck(a: string, b: string): boolean {
  return normalizeCheckId(a) === normalizeCheckId(b);
}

const SEVERITY: Record<string, Severity> = { CRITICAL: 'critical', HIGH: 'high', MEDIUM: 'medium', LOW: 'low', UNKNOWN: 'low' };

export interface TrivyParseContext {
  /** Repository path of the Dockerfile. */
  dockerfile: string;
  target: string;
  layers: LayerMap;
  /** Lockfiles/manifests of the build context, in preference order. */
  lockfiles: readonly Lockfile[];
}

export interface ParseResult {
  findings: Finding[];
  /** Set when the output could not be read at all. */
  error?: string;
}

interface Vuln {
  VulnerabilityID?: unknown;
  PkgName?: unknown;
  PkgPath?: unknown;
  InstalledVersion?: unknown;
  FixedVersion?: unknown;
  Status?: unknown;
  Layer?: { DiffID?: unknown };
  PkgIdentifier?: { PURL?: unknown };
  SeveritySource?: unknown;
  PrimaryURL?: unknown;
  Title?: unknown;
  Description?: unknown;
  Severity?: unknown;
  CVSS?: Record<string, { V3Score?: unknown }>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cvssOf(v: Vuln): number | undefined {
  const src = str(v.SeveritySource);
  const pick = (k: string | undefined): number | undefined => {
    if (!k || !isRecord(v.CVSS)) return undefined;
    const s = v.CVSS[k]?.V3Score;
    return typeof s === 'number' && s > 0 && s <= 10 ? s : undefined;
  };
  return pick(src) ?? pick('nvd');
}

function siteForLayer(layers: LayerMap, diffId: string | undefined): LayerSite {
  return (diffId ? layers.byDiffId.get(diffId) : undefined) ?? layers.from;
}

const OS_CLASS = 'os-pkgs';

/**
 * A result's vulnerabilities, and those a VEX document suppressed (`--show-suppressed` lists them
 * under ExperimentalModifiedFindings) with the suppression Trivy applied.
 */
function vulnerabilitiesOf(res: Record<string, unknown>): Array<[unknown, SuppressionMatch | undefined]> {
  const out: Array<[unknown, SuppressionMatch | undefined]> = [];
  if (Array.isArray(res['Vulnerabilities'])) for (const v of res['Vulnerabilities'] as unknown[]) out.push([v, undefined]);
  const modified = res['ExperimentalModifiedFindings'];
  for (const m of Array.isArray(modified) ? (modified as unknown[]) : []) {
    if (!isRecord(m) || m['Type'] !== 'vulnerability' || !isRecord(m['Finding'])) continue;
    const why = [str(m['Status']), str(m['Statement'])].filter((x) => x).join(': ');
    out.push([m['Finding'], { kind: 'external', justification: `VEX ${why || 'statement'}`, where: str(m['Source']) ?? 'VEX' }]);
  }
  return out;
}

function packageOf(v: Vuln, name: string): AffectedPackage {
  const purl = isRecord(v.PkgIdentifier) ? str(v.PkgIdentifier['PURL']) : undefined;
  return { name, version: str(v.InstalledVersion), purl: purl?.startsWith('pkg:') ? purl : undefined };
}

/** Trivy JSON report → findings. Never throws: unreadable output is returned as `error`. */
export function parse(json: string, ctx: TrivyParseContext): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { findings: [], error: `Trivy printed output that is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isRecord(doc) || (doc['Results'] !== undefined && doc['Results'] !== null && !Array.isArray(doc['Results']))) {
    return { findings: [], error: 'Trivy printed JSON that is not a Trivy report (no Results array)' };
  }
  if (doc['SchemaVersion'] !== undefined && doc['SchemaVersion'] !== 2) {
    return { findings: [], error: `Trivy report schema ${String(doc['SchemaVersion'])} is not supported (expected 2)` };
  }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const res of (doc['Results'] as unknown[] | undefined) ?? []) {
    if (!isRecord(res)) continue;
    const cls = str(res['Class']);
    const type = str(res['Type']) ?? 'unknown';
    const isOs = cls === OS_CLASS;
    for (const [raw, suppressed] of vulnerabilitiesOf(res)) {
      if (!isRecord(raw)) continue;
      const v = raw as Vuln;
      const id = str(v.VulnerabilityID);
      const pkg = str(v.PkgName);
      if (!id || !pkg) continue;
      const pkgPath = str(v.PkgPath);
      const installed = str(v.InstalledVersion) ?? 'unknown version';
      const fixed = str(v.FixedVersion);
      const diffId = isRecord(v.Layer) ? str(v.Layer['DiffID']) : undefined;
      const site = siteForLayer(ctx.layers, diffId);
      const lock = isOs ? undefined : locatePackage(ctx.lockfiles, type, pkg);
      const key = `${id}|${pkg}|${type}${isOs ? '' : `|${pkgPath ?? ''}`}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const severity = SEVERITY[str(v.Severity) ?? 'UNKNOWN'] ?? 'low';
      const title = str(v.Title);
      const where = isOs ? `${type} package` : pkgPath ? `/${pkgPath.replace(/^\/+/, '')}` : `${type} package`;
      const introduced = site.base ? 'comes with the base image' : `was installed by ${site.keyword} on line ${site.line}`;
      const fixText = fixed ? `fixed in ${fixed}` : 'no fixed version yet';
      const message =
        `${pkg} ${installed} is affected by ${id}${title ? `: ${title}` : ''} (${fixText}). ` +
        `The package ${introduced}${lock ? `; it is declared in ${lock.path} line ${lock.line}` : ''}.`;
      const evidence = `${where}${diffId ? `, layer ${diffId}` : ''}`;
      const helpUri = str(v.PrimaryURL);
      const f: Finding = {
        ruleId: id,
        source: 'trivy',
        severity,
        message,
        location: lock ? { path: lock.path, startLine: lock.line, evidence } : { path: ctx.dockerfile, startLine: site.line, endLine: site.endLine, evidence },
        fingerprint: '',
        fingerprintKey: key,
        target: ctx.target,
        fix: fixed ? `Upgrade ${pkg} to ${fixed} or later (rebuild on an updated base image for OS packages).` : `No fixed version of ${pkg} is published yet: remove the package if it is not needed, or accept the risk with a suppression that expires.`,
        helpUri,
        rule: {
          title: title ?? `${id} in ${pkg}`,
          description: str(v.Description)?.slice(0, 1000),
          helpUri,
          tags: ['security', 'vulnerability', isOs ? 'os-package' : 'language-package'],
        },
        cvss: cvssOf(v),
        package: packageOf(v, pkg),
        ...(suppressed ? { suppressed } : {}),
      };
      findings.push(f);
    }
  }
  return { findings };
}

/**
 * The environment Trivy runs with: the runner's, less every `TRIVY_*` variable. Trivy reads one for
 * each of its flags (TRIVY_SERVER sends the image to a remote server, TRIVY_SEVERITY,
 * TRIVY_IGNOREFILE, TRIVY_VEX, TRIVY_SKIP_FILES … change what it reports), so a variable left in
 * the job's environment — or set by an earlier step of a hostile pull request — would decide the
 * scan behind our arguments. Only our argv decides. Undefined → the process environment.
 */
export function trivyEnv(env: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env ?? process.env)) if (v !== undefined && !/^TRIVY_/i.test(k)) out[k] = v;
  return out;
}

export interface TrivyRunOptions extends TrivyArgsOptions {
  trivy: string;
  env?: Record<string, string>;
  /**
   * Trivy's working directory. Trivy reads `trivy.yaml` and `.trivyignore` from it by default (a
   * repository's `trivy.yaml` with `severity: [LOW]` hides every critical finding, measured on
   * 0.74), so it is never the workspace: default, a fresh empty directory, removed afterwards.
   */
  cwd?: string;
}

export interface ScannerRun {
  findings: Finding[];
  /** Set when the scanner failed (crash, timeout, non-zero exit, unreadable output). */
  failure?: string;
  durationMs: number;
  /** Trivy's JSON report as printed (set when it was read). */
  output?: string;
  /** Trivy's stderr when it failed (the DB download failure is read from it). */
  stderr?: string;
}

/** `ctx` may still be in the making (the image tarball is read while Trivy runs): it is awaited after the process ends. */
export async function run(exec: Exec, o: TrivyRunOptions, ctx: TrivyParseContext | Promise<TrivyParseContext>): Promise<ScannerRun> {
  const t0 = Date.now();
  const own = o.cwd === undefined ? mkdtempSync(join(tmpdir(), 'mcg-trivy-cwd-')) : undefined;
  let r;
  try {
    // paths as the caller meant them, before Trivy runs elsewhere
    const args = buildArgs({ ...o, input: resolve(o.input), cacheDir: resolve(o.cacheDir), vex: o.vex?.map((v) => resolve(v)), output: undefined });
    r = await exec(o.trivy, args, { timeoutMs: o.timeoutMs, env: trivyEnv(o.env), cwd: o.cwd ?? own });
  } finally {
    if (own) rmSync(own, { recursive: true, force: true });
  }
  const durationMs = Date.now() - t0;
  if (r.timedOut || r.exitCode !== 0) {
    return { findings: [], failure: `Trivy ${exitDescription(r, o.timeoutMs)}: ${outputTail(r.stderr) || '(no error output)'}`, durationMs, stderr: r.stderr };
  }
  const p = parse(r.stdout, await ctx);
  if (p.error) return { findings: p.findings, failure: `${p.error}; stderr: ${outputTail(r.stderr) || '(none)'}`, durationMs };
  return { findings: p.findings, durationMs, output: r.stdout };
}
