/**
 * The one SARIF writer (DESIGN §4, §8): one run per source and target, `automationDetails.id`
 * `<category>/<target>/`, rules with GitHub's properties, repo-relative locations, partial
 * fingerprints and suppressions; GitHub's limits enforced before anything is written.
 *
 * Two outputs of one plan: toSarif builds the log as objects (tests, callers that inspect it);
 * writeSarif / sarifText / writeSarifFile stream the same log as compact text — exactly
 * `JSON.stringify(toSarif(report)) + '\n'` (SARIF is a machine format: no indentation) — results
 * written one at a time, with the
 * gzip size check done on the streamed text as it goes (test/fuzz/sarif-stream.test.ts holds them
 * equal). Every caller that writes or uploads SARIF uses the streamed text.
 */
import { createHash } from 'node:crypto';
import { ftruncateSync, writeSync } from 'node:fs';
import { deflateRawSync, gzipSync } from 'node:zlib';
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
import { appendAll, maxOf } from '../core/arrays.js';

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
 * that spaces, `%`, `#`, `?`, `:`, a backslash (a file-name character on Linux), control characters
 * and non-ASCII names stay valid and decode back to the same path. Invalid UTF-16 (a lone
 * surrogate) becomes U+FFFD rather than an exception.
 */
export function pathToUri(path: string): string {
  const wellFormed = path.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
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
interface PlannedRun {
  /** The run with `results: []` (the key keeps its place in the output). */
  run: sarif.Run;
  findings: Finding[];
  ruleIndexes: number[];
  withBaseline: boolean;
}

function planRun(g: RunGroup, report: Report, opts: SarifOptions, cap: number, notes: string[]): PlannedRun {
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
      rules.push(ruleFor(g.source, f.ruleId, f, p.severity, p.cvss));
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

function materialise(p: PlannedRun): sarif.Run {
  p.run.results = p.findings.map((f, i) => resultFor(f, p.ruleIndexes[i]!, p.withBaseline));
  return p.run;
}

export function gzipSize(log: sarif.Log): number {
  return gzipSync(JSON.stringify(log)).length;
}

/** Where the streamed text goes. `reset` drops what an attempt wrote when the log had to be trimmed. */
export interface SarifSink {
  /** A piece of the log; `utf8` holds its bytes when `wantsBytes` (or when they were encoded anyway). */
  write(chunk: string, utf8?: Buffer): void;
  reset(): void;
  /** The sink writes bytes: encode each piece once, for both it and the size check. */
  wantsBytes?: boolean;
}

/** What a streamed log came to. */
export interface SarifStats {
  /** UTF-8 bytes written. */
  bytes: number;
  /**
   * The size check's gzip estimate (deflate at the fastest level, 1 MiB pieces compressed on their
   * own: never smaller than one gzip of the whole at the default or best level in practice), or
   * undefined when the plain text is small enough to fit without compressing anything.
   */
  gzipEstimate?: number;
  runs: number;
  results: number;
  /** Results left out to stay within GitHub's limits. */
  dropped: number;
}

const LOG_HEAD = (() => {
  const head = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [] });
  const at = head.lastIndexOf('[]') + 1;
  return { open: head.slice(0, at), close: `${head.slice(at)}\n`, empty: `${head}\n` };
})();

const BATCH_CHARS = 1 << 20;
const GZIP_FRAME = 18; // gzip header and trailer around the deflate data

/** Receives each batch of text, with its UTF-8 bytes when the emitter had to encode them anyway. */
type BatchOut = (text: string, utf8: Buffer | undefined) => void;

/**
 * Collects the streamed text in batches, counts its UTF-8 bytes and estimates its gzipped size
 * without ever holding the whole log: nothing is compressed while the plain bytes alone are within
 * the limit; past that, each batch is deflated on its own as it goes.
 */
class Emitter {
  private parts: string[] = [];
  private pending = 0;
  private backlog: string[] = [];
  bytes = 0;
  deflated = 0;
  compressing = false;

  constructor(
    private readonly out: BatchOut | undefined,
    private readonly wantsBytes: boolean,
    private readonly maxBytes: number,
  ) {}

  push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= BATCH_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const batch = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.pending = 0;
    const utf8 = this.wantsBytes || this.compressing ? Buffer.from(batch, 'utf8') : undefined;
    this.bytes += utf8 ? utf8.length : Buffer.byteLength(batch, 'utf8');
    this.out?.(batch, utf8);
    if (this.compressing) this.deflated += deflateRawSync(utf8 ?? batch, { level: 1 }).length;
    else if (this.bytes + (this.bytes >> 10) + 1024 <= this.maxBytes) this.backlog.push(batch);
    else {
      // the UTF-8 bytes alone could now exceed the limit: from here on the size is estimated
      this.compressing = true;
      for (const b of this.backlog) this.deflated += deflateRawSync(b, { level: 1 }).length;
      this.backlog = [];
      this.deflated += deflateRawSync(utf8 ?? batch, { level: 1 }).length;
    }
  }

  /** True once the estimate is over the limit (it only grows). */
  get over(): boolean {
    return this.compressing && this.deflated + GZIP_FRAME > this.maxBytes;
  }

  get gzipEstimate(): number | undefined {
    return this.compressing ? this.deflated + GZIP_FRAME : undefined;
  }
}

const RUN_RESULTS = '"results":[]';

/**
 * Streams the planned log as `JSON.stringify(log)` would write it (and a newline), results
 * serialised one at a time into batches. Returns false (having stopped early) when
 * `abortWhenOver` and the log is over the gzip limit.
 */
