/**
 * Merging the results of several scan jobs (one per Dockerfile, the reusable workflow's matrix)
 * into one report and one SARIF upload, for the `report` job.
 *
 * Every report comes from another job — possibly a fork's — so it is untrusted: files are
 * size-limited regular files (no symlinks), parsed as JSON and validated against
 * schema/report.schema.json before anything is used. The verdict is never taken from the files:
 * `failing`, the counts and the result are recomputed from the findings under one policy.
 * Each target keeps its own SARIF runs and its own category (`<category>/<target>/`); when the
 * runs do not fit one upload (20 runs, 10 MB gzipped) whole targets go to further SARIF logs.
 */
import { fitReport } from '../core/report-fit.js';
import { countFindings, decide, DEFAULT_POLICY } from '../core/policy.js';
import { applySuppressions, type IgnoreEntry } from '../core/suppress.js';
import type { Baseline } from '../core/merge.js';
import { applyVexToTargets } from '../core/vex/merge-vex.js';
import type { VexStatement } from '../core/vex/read.js';
import { meta as unreadableInput } from '../core/meta-rules/MCG991-unreadable-input.js';
import { sortFindings } from '../core/merge.js';
import { CoverageLedger } from '../core/coverage.js';
import { baseFingerprint } from '../core/fingerprint.js';
import { meta as scannerError } from '../core/meta-rules/MCG990-scanner-error.js';
import { ruleDocsUrl } from '../core/meta.js';
import { TOOL_VERSION } from '../core/meta.js';
import type { Finding, PolicySettings, Report, ScannerStatus, SuppressionNotice, TargetInfo } from '../core/types.js';
import { MergeError, type ArtifactReport } from './artifact-reports.js';
import { ruleTable } from './rule-table.js';

export {
  findArtifactDirs,
  MAX_ARTIFACTS,
  MAX_REPORT_BYTES,
  MAX_TOTAL_BYTES,
  MergeError,
  META_FILE,
  parseReport,
  readArtifactReports,
  REPORT_FILE,
  reportSchemaErrors,
  SARIF_FILE,
  type ArtifactReport,
} from './artifact-reports.js';
export { mergedSarif, type SarifParts } from './merged-sarif.js';

export interface MergeOptions {
  /** The merging job's own policy; the reports' policies are never used (DEFAULT_POLICY where unset). */
  policy?: Partial<PolicySettings>;
  /** The merging job's baseline: a finding is new unless its fingerprint is in it (an artifact's `new` is ignored). */
  baseline?: Baseline;
  /** The merging job's config `ignore:` entries: the only suppressions that count (an artifact's claims are ignored). */
  ignore?: readonly IgnoreEntry[];
  /**
   * Dockerfiles that must have a report (the discover matrix): one that has none is a scanner
   * error at the Dockerfile's first line, so a scan job that died never reads as a pass.
   */
  expectDockerfiles?: readonly string[];
  /**
   * Artifacts that were there but could not be read or did not validate: each is a scanner error
   * (MCG990) for its target, and every other artifact is still merged and published.
   */
  unreadable?: readonly UnreadableArtifact[];
  /** The merging job's own VEX documents (`--vex`): applied to each target's image findings, as a scan applies them. */
  vex?: ReadonlyArray<readonly VexStatement[]>;
  now?: Date;
}

export interface UnreadableArtifact {
  /** The artifact's directory, relative to the workspace. */
  label: string;
  /** Its Dockerfile when the matrix or its metadata names one (a repository path). */
  dockerfile?: string;
  reason: string;
}

export interface MergedReports {
  report: Report;
  /** Scanner statuses per target, as each scan job reported them (for the SARIF runs). */
  scannersByTarget: Map<string, ScannerStatus[]>;
  /** Things a person should know (policies that differed, duplicates dropped). */
  notes: string[];
}

const STATUS_RANK = { failed: 2, ran: 1, skipped: 0 } as const;

function noticeKey(n: SuppressionNotice): string {
  return `${n.id}\u0000${n.where}`;
}

/** Rules whose findings are coverage gaps: always errors, so they fail closed whatever the artifact says. */
const COVERAGE_RULES = new Set([scannerError.id, unreadableInput.id]);

/**
 * A finding from an artifact with every verdict-bearing claim dropped: `failing`, `new` and
 * `suppressed` are re-derived by the merging job; `error` is kept only when it makes the finding
 * stricter (a coverage rule is always an error).
 */
function untrustedFinding(f: Finding, claimedInline: { n: number }): Finding {
  const { failing: _f, new: _n, suppressed, error, ...rest } = f;
  if (suppressed?.kind === 'inSource') claimedInline.n++;
  const out: Finding = { ...rest, location: { ...f.location } };
  if (error === true || COVERAGE_RULES.has(f.ruleId)) out.error = true;
  return out;
}

