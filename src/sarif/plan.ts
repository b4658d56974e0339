/** Planning the SARIF log: which runs (one per source and target, folded when there are too many), their rules and the results each keeps within GitHub's limits. */
import type * as sarif from 'sarif';
import { severityRank } from '../core/severity.js';
import { TOOL_NAME, TOOL_VERSION, REPOSITORY_URL } from '../core/meta.js';
import type { Finding, Report, Severity, Source } from '../core/types.js';
import { MAX_RULES_PER_RUN, MAX_RUNS } from './limits.js';
import { resultFor, ruleFor, targetSlug } from './descriptors.js';
import { appendAll } from '../core/arrays.js';

const DRIVERS: Record<Source, { name: string; informationUri: string }> = {
  mcg: { name: TOOL_NAME, informationUri: REPOSITORY_URL },
  trivy: { name: 'Trivy', informationUri: 'https://github.com/aquasecurity/trivy' },
  trufflehog: { name: 'TruffleHog', informationUri: 'https://github.com/trufflesecurity/trufflehog' },
};
const SCANNER_OF: Record<Source, 'mcg' | 'trivy' | 'trufflehog'> = { mcg: 'mcg', trivy: 'trivy', trufflehog: 'trufflehog' };

export interface SarifOptions {
  /** Category prefix (the action's `category` input); default `mcg`. */
  category?: string;
  /** Override the gzip limit (tests). */
  maxGzipBytes?: number;
  /** Override the per-run result cap (tests). */
  maxResultsPerRun?: number;
}

interface RunGroup {
  source: Source;
  target: string;
  findings: Finding[];
}

export function groupRuns(report: Report): { groups: RunGroup[]; folded: boolean } {
  const sourcesRan = new Set<Source>(['mcg']);
  for (const s of report.scanners) if (s.name === 'trivy' || s.name === 'trufflehog') if (s.status !== 'skipped') sourcesRan.add(s.name);
  const targets = new Set<string>(report.targets.map((t) => t.name));
  const key = (s: Source, t: string): string => `${s}\u0000${t}`;
  const map = new Map<string, RunGroup>();
  for (const f of report.findings) {
    targets.add(f.target);
    sourcesRan.add(f.source);
  }
  // An empty run per (source, target) that ran tells code scanning the old alerts are fixed.
  for (const t of targets) {
    for (const s of sourcesRan) {
      if (s !== 'mcg' && !report.targets.some((x) => x.name === t && (x.image || x.dockerfile))) continue;
      map.set(key(s, t), { source: s, target: t, findings: [] });
    }
  }
  for (const f of report.findings) {
    let g = map.get(key(f.source, f.target));
    if (!g) {
      g = { source: f.source, target: f.target, findings: [] };
      map.set(key(f.source, f.target), g);
    }
    g.findings.push(f);
  }
  let groups = [...map.values()].sort((a, b) => a.target.localeCompare(b.target) || a.source.localeCompare(b.source));
  if (groups.length <= MAX_RUNS) return { groups, folded: false };
  // Too many runs for one upload: one run per source over all targets.
  const bySource = new Map<Source, RunGroup>();
  for (const g of groups) {
    const x = bySource.get(g.source) ?? { source: g.source, target: 'all', findings: [] };
    appendAll(x.findings, g.findings);
    bySource.set(g.source, x);
  }
  groups = [...bySource.values()];
  return { groups, folded: true };
}

function priority(a: Finding, b: Finding): number {
  return Number(b.failing === true) - Number(a.failing === true) || Number(b.new !== false) - Number(a.new !== false) || severityRank(b.severity) - severityRank(a.severity);
}

/** One run as it will be written: everything but its results, and what the results are made of. */
export interface PlannedRun {
  /** The run with `results: []` (the key keeps its place in the output). */
  run: sarif.Run;
  findings: Finding[];
  ruleIndexes: number[];
  withBaseline: boolean;
}

/** How a run is planned: the options, the result cap per run and the notes every run carries. */
export interface PlanLimits {
  opts: SarifOptions;
  cap: number;
  notes: string[];
}

export function planRun(g: RunGroup, report: Report, limits: PlanLimits): PlannedRun {
  const { opts, cap, notes } = limits;
  let findings = g.findings;
  const notifications: sarif.Notification[] = notes.map((text) => ({ level: 'warning', message: { text } }));
  if (findings.length > cap) {
    const kept = [...findings].sort(priority).slice(0, cap);
    const keptSet = new Set(kept);
    const dropped = findings.length - kept.length;
    findings = findings.filter((f) => keptSet.has(f));
    const lowest = kept[kept.length - 1]?.severity ?? 'info';
    notifications.push({
      level: 'warning',
      message: { text: `${dropped} lower-severity result(s) were left out to stay within GitHub's limits (kept ${kept.length}, down to ${lowest}); the report JSON has all of them.` },
    });
  }
  const ruleIndex = new Map<string, number>();
  const rules: sarif.ReportingDescriptor[] = [];
  const withBaseline = report.baseline.source !== 'none';
  const kept: Finding[] = [];
  const ruleIndexes: number[] = [];
  // worst severity and highest CVSS per rule, in one pass
  const perRule = new Map<string, { severity: Severity; cvss?: number }>();
  for (const f of findings) {
    const p = perRule.get(f.ruleId);
    if (!p) perRule.set(f.ruleId, { severity: f.severity, cvss: f.cvss });
    else {
      if (severityRank(f.severity) > severityRank(p.severity)) p.severity = f.severity;
      if (f.cvss !== undefined && (p.cvss === undefined || f.cvss > p.cvss)) p.cvss = f.cvss;
    }
  }
  for (const f of findings) {
    let idx = ruleIndex.get(f.ruleId);
    if (idx === undefined) {
      if (rules.length >= MAX_RULES_PER_RUN) continue;
      const p = perRule.get(f.ruleId)!;
      idx = rules.length;
      rules.push(ruleFor({ source: g.source, id: f.ruleId, sample: f, severity: p.severity, cvss: p.cvss, meta: report.rules?.[f.ruleId] }));
      ruleIndex.set(f.ruleId, idx);
    }
    kept.push(f);
    ruleIndexes.push(idx);
  }
  const status = report.scanners.find((s) => s.name === SCANNER_OF[g.source]);
  const failed = status?.status === 'failed';
  if (failed) notifications.push({ level: 'error', message: { text: `${DRIVERS[g.source].name} did not complete: ${status?.reason ?? 'unknown error'}` } });
  const prefix = (opts.category ?? 'mcg').replace(/\/+$/, '');
  const run: sarif.Run = {
    tool: {
      driver: {
        name: DRIVERS[g.source].name,
        informationUri: DRIVERS[g.source].informationUri,
        ...(g.source === 'mcg' ? { version: TOOL_VERSION, semanticVersion: TOOL_VERSION } : status?.version ? { version: status.version } : {}),
        rules,
      },
    },
    automationDetails: { id: `${prefix}/${targetSlug(g.target)}/` },
    invocations: [{ executionSuccessful: !failed, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
    results: [],
    properties: { target: g.target },
  };
  return { run, findings: kept, ruleIndexes, withBaseline };
}

export function materialise(p: PlannedRun): sarif.Run {
  p.run.results = p.findings.map((f, i) => resultFor(f, p.ruleIndexes[i]!, p.withBaseline));
  return p.run;
}
