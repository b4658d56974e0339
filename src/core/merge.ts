/**
 * Merge (DESIGN §2): dedupe, stable order, fingerprints, suppressions, baseline, policy → Report.
 * Pure: everything it needs is passed in.
 */
import { fitReport } from './report-fit.js';
import { assignFingerprints } from './fingerprint.js';
import { applySuppressions, type IgnoreEntry } from './suppress.js';
import { countFindings, decide } from './policy.js';
import { severityRank } from './severity.js';
import { TOOL_VERSION } from './meta.js';
import type { CoverageEntry, Finding, PolicySettings, Report, ScannerStatus, TargetInfo } from './types.js';
import { appendAll } from './arrays.js';
import type { ProbeTool } from './probe/search.js';

export interface Baseline {
  source: 'file' | 'code-scanning';
  fingerprints: Set<string>;
  entries: { fingerprint: string; ruleId?: string; path?: string }[];
  /** The tool surface each probed target listed (issue #20 item 4), by target name; only a report JSON carries it. */
  surfaces?: Map<string, ProbeTool[]>;
}

export interface MergeInput {
  root: string;
  startedAt: Date;
  now: Date;
  policy: PolicySettings;
  findings: Finding[];
  targets: TargetInfo[];
  scanners: ScannerStatus[];
  fileLines: ReadonlyMap<string, readonly string[]>;
  ignores: readonly IgnoreEntry[];
  baseline?: Baseline;
  inputErrors?: { path: string; line: number; message: string }[];
  checkedFiles?: number;
  coverage?: CoverageEntry[];
}

const SOURCE_ORDER = { mcg: 0, trivy: 1, trufflehog: 2 } as const;

// The same order as String#localeCompare without arguments (ECMA-402 defines both through a
// default Intl.Collator), without building a collator per comparison: sorting 100,000 findings
// makes millions of comparisons.
const collator = new Intl.Collator().compare;
const collate = (a: string, b: string): number => (a === b ? 0 : collator(a, b));

export function compareFindings(a: Finding, b: Finding): number {
  return (
    collate(a.target, b.target) ||
    collate(a.location.path, b.location.path) ||
    a.location.startLine - b.location.startLine ||
    severityRank(b.severity) - severityRank(a.severity) ||
    SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
    collate(a.ruleId, b.ruleId) ||
    collate(a.fingerprintKey, b.fingerprintKey) ||
    collate(a.message, b.message)
  );
}

/**
 * Sorts findings in place into the order of compareFindings, faster: the strings it collates over
 * few distinct values (target, path, rule id) are ranked once, so most comparisons are integer
 * comparisons; only full ties fall back to collating the key and the message. Values the collator
 * holds equal share a rank, so the order is exactly compareFindings' (and the sort is stable).
 */
export function sortFindings(findings: Finding[]): void {
  const n = findings.length;
  const targets = collationRanks(findings.map((f) => f.target));
  const paths = collationRanks(findings.map((f) => f.location.path));
  const rules = collationRanks(findings.map((f) => f.ruleId));
  // the numeric keys in typed arrays (no object per finding); Float64 keeps compareFindings'
  // arithmetic exactly, NaN (a missing line, an unknown source) included
  const t = new Float64Array(n);
  const p = new Float64Array(n);
  const l = new Float64Array(n);
  const s = new Float64Array(n);
  const o = new Float64Array(n);
  const r = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = findings[i]!;
    t[i] = targets.get(f.target)!;
    p[i] = paths.get(f.location.path)!;
    l[i] = f.location.startLine;
    s[i] = severityRank(f.severity);
    o[i] = SOURCE_ORDER[f.source] ?? Number.NaN;
    r[i] = rules.get(f.ruleId)!;
    order.push(i);
  }
  const sorted = findings.slice();
  order.sort(
    (i, j) =>
      t[i]! - t[j]! ||
      p[i]! - p[j]! ||
      l[i]! - l[j]! ||
      s[j]! - s[i]! ||
      o[i]! - o[j]! ||
      r[i]! - r[j]! ||
      collate(sorted[i]!.fingerprintKey, sorted[j]!.fingerprintKey) ||
      collate(sorted[i]!.message, sorted[j]!.message),
  );
  for (let k = 0; k < n; k++) findings[k] = sorted[order[k]!]!;
}

function collationRanks(values: readonly string[]): Map<string, number> {
  const distinct = [...new Set(values)].sort(collate);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && collate(distinct[i - 1]!, distinct[i]!) !== 0) rank++;
    ranks.set(distinct[i]!, rank);
  }
  return ranks;
}

function dedupeKey(f: Finding): string {
  return [f.source, f.ruleId, f.target, f.location.path, f.location.startLine, f.fingerprintKey, f.message].join('\u0000');
}