function emitLog(runs: PlannedRun[], em: Emitter, abortWhenOver: boolean): boolean {
  if (runs.length === 0) {
    em.push(LOG_HEAD.empty);
    em.flush();
    return !(abortWhenOver && em.over);
  }
  em.push(LOG_HEAD.open);
  for (const [n, p] of runs.entries()) {
    // the run without its results; `"results":[]` is the last array-valued key before
    // `properties` (whose only value is a string), so its last occurrence is the key itself
    const text = JSON.stringify(p.run);
    const r = text.lastIndexOf(RUN_RESULTS) + RUN_RESULTS.length - 1;
    if (n > 0) em.push(',');
    em.push(text.slice(0, r));
    for (let i = 0; i < p.findings.length; i++) {
      if (i > 0) em.push(',');
      em.push(JSON.stringify(resultFor(p.findings[i]!, p.ruleIndexes[i]!, p.withBaseline)));
      if (abortWhenOver && (i & 255) === 255 && em.over) return false;
    }
    em.push(text.slice(r));
  }
  em.push(LOG_HEAD.close);
  em.flush();
  return !(abortWhenOver && em.over);
}

interface FittedLog {
  runs: PlannedRun[];
  stats: SarifStats;
}

/**
 * Plans the runs and finds the per-run cap that keeps the log within GitHub's limits, streaming
 * each attempt through `out` (reset between attempts). Trimming drops the lowest severity first.
 */
function fitLog(report: Report, opts: SarifOptions, sink: SarifSink | undefined): FittedLog {
  const { groups, folded } = groupRuns(report);
  const notes = folded ? [`More than ${MAX_RUNS} (source, target) runs: results are grouped per source under the category "all".`] : [];
  let cap = opts.maxResultsPerRun ?? MAX_RESULTS_PER_RUN;
  const maxBytes = opts.maxGzipBytes ?? MAX_GZIP_BYTES;
  const largest = maxOf(0, groups.map((g) => g.findings.length));
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) sink?.reset();
    const runs = groups.map((g) => planRun(g, report, opts, cap, notes));
    const em = new Emitter(sink ? (text, utf8) => sink.write(text, utf8) : undefined, sink?.wantsBytes === true, maxBytes);
    // nothing to trim, or nothing left to trim: written as it is
    const last = largest === 0 || cap <= 1;
    const fits = emitLog(runs, em, !last);
    if (fits || last) {
      const results = runs.reduce((n, p) => n + p.findings.length, 0);
      return { runs, stats: { bytes: em.bytes, gzipEstimate: em.gzipEstimate, runs: runs.length, results, dropped: total - results } };
    }
    cap = Math.max(1, Math.floor(Math.min(cap, largest) * 0.8));
  }
}

/** Builds the SARIF log of a report, within GitHub's limits (trimming lowest severity first, and saying so). */
export function toSarif(report: Report, opts: SarifOptions = {}): sarif.Log {
  const { runs } = fitLog(report, opts, undefined);
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: runs.map(materialise) };
}

/**
 * Streams the SARIF log of a report into `sink`: exactly the text of
 * `JSON.stringify(toSarif(report, opts)) + '\n'`, without building the log's object graph
 * or holding its text twice. When the log has to be trimmed, `sink.reset()` is called before each
 * new attempt.
 */
export function writeSarif(report: Report, sink: SarifSink, opts: SarifOptions = {}): SarifStats {
  return fitLog(report, opts, sink).stats;
}

/** The runs of a report's SARIF log as text, to be packed into logs with others (sarifLogOfRuns). */
export interface RunsText {
  /** The runs as they appear inside a log's `runs` array, separated by `,`; empty when none. */
  text: string;
  /** Each run's `automationDetails.id`. */
  ids: string[];
}

export function sarifRunsText(report: Report, opts: SarifOptions = {}): RunsText {
  let chunks: string[] = [];
  const { runs } = fitLog(report, opts, { write: (c) => void chunks.push(c), reset: () => void (chunks = []) });
  const text = chunks.join('');
  const ids = runs.map((p) => p.run.automationDetails?.id ?? '');
  if (runs.length === 0) return { text: '', ids };
  return { text: text.slice(LOG_HEAD.open.length, text.length - LOG_HEAD.close.length), ids };
}

/** One SARIF log of runs from sarifRunsText: the text JSON.stringify(log) + newline would give. */
export function sarifLogOfRuns(runs: readonly string[]): string {
  const parts = runs.filter((r) => r !== '');
  return parts.length === 0 ? LOG_HEAD.empty : `${LOG_HEAD.open}${parts.join(',')}${LOG_HEAD.close}`;
}

/** The SARIF log of a report as text (what `--format sarif` prints and the upload sends). */
export function sarifText(report: Report, opts: SarifOptions = {}): string {
  let chunks: string[] = [];
  writeSarif(report, { write: (c) => void chunks.push(c), reset: () => void (chunks = []) }, opts);
  return chunks.join('');
}

/**
 * Streams the SARIF log of a report into an open, empty file (the safe writer's descriptor,
 * src/core/safe-write.ts), in 1 MiB writes; returns the figures of what was written.
 */
export function writeSarifFd(fd: number, report: Report, opts: SarifOptions = {}): SarifStats {
  let pos = 0;
  return writeSarif(
    report,
    {
      wantsBytes: true,
      write: (c, utf8) => {
        const buf = utf8 ?? Buffer.from(c, 'utf8');
        for (let off = 0; off < buf.length; ) {
          const n = writeSync(fd, buf, off, buf.length - off, pos);
          off += n;
          pos += n;
        }
      },
      reset: () => {
        ftruncateSync(fd, 0);
        pos = 0;
      },
    },
    opts,
  );
}
