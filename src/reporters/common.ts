/**
 * What every reporter shares: ordering by importance, counts, labels, links, scoping a report to
 * one target. Pure: consumers of `Report` only.
 */
import { SEVERITIES, type Finding, type Report, type ScannerStatus, type Severity } from '../core/types.js';
import { SEVERITY_TABLE, severityRank } from '../core/severity.js';
import { encodePathForUrl, safeHttpUrl } from './escape.js';

export const PRODUCT = 'MCP Container Guard';

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** Coloured discs GitHub renders everywhere (comment, summary, check run). */
export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟣',
  high: '🔴',
  medium: '🟠',
  low: '🟡',
  info: '⚪',
};

export type Changed = Map<string, Set<number>> | undefined;

/** Not suppressed: counts, shows up in tables and annotations. */
export function isActive(f: Finding): boolean {
  return f.suppressed === undefined;
}

/** Any line of the finding's range is an added/changed line of the pull request. */
export function inDiff(f: Finding, changed: Changed): boolean {
  const lines = changed?.get(f.location.path);
  if (!lines || lines.size === 0) return false;
  const start = f.location.startLine;
  const end = Math.max(start, f.location.endLine ?? start);
  if (end - start > 10_000) {
    for (const l of lines) if (l >= start && l <= end) return true;
    return false;
  }
  for (let l = start; l <= end; l++) if (lines.has(l)) return true;
  return false;
}

/**
 * Most important first: failing (incl. scanner errors), then new, then severity, then lines in
 * the pull-request diff. Ties keep the report's own (merged, sorted) order: the sort is stable.
 */
export function byImportance(changed?: Changed): (a: Finding, b: Finding) => number {
  return (a, b) =>
    Number(b.failing === true || b.error === true) - Number(a.failing === true || a.error === true) ||
    Number(b.new === true) - Number(a.new === true) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    Number(inDiff(b, changed)) - Number(inDiff(a, changed));
}

export function sortByImportance(findings: readonly Finding[], changed?: Changed): Finding[] {
  return [...findings].sort(byImportance(changed));
}

export function emptyCounts(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c = emptyCounts();
  for (const f of findings) c[f.severity]++;
  return c;
}

export function sumCounts(c: Record<Severity, number>): number {
  return SEVERITIES.reduce((n, s) => n + c[s], 0);
}

/** `1 critical, 2 high` — only the non-zero ones; `none` when all are zero. */
export function severityList(c: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The rule's title: the scanner's own (CVE title, detector) or ours, from the report's rule table. */
export function ruleTitle(f: Finding, rules: Report['rules']): string {
  return f.rule?.title ?? (rules && Object.hasOwn(rules, f.ruleId) ? rules[f.ruleId]!.title : undefined) ?? f.ruleId;
}

/** `MCG001 · Container runs as root (high, new, failing)`: plain text for annotation titles. */
export function findingTitle(f: Finding, rules: Report['rules']): string {
  const title = ruleTitle(f, rules);
  const flags = [f.severity, ...(f.new ? ['new'] : []), ...(f.failing ? ['failing'] : [])];
  return `${f.ruleId}${title !== f.ruleId ? ` · ${title}` : ''} (${flags.join(', ')})`;
}

export function annotationLevel(s: Severity): 'failure' | 'warning' | 'notice' {
  return SEVERITY_TABLE[s].annotationLevel;
}

/** `Dockerfile:12` or `Dockerfile:12-14`. */
export function locationText(f: Finding): string {
  const { path, startLine, endLine } = f.location;
  return endLine !== undefined && endLine > startLine ? `${path}:${startLine}-${endLine}` : `${path}:${startLine}`;
}

/** Link to the finding's lines at the analysed commit: `<linkBase><path>#L12-L14`. */
export function findingUrl(f: Finding, linkBase: string | undefined): string | undefined {
  if (!linkBase) return undefined;
  const base = safeHttpUrl(linkBase);
  if (!base) return undefined;
  const path = encodePathForUrl(f.location.path);
  if (path === '' || f.location.path.split('/').includes('..')) return undefined;
  const { startLine, endLine } = f.location;
  const anchor = endLine !== undefined && endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`;
  return `${base.endsWith('/') ? base : base + '/'}${path}${anchor}`;
}

export function helpUrl(f: Finding): string | undefined {
  return safeHttpUrl(f.helpUri ?? f.rule?.helpUri);
}

export function scannersNotRun(report: Report): ScannerStatus[] {
  return report.scanners.filter((s) => s.status !== 'ran');
}

/** `1.2 s`, `850 ms`, `2 min 5 s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms - m * 60_000) / 1000)} s`;
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n) || n < 0) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

/** One line about the policy: what makes the run fail. */
export function policyText(report: Report): string {
  const { threshold, failOn } = report.policy;
  const at = threshold === 'critical' ? 'critical' : `${threshold} or above`;
  switch (failOn) {
    case 'never':
      return `report only (fail-on: never); ${at} would count as failing`;
    case 'any':
      return `fails on any unsuppressed finding of severity ${at}`;
    default:
      return `fails on new unsuppressed findings of severity ${at}`;
  }
}

export function baselineText(report: Report): string {
  switch (report.baseline.source) {
    case 'none':
      return 'no baseline (every finding counts as new)';
    case 'file':
      return `baseline file (${plural(report.baseline.fingerprints, 'fingerprint')})`;
    default:
      return `code scanning alerts of the base branch (${plural(report.baseline.fingerprints, 'fingerprint')})`;
  }
}

export interface FindingGroups {
  active: Finding[];
  newOnes: Finding[];
  existing: Finding[];
  suppressed: Finding[];
  failing: Finding[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const g: FindingGroups = { active: [], newOnes: [], existing: [], suppressed: [], failing: [] };
  for (const f of findings) {
    if (!isActive(f)) {
      g.suppressed.push(f);
      continue;
    }
    g.active.push(f);
    (f.new ? g.newOnes : g.existing).push(f);
    if (f.failing || f.error) g.failing.push(f);
  }
  return g;
}

/**
 * The part of a report that belongs to one target (one image / Dockerfile), for the per-target
 * PR comment. When the report has a single target, or `target` names none of them, the report
 * is returned whole. Otherwise findings are filtered to that target and the result is
 * recomputed from the policy flags on those findings (`failing`/`error`), with the reason
 * saying so. Scanner status, suppression notices and fixed fingerprints stay run-wide: they
 * carry no target.
 */
export function scopeToTarget(report: Report, target: string): Report {
  if (report.targets.length <= 1 || !report.targets.some((t) => t.name === target)) return report;
  const findings = report.findings.filter((f) => f.target === target);
  const g = groupFindings(findings);
  const failing = g.failing.length;
  const result: Report['result'] = failing > 0 ? 'fail' : 'pass';
  let reason: string;
  if (failing > 0) reason = `${plural(failing, 'finding')} in this target fail the policy`;
  else if (report.result === 'fail') reason = 'nothing in this target fails the policy; the run fails because of other targets';
  else reason = report.reason;
  return {
    ...report,
    targets: report.targets.filter((t) => t.name === target),
    findings,
    inputErrors: report.inputErrors.filter((e) => findings.some((f) => f.location.path === e.path)),
    counts: {
      total: findings.length,
      new: g.newOnes.length,
      failing,
      suppressed: g.suppressed.length,
      bySeverity: countBySeverity(g.active),
    },
    result,
    reason,
  };
}
