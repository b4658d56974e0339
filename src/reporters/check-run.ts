/**
 * The check run's `output` (the required status check): title, markdown summary and text, and
 * annotations typed as GitHub's checks API wants them. The publisher sends the annotations in
 * `batches()` of ANNOTATIONS_PER_REQUEST (create, then update calls that append).
 */
import type { Finding, Report } from '../core/types.js';
import { atLeast } from '../core/severity.js';
import {
  PRODUCT,
  annotationLevel,
  baselineText,
  groupFindings,
  helpUrl,
  isActive,
  plural,
  policyText,
  findingTitle,
  scannersNotRun,
  severityList,
  countBySeverity,
  sortByImportance,
} from './common.js';
import { codeSpan, escapeMarkdownText, plainText } from './escape.js';
import { cutTo, fitBlocks, measureChars, text, type Block } from './fit.js';
import {
  ANNOTATIONS_PER_REQUEST,
  ANNOTATION_TITLE_MAX,
  CHECK_RUN_SUMMARY_MAX,
  CHECK_RUN_TEXT_MAX,
  CHECK_RUN_TITLE_MAX,
} from './limits.js';
import { SUPPRESSION_NOTICE_HEAD, countsTable, findingRow, findingsHeader, scannerTable, suppressionNoticeRow, type RowOptions } from './markdown.js';

/** One annotation as `POST/PATCH /repos/{o}/{r}/check-runs` take it. */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  /** Only when start_line === end_line (the API refuses columns across lines). */
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  /** ≤ 255 characters. */
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations: CheckRunAnnotation[];
}

/**
 * Our own bound on how many annotations a run sends (not a platform cap: the API takes any number
 * of update calls, but each is a request against the rate limit). 20 requests of 50.
 */
export const CHECK_RUN_ANNOTATIONS_DEFAULT_MAX = 1000;

export interface CheckRunOptions {
  title?: string;
  /** Added/changed lines per repository path (the PR diff). */
  changedLines?: Map<string, Set<number>>;
  /** Link base for locations in the text (`https://github.com/<o>/<r>/blob/<sha>/`). */
  linkBase?: string;
  /** Default CHECK_RUN_ANNOTATIONS_DEFAULT_MAX. */
  maxAnnotations?: number;
}

/** Characters: annotation `message` and `raw_details` are capped at 64 KB; we stay far below. */
const MESSAGE_MAX = 4000;
const RAW_DETAILS_MAX = 8000;

export function toCheckRunAnnotation(f: Finding, rules: Report['rules']): CheckRunAnnotation {
  const { path, startLine, endLine, startColumn, endColumn, evidence } = f.location;
  const start = Math.max(1, Math.floor(startLine));
  const end = endLine !== undefined && endLine >= start ? Math.floor(endLine) : start;
  const a: CheckRunAnnotation = {
    path,
    start_line: start,
    end_line: end,
    annotation_level: annotationLevel(f.severity),
    message: plainText(f.message, MESSAGE_MAX),
    title: plainText(findingTitle(f, rules), ANNOTATION_TITLE_MAX - 1),
  };
  if (start === end && startColumn !== undefined && startColumn >= 1) {
    a.start_column = startColumn;
    if (endColumn !== undefined && endColumn >= startColumn) a.end_column = endColumn;
  }
  const details: string[] = [];
  if (evidence) details.push(`Where: ${plainText(evidence, 500)}`);
  if (f.fix) details.push(`Fix: ${plainText(f.fix, 1500)}`);
  const help = helpUrl(f);
  if (help) details.push(`More: ${help}`);
  details.push(`Target: ${plainText(f.target, 200)}`);
  details.push(`Fingerprint: ${plainText(f.fingerprint, 200)}`);
  a.raw_details = cutTo(details.join('\n'), RAW_DETAILS_MAX, measureChars);
  return a;
}

/** failure when the policy failed; neutral when it would have failed but fail-on is never; else success. */
export function checkRunConclusion(report: Report): 'success' | 'failure' | 'neutral' {
  if (report.result === 'fail') return 'failure';
  if (report.policy.failOn === 'never') {
    const wouldFail = report.findings.some((f) => isActive(f) && (f.error === true || atLeast(f.severity, report.policy.threshold)));
    if (wouldFail) return 'neutral';
  }
  return 'success';
}

