/**
 * The one SARIF writer (DESIGN §4, §8): one run per source and target, `automationDetails.id`
 * `<category>/<target>/`, rules with GitHub's properties, repo-relative locations, partial
 * fingerprints and suppressions; GitHub's limits enforced before anything is written.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type * as sarif from 'sarif';
import { securitySeverity, SEVERITY_TABLE, severityRank } from '../core/severity.js';
import { partialFingerprints } from '../core/fingerprint.js';
import { ruleMeta } from '../rules/index.js';
import { TOOL_NAME, TOOL_VERSION, REPOSITORY_URL, ruleDocsUrl } from '../core/meta.js';
import type { Finding, Report, Severity, Source } from '../core/types.js';
import {
  MAX_DESCRIPTION,
  MAX_GZIP_BYTES,
  MAX_RESULTS_PER_RUN,
  MAX_RULES_PER_RUN,
  MAX_RULE_NAME,
  MAX_RUNS,
  MAX_TAGS_PER_RULE,
} from './limits.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

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

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Category-safe target label: keeps `/` (GitHub splits the category at the last one). */
export function targetSlug(target: string): string {
  const slug = target.replace(/[^A-Za-z0-9._/-]+/g, '-').replace(/^\/+|\/+$/g, '') || 'default';
  // Two targets must never share a category (GitHub rejects an upload with two runs of one tool
  // and category): when characters were replaced, a short hash of the real name keeps them apart.
  return slug === target ? slug : `${slug}-${createHash('sha256').update(target).digest('hex').slice(0, 8)}`;
}

function ruleFor(source: Source, id: string, sample: Finding, severity: Severity, cvss: number | undefined): sarif.ReportingDescriptor {
  const meta = source === 'mcg' ? ruleMeta(id) : undefined;
  const sev = securitySeverity(severity, cvss);
  const tags = [...(meta?.tags ?? sample.rule?.tags ?? []), source === 'mcg' ? (meta?.kind ?? 'check') : source === 'trivy' ? 'vulnerability' : 'secret', severity]
    .filter((t, i, a) => a.indexOf(t) === i)
    .slice(0, MAX_TAGS_PER_RULE);
  if (sev && !tags.includes('security')) tags.unshift('security');
  const title = meta?.title ?? sample.rule?.title ?? id;
  const description = meta?.description ?? sample.rule?.description ?? title;
  const helpUri = meta ? ruleDocsUrl(id) : (sample.rule?.helpUri ?? sample.helpUri);
  const helpText = meta
    ? `${meta.description}\n\nWhy: ${meta.rationale}\n\nFix: ${meta.fix}\n\nDocs: ${helpUri}`
    : (sample.rule?.helpText ?? `${description}${helpUri ? `\n\n${helpUri}` : ''}`);
  const helpMarkdown = meta
    ? `**${meta.title}** (${meta.id}, ${meta.severity})\n\n${meta.description}\n\n**Why it matters.** ${meta.rationale}\n\n**Fix.** ${meta.fix}\n\n[Rule documentation](${helpUri})`
    : undefined;
  const properties: Record<string, unknown> = {
    tags,
    precision: meta?.precision ?? 'very-high',
  };
  if (sev) properties['security-severity'] = sev;
  else properties['problem.severity'] = 'recommendation';
  return {
    id,
    name: clip(meta ? meta.name : id, MAX_RULE_NAME),
    shortDescription: { text: clip(title, MAX_DESCRIPTION) },
    fullDescription: { text: clip(description, MAX_DESCRIPTION) },
    help: helpMarkdown ? { text: helpText, markdown: helpMarkdown } : { text: helpText },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: SEVERITY_TABLE[severity].sarifLevel },
    properties,
  };
}

/**
 * A repository-relative path as a SARIF `uri` (a URI reference): each segment percent-encoded, so
 * that spaces, `%`, `#`, `?`, `:` and non-ASCII names stay valid and point at the same file.
 * Invalid UTF-16 (a lone surrogate) becomes U+FFFD rather than an exception.
 */