export function mergeReports(inputs: readonly ArtifactReport[], opts: MergeOptions = {}): MergedReports {
  if (inputs.length === 0 && (opts.expectDockerfiles ?? []).length === 0 && (opts.unreadable ?? []).length === 0) throw new MergeError('no report to merge');
  const notes: string[] = [];
  const first = inputs[0]?.report;
  // The verdict is this job's: an artifact's policy (a fork may scan with fail-on: never) decides nothing.
  const policy: PolicySettings = {
    threshold: opts.policy?.threshold ?? DEFAULT_POLICY.threshold,
    failOn: opts.policy?.failOn ?? DEFAULT_POLICY.failOn,
  };
  const claimedInline = { n: 0 };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  const targets = new Map<string, TargetInfo>();
  const scannersByTarget = new Map<string, ScannerStatus[]>();
  const inputErrors = new Map<string, Report['inputErrors'][number]>();
  const expired = new Map<string, SuppressionNotice>();
  const expiring = new Map<string, SuppressionNotice>();
  let fixed: Map<string, Report['fixed'][number]> | undefined;
  let dupes = 0;
  let checkedFiles = 0;
  const coverage = new CoverageLedger();
  let startedAt: string | undefined;
  let finishedAt: string | undefined;
  let baselineSource: Report['baseline']['source'] = 'none';
  let baselineSize = 0;

  for (const { report } of inputs) {
    for (const t of report.targets) {
      if (!targets.has(t.name)) targets.set(t.name, { ...t });
      if (!scannersByTarget.has(t.name)) scannersByTarget.set(t.name, report.scanners.map((s) => ({ ...s })));
    }
    for (const f of report.findings) {
      // the same file checked by several jobs (compose, workflows under the 'repository' target)
      const k = [f.source, f.ruleId, f.target, f.fingerprint].join('\u0000');
      if (seen.has(k)) {
        dupes++;
        continue;
      }
      seen.add(k);
      findings.push(untrustedFinding(f, claimedInline));
      if (!scannersByTarget.has(f.target)) scannersByTarget.set(f.target, report.scanners.filter((s) => s.name === 'mcg').map((s) => ({ ...s })));
    }
    for (const e of report.inputErrors) inputErrors.set(`${e.path}\u0000${e.line}\u0000${e.message}`, e);
    for (const n of report.expired) expired.set(noticeKey(n), n);
    for (const n of report.expiring) expiring.set(noticeKey(n), n);
    // a baseline fingerprint is fixed only when no job found it: intersect the jobs' lists
    const mine = new Map(report.fixed.map((x) => [x.fingerprint, x]));
    if (!fixed) fixed = mine;
    else for (const fp of [...fixed.keys()]) if (!mine.has(fp)) fixed.delete(fp);
    checkedFiles += report.checkedFiles ?? 0;
    for (const c of report.coverage ?? []) coverage.record(c);
    if (report.startedAt && (!startedAt || report.startedAt < startedAt)) startedAt = report.startedAt;
    if (report.finishedAt && (!finishedAt || report.finishedAt > finishedAt)) finishedAt = report.finishedAt;
    if (report.baseline.source === 'code-scanning' || (report.baseline.source === 'file' && baselineSource === 'none')) baselineSource = report.baseline.source;
    baselineSize = Math.max(baselineSize, report.baseline.fingerprints);
  }
  if (dupes > 0) notes.push(`${dupes} finding(s) reported by more than one job were counted once`);

  // Artifacts that could not be read, and Dockerfiles the matrix promised but no job reported: fail closed.
  const reported = new Set([...targets.values()].map((t) => t.dockerfile).filter((d): d is string => d !== undefined));
  const missing: { path: string; key: string; message: string; fix: string }[] = [];
  for (const u of opts.unreadable ?? []) {
    const path = u.dockerfile ?? u.label;
    reported.add(path);
    missing.push({
      path,
      key: `unreadable-scan-results:${u.label}`,
      message: `the scan results in ${u.label} could not be used (${u.reason}), so ${u.dockerfile ?? 'this target'} was not checked`,
      fix: 'Re-run the scan job that uploaded this artifact; if it keeps happening, check that the artifact is the mode: scan output of this action version.',
    });
  }
  for (const d of opts.expectDockerfiles ?? []) {
    if (reported.has(d)) continue;
    missing.push({
      path: d,
      key: 'missing-scan-results',
      message: `no scan results for ${d}: its scan job failed, was cancelled or uploaded no artifact, so this Dockerfile was not checked`,
      fix: 'Open the scan job of this Dockerfile in the workflow run: fix what made it fail, or re-run the failed jobs.',
    });
  }
  for (const m of missing) {
    const f: Finding = {
      ruleId: scannerError.id,
      source: 'mcg',
      severity: scannerError.severity,
      message: m.message,
      location: { path: m.path, startLine: 1 },
      fingerprint: '',
      fingerprintKey: m.key,
      target: m.path,
      fix: m.fix,
      helpUri: ruleDocsUrl(scannerError.id),
      error: true,
      new: true,
    };
    f.fingerprint = baseFingerprint(f);
    findings.push(f);
    targets.set(m.path, { name: m.path, dockerfile: m.path });
    scannersByTarget.set(m.path, []);
    notes.push(m.message);
  }

  const own = applySuppressions(findings, new Map(), opts.ignore ?? [], opts.now ?? new Date());
  for (const f of own.extraFindings) {
    f.fingerprint = baseFingerprint(f);
    const k = [f.source, f.ruleId, f.target, f.fingerprint].join('\u0000');
    if (!seen.has(k)) findings.push({ ...f, new: true });
    seen.add(k);
  }
  for (const n of own.expired) expired.set(noticeKey(n), n);
  for (const n of own.expiring) expiring.set(noticeKey(n), n);
  for (const n of applyVexToTargets(findings, opts.vex ?? [], targets.values())) notes.push(`${n.where}: ${n.message}`);
  if (claimedInline.n > 0) {
    notes.push(
      `${claimedInline.n} finding(s) a scan job reported as suppressed by an inline mcg-ignore comment count as unsuppressed: the merging job cannot check a comment in the scanned files; add an ignore: entry to its own config to suppress them`,
    );
  }
  for (const f of findings) f.new = opts.baseline ? !opts.baseline.fingerprints.has(f.fingerprint) : true;
  if (opts.baseline) {
    const present = new Set(findings.map((f) => f.fingerprint));
    fixed = new Map(opts.baseline.entries.filter((e) => !present.has(e.fingerprint)).map((e) => [e.fingerprint, { ...e }]));
    baselineSource = opts.baseline.source;
    baselineSize = opts.baseline.fingerprints.size;
  } else if (inputs.length > 0) {
    fixed = new Map();
    baselineSource = 'none';
    baselineSize = 0;
  }

  sortFindings(findings);
  const currentFps = new Set(findings.map((f) => f.fingerprint));
  const { result, reason } = decide(findings, policy);

  // One line per scanner for the merged view: failed anywhere > ran anywhere > skipped.
  const scanners = new Map<string, ScannerStatus>();
  for (const [target, list] of scannersByTarget) {
    for (const s of list) {
      const cur = scanners.get(s.name);
      const reasonHere = s.reason && s.status === 'failed' ? `${target}: ${s.reason}` : s.reason;
      if (!cur || STATUS_RANK[s.status] > STATUS_RANK[cur.status]) scanners.set(s.name, { ...s, reason: reasonHere, durationMs: s.durationMs });
      else if (cur.status === s.status) {
        if (s.status === 'failed' && reasonHere) cur.reason = cur.reason ? `${cur.reason}; ${reasonHere}`.slice(0, 5000) : reasonHere;
        if (s.durationMs !== undefined) cur.durationMs = (cur.durationMs ?? 0) + s.durationMs;
      }
    }
  }

  const now = (opts.now ?? new Date()).toISOString();
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'mcp-container-guard', version: TOOL_VERSION },
    root: first?.root ?? '.',
    startedAt: startedAt ?? now,
    finishedAt: finishedAt ?? now,
    policy,
    baseline: { source: baselineSource, fingerprints: baselineSize },
    targets: [...targets.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    scanners: [...scanners.values()],
    findings,
    fixed: [...(fixed?.values() ?? [])].filter((x) => !currentFps.has(x.fingerprint)),
    expired: [...expired.values()],
    expiring: [...expiring.values()],
    checkedFiles,
    inputErrors: [...inputErrors.values()],
    coverage: coverage.entries(),
    counts: countFindings(findings),
    result,
    reason: inputs.length > 1 || (opts.expectDockerfiles?.length ?? 0) > 0 ? `${reason} (${targets.size} target${targets.size === 1 ? '' : 's'})` : reason,
    // our catalog's entry wins for our ids; an artifact's table only tells of ids we do not know
    rules: ruleTable(findings, inputs.map((i) => i.report.rules)),
  };
  return { report: fitReport(report), scannersByTarget, notes };
}

/** The part of a merged report that belongs to one target (what that target's SARIF runs show). */
export function targetReport(merged: MergedReports, target: string): Report {
  const r = merged.report;
  const findings = r.findings.filter((f) => f.target === target);
  const info = r.targets.find((t) => t.name === target);
  return {
    ...r,
    targets: info ? [info] : [],
    scanners: merged.scannersByTarget.get(target) ?? [],
    findings,
    counts: countFindings(findings),
  };
}