export function checkRunTitle(report: Report): string {
  const g = groupFindings(report.findings);
  let t: string;
  if (g.failing.length > 0) t = `${plural(g.failing.length, 'finding')} fail the policy (${severityList(countBySeverity(g.failing))})`;
  else if (report.result === 'fail') t = plainText(report.reason, 200);
  else if (g.active.length === 0) t = 'No findings';
  else t = `Passed · ${plural(g.active.length, 'finding')} below the policy (${g.newOnes.length} new)`;
  return plainText(t, CHECK_RUN_TITLE_MAX - 1);
}

/** `items` in chunks of `size` (default ANNOTATIONS_PER_REQUEST, the checks API's cap per request). */
export function batches<T>(items: readonly T[], size: number = ANNOTATIONS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function buildCheckRunOutput(report: Report, opts: CheckRunOptions = {}): CheckRunOutput {
  const g = groupFindings(report.findings);
  const sorted = sortByImportance(g.active, opts.changedLines);
  const maxAnn = Math.max(0, Math.floor(opts.maxAnnotations ?? CHECK_RUN_ANNOTATIONS_DEFAULT_MAX));
  const annotations = sorted.slice(0, maxAnn).map((f) => toCheckRunAnnotation(f, report.rules));
  const notAnnotated = sorted.length - annotations.length;

  // Summary: the verdict, counts, what did not run, what to review. Fits by construction, cut as a last resort.
  let summary = `**${escapeMarkdownText(report.reason, { max: 500 })}**\n\n`;
  summary += countsTable(g, { fixed: report.fixed.length });
  summary += `\nPolicy: ${escapeMarkdownText(policyText(report))}. Baseline: ${escapeMarkdownText(baselineText(report))}.\n`;
  if (notAnnotated > 0) summary += `\n${plural(notAnnotated, 'finding')} beyond the first ${annotations.length} are not annotated; the text below and the SARIF log list them.\n`;
  const notRun = scannersNotRun(report);
  if (notRun.length > 0) {
    summary += '\n**Scanners that did not run**\n\n';
    for (const s of notRun.slice(0, 20)) summary += `- ${codeSpan(s.name, { max: 40 })} ${s.status}${s.reason ? `: ${escapeMarkdownText(s.reason, { max: 300 })}` : ''}\n`;
  }
  const notices = report.expired.length + report.expiring.length;
  if (notices > 0) summary += `\n${plural(report.expired.length, 'suppression')} expired, ${report.expiring.length} expiring soon (see below).\n`;
  summary = cutTo(summary, CHECK_RUN_SUMMARY_MAX - 1, measureChars);

  // Text: every table, cut from the least important end.
  const rowOpts: RowOptions = {
    linkBase: opts.linkBase,
    showTarget: new Set(report.findings.map((f) => f.target)).size > 1,
    withFix: true,
    withStatus: true,
    messageMax: 500,
  };
  const note = (what: string) => (n: number) => `\n_… ${plural(n, what)} not shown (check run size limit); the job summary and the SARIF log have them all._\n\n`;
  const blocks: Block[] = [
    {
      kind: 'rows',
      priority: 0,
      head: `### Findings (${sorted.length})\n\n${findingsHeader(rowOpts)}`,
      rows: sorted.map((f) => findingRow(f, rowOpts)),
      tail: '\n',
      omitted: note('finding'),
    },
    {
      kind: 'rows',
      priority: 1,
      head: `### Suppressions to review\n\n${SUPPRESSION_NOTICE_HEAD}`,
      rows: [...report.expired.map((n) => suppressionNoticeRow(n, '⛔ expired')), ...report.expiring.map((n) => suppressionNoticeRow(n, '⏳ expires soon'))],
      tail: '\n',
      omitted: note('suppression notice'),
    },
    text(`### Scanners\n\n${scannerTable(report.scanners.slice(0, 20))}\n`),
    text(`<sub>${PRODUCT} ${escapeMarkdownText(report.tool.version, { max: 40 })}</sub>\n`),
  ];
  const fitted = fitBlocks(blocks, CHECK_RUN_TEXT_MAX - 1, measureChars);
  const out: CheckRunOutput = {
    title: opts.title !== undefined ? plainText(opts.title, CHECK_RUN_TITLE_MAX - 1) : checkRunTitle(report),
    summary,
    annotations,
  };
  const body = fitted.ok ? fitted.text : cutTo(fitted.text, CHECK_RUN_TEXT_MAX - 1, measureChars);
  if (report.findings.length > 0 || notices > 0 || report.scanners.length > 0) out.text = body;
  return out;
}