export function pathToUri(path: string): string {
  const wellFormed = path.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

function resultFor(f: Finding, ruleIndex: number, withBaseline: boolean): sarif.Result {
  const region: sarif.Region = { startLine: f.location.startLine };
  if (f.location.endLine && f.location.endLine >= f.location.startLine) region.endLine = f.location.endLine;
  if (f.location.startColumn) region.startColumn = f.location.startColumn;
  if (f.location.endColumn) region.endColumn = f.location.endColumn;
  const text = f.location.evidence ? `${f.message} (${f.location.evidence})` : f.message;
  const r: sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SEVERITY_TABLE[f.severity].sarifLevel,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(f.location.path), uriBaseId: '%SRCROOT%' }, region } }],
    partialFingerprints: partialFingerprints(f),
    properties: {
      severity: f.severity,
      target: f.target,
      failing: f.failing === true,
      ...(f.location.evidence ? { evidence: f.location.evidence } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    },
  };
  if (withBaseline) r.baselineState = f.new === false ? 'unchanged' : 'new';
  if (f.suppressed) {
    r.suppressions = [{ kind: f.suppressed.kind, status: 'accepted', justification: f.suppressed.justification }];
  }
  return r;
}

interface RunGroup {
  source: Source;
  target: string;
  findings: Finding[];
}

function groupRuns(report: Report): { groups: RunGroup[]; folded: boolean } {
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
    x.findings.push(...g.findings);
    bySource.set(g.source, x);
  }
  groups = [...bySource.values()];
  return { groups, folded: true };
}

function priority(a: Finding, b: Finding): number {
  return Number(b.failing === true) - Number(a.failing === true) || Number(b.new !== false) - Number(a.new !== false) || severityRank(b.severity) - severityRank(a.severity);
}

function buildRun(g: RunGroup, report: Report, opts: SarifOptions, cap: number, notes: string[]): sarif.Run {
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
  const results: sarif.Result[] = [];
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
      rules.push(ruleFor(g.source, f.ruleId, f, p.severity, p.cvss));
      ruleIndex.set(f.ruleId, idx);
    }
    results.push(resultFor(f, idx, withBaseline));
  }
  const status = report.scanners.find((s) => s.name === SCANNER_OF[g.source]);
  const failed = status?.status === 'failed';
  if (failed) notifications.push({ level: 'error', message: { text: `${DRIVERS[g.source].name} did not complete: ${status?.reason ?? 'unknown error'}` } });
  const prefix = (opts.category ?? 'mcg').replace(/\/+$/, '');
  return {
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
    results,
    properties: { target: g.target },
  };
}

export function gzipSize(log: sarif.Log): number {
  return gzipSync(JSON.stringify(log)).length;
}

/**
 * Whether the log fits in `maxBytes` once gzipped. A log whose plain JSON is already under the
 * limit fits (deflate adds at most a few bytes per 16 KiB block and a header), so it is not
 * compressed at all; a larger one is compressed at the fastest level, whose output is larger
 * than the default level's in practice: the check errs on the safe side and costs a fraction of
 * the time (100,000 findings are ~85 MB of JSON).
 */
function fitsGzip(log: sarif.Log, maxBytes: number): boolean {
  const text = JSON.stringify(log);
  // UTF-8 takes at most 3 bytes per UTF-16 unit
  const bytes = text.length * 3 <= maxBytes ? text.length * 3 : Buffer.byteLength(text);
  if (bytes + (bytes >> 10) + 1024 <= maxBytes) return true;
  return gzipSync(text, { level: 1 }).length <= maxBytes;
}

/** Builds the SARIF log of a report, within GitHub's limits (trimming lowest severity first, and saying so). */
export function toSarif(report: Report, opts: SarifOptions = {}): sarif.Log {
  const { groups, folded } = groupRuns(report);
  const notes = folded ? [`More than ${MAX_RUNS} (source, target) runs: results are grouped per source under the category "all".`] : [];
  let cap = opts.maxResultsPerRun ?? MAX_RESULTS_PER_RUN;
  const maxBytes = opts.maxGzipBytes ?? MAX_GZIP_BYTES;
  for (;;) {
    const log: sarif.Log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: groups.map((g) => buildRun(g, report, opts, cap, notes)),
    };
    const largest = Math.max(0, ...groups.map((g) => g.findings.length));
    if (largest === 0 || fitsGzip(log, maxBytes)) return log;
    if (cap <= 1) return log;
    cap = Math.max(1, Math.floor(Math.min(cap, largest) * 0.8));
  }
}
