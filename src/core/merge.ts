/**
 * Merge (DESIGN §2): dedupe, stable order, fingerprints, suppressions, baseline, policy → Report.
 * Pure: everything it needs is passed in.
 */
import { assignFingerprints } from './fingerprint.js';
import { applySuppressions, type IgnoreEntry } from './suppress.js';
import { countFindings, decide } from './policy.js';
import { severityRank } from './severity.js';
import { TOOL_VERSION } from './meta.js';
import type { Finding, PolicySettings, Report, ScannerStatus, TargetInfo } from './types.js';

export interface Baseline {
  source: 'file' | 'code-scanning';
  fingerprints: Set<string>;
  entries: { fingerprint: string; ruleId?: string; path?: string }[];
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

/**
 * A 53-bit hash of dedupeKey(f), computed without building the key: the dedupe index holds
 * numbers, not 100,000 long strings that every garbage collection would have to copy. It hashes
 * the very characters of the joined key (null and undefined as '', as join writes them), so equal
 * keys hash equally; a hash shared by two different keys is resolved by comparing the keys.
 */
function dedupeHash(f: Finding): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const fields = [f.source, f.ruleId, f.target, f.location.path, f.location.startLine, f.fingerprintKey, f.message];
  for (let i = 0; i < fields.length; i++) {
    const v = fields[i];
    const s = v === undefined || v === null ? '' : String(v);
    // the same character stream as the joined key, separators (U+0000) included
    for (let j = i === 0 ? 0 : -1; j < s.length; j++) {
      const c = j < 0 ? 0 : s.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

/**
 * The merge's own copy of a finding, every property of a Finding present from creation (those the
 * finding lacks as undefined, which JSON leaves out), in one order: all copies share one shape, so
 * setting `new`, `failing`, `fingerprint` and `suppressed` later changes no object's shape. (Adding
 * them one by one to 100,000 objects of a few shapes cost more than the rest of the merge.)
 */
function copyFinding(f: Finding): Finding {
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
    new: f.new,
    suppressed: f.suppressed,
    error: f.error,
    failing: f.failing,
  };
}

export function mergeFindings(input: MergeInput): Report {
  // dedupe, keeping the first of identical findings (dedupeKey): the index maps a key's hash to
  // the first finding kept with it; keys that share a hash with a different key are kept exactly
  const firstByHash = new Map<number, number>();
  const collided = new Set<string>();
  const findings: Finding[] = [];
  for (const f of input.findings) {
    const h = dedupeHash(f);
    const at = firstByHash.get(h);
    if (at === undefined) firstByHash.set(h, findings.length);
    else {
      const k = dedupeKey(f);
      if (k === dedupeKey(findings[at]!) || collided.has(k)) continue;
      collided.add(k);
    }
    findings.push(copyFinding(f));
  }
  const sup = applySuppressions(findings, input.fileLines, input.ignores, input.now);
  findings.push(...sup.extraFindings);
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
  return {
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
    counts: countFindings(findings),
    result,
    reason,
  };
}