/** FNV-1a over the UTF-16 code units of s, continuing from h (32 bits). */
function mixString(h: number, s: string): number {
  for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  return h;
}

/**
 * A 32-bit hash of dedupeKey(f), computed without building the key: it hashes the very characters
 * of the joined key (null and undefined as '', as join writes them; the U+0000 separators
 * included), so equal keys hash equally. Findings whose hashes are equal are told apart by
 * comparing their keys. Exported for the tests.
 */
export function dedupeHash(f: Finding): number {
  const s = (v: string | number | null | undefined): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));
  let h = mixString(0x811c9dc5, s(f.source));
  h = mixString(Math.imul(h, 0x01000193), s(f.ruleId)); // Math.imul(h ^ 0, …): the separator
  h = mixString(Math.imul(h, 0x01000193), s(f.target));
  h = mixString(Math.imul(h, 0x01000193), s(f.location.path));
  h = mixString(Math.imul(h, 0x01000193), s(f.location.startLine));
  h = mixString(Math.imul(h, 0x01000193), s(f.fingerprintKey));
  h = mixString(Math.imul(h, 0x01000193), s(f.message));
  // spread the low bits, which pick the slot
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}

/**
 * The findings without duplicates (equal dedupeKey), the first of each kept, in their order. An
 * open-addressing table of 32-bit hashes (typed arrays: nothing per finding for the garbage
 * collector to trace); keys are built and compared only for findings whose hashes are equal.
 */
function dedupe(input: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  let cap = 16;
  while (cap < input.length * 2) cap *= 2;
  const mask = cap - 1;
  const hashes = new Int32Array(cap);
  // index of the kept finding in each slot, plus one (0: empty)
  const slots = new Int32Array(cap);
  outer: for (const f of input) {
    const h = dedupeHash(f);
    let i = h & mask;
    let key: string | undefined;
    for (; slots[i] !== 0; i = (i + 1) & mask) {
      if (hashes[i] !== h) continue;
      key ??= dedupeKey(f);
      if (key === dedupeKey(kept[slots[i]! - 1]!)) continue outer;
    }
    hashes[i] = h;
    kept.push(copyFinding(f));
    slots[i] = kept.length;
  }
  return kept;
}

/**
 * The merge's own copy of a finding, every property of a Finding present from creation (those the
 * finding lacks as undefined, which JSON leaves out), in one order: all copies share one shape, so
 * setting `new`, `failing`, `fingerprint` and `suppressed` later changes no object's shape. (Adding
 * them one by one to 100,000 objects of a few shapes cost more than the rest of the merge.)
 */
export function copyFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    source: f.source,
    severity: f.severity,
    message: f.message,
    location: { ...f.location },
    fingerprint: f.fingerprint,
    fingerprintKey: f.fingerprintKey,
    target: f.target,
    fix: f.fix,
    helpUri: f.helpUri,
    rule: f.rule,
    cvss: f.cvss,
    package: f.package,
    new: f.new,
    suppressed: f.suppressed,
    error: f.error,
    failing: f.failing,
  };
}

export function mergeFindings(input: MergeInput): Report {
  // dedupe, keeping the first of identical findings (dedupeKey)
  const findings = dedupe(input.findings);
  const sup = applySuppressions(findings, input.fileLines, input.ignores, input.now);
  appendAll(findings, sup.extraFindings);
  sortFindings(findings);
  assignFingerprints(findings);

  const baseline = input.baseline;
  let fixed: Baseline['entries'] = [];
  if (baseline) {
    const current = new Set<string>();
    for (const f of findings) {
      current.add(f.fingerprint);
      f.new = !baseline.fingerprints.has(f.fingerprint);
    }
    fixed = baseline.entries.filter((e) => !current.has(e.fingerprint));
  } else for (const f of findings) f.new = true;

  const { result, reason } = decide(findings, input.policy);
  // the schema's limits, kept by the writer: what scan writes, merge reads
  return fitReport({
    schemaVersion: 1,
    tool: { name: 'mcp-container-guard', version: TOOL_VERSION },
    root: input.root,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.now.toISOString(),
    policy: input.policy,
    baseline: { source: baseline?.source ?? 'none', fingerprints: baseline?.fingerprints.size ?? 0 },
    targets: input.targets,
    scanners: input.scanners,
    findings,
    fixed,
    expired: sup.expired,
    expiring: sup.expiring,
    checkedFiles: input.checkedFiles,
    inputErrors: input.inputErrors ?? [],
    coverage: input.coverage ?? [],
    counts: countFindings(findings),
    result,
    reason,
  });
}
