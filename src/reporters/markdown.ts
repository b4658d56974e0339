/**
 * The full report as GitHub-flavoured markdown: `mcg scan --format markdown` and the basis of the
 * job summary. Every piece of untrusted text goes through escape.ts.
 */
import { SEVERITIES, type Finding, type Report, type ScannerStatus, type SuppressionNotice } from '../core/types.js';
import {
  PRODUCT,
  SEVERITY_ICON,
  SEVERITY_LABEL,
  baselineText,
  countBySeverity,
  findingUrl,
  formatBytes,
  formatDuration,
  groupFindings,
  helpUrl,
  locationText,
  plural,
  policyText,
  sortByImportance,
  sumCounts,
  type FindingGroups,
} from './common.js';
import { codeSpan, escapeMarkdownText, safeHttpUrl } from './escape.js';
import { fitBlocks, measureChars, text, type Block } from './fit.js';
import { probeSection } from './probe-section.js';
import { coverageBlocks } from './coverage.js';
import { appendAll } from '../core/arrays.js';

export interface MarkdownOptions {
  /** `https://github.com/<o>/<r>/blob/<sha>/`: locations become links to the lines. */
  linkBase?: string;
  /** Link to the workflow run, shown in the footer. */
  runUrl?: string;
  /** Heading level of the title (2 = `##`); sections are one level below. */
  headingLevel?: number;
  /** Cap per message cell, in characters before escaping. */
  messageMax?: number;
}

export interface RowOptions {
  linkBase?: string;
  showTarget: boolean;
  /** Add the fix hint under the message. */
  withFix: boolean;
  /** Add the status column (new / existing / failing). */
  withStatus: boolean;
  messageMax: number;
}

export function headline(report: Report): string {
  return report.result === 'fail' ? `❌ ${PRODUCT}: failed` : `✅ ${PRODUCT}: passed`;
}

export function severityCell(f: Finding): string {
  return `${SEVERITY_ICON[f.severity]} ${SEVERITY_LABEL[f.severity]}`;
}

export function ruleCell(f: Finding): string {
  const code = codeSpan(f.ruleId, { table: true, max: 80 });
  const url = helpUrl(f);
  return url ? `[${code}](${url})` : code;
}

export function locationCell(f: Finding, linkBase: string | undefined): string {
  const url = findingUrl(f, linkBase);
  const loc = url ? `[${escapeMarkdownText(locationText(f), { max: 200 })}](${url})` : codeSpan(locationText(f), { table: true, max: 200 });
  const ev = f.location.evidence ? `<br>${codeSpan(f.location.evidence, { table: true, max: 200 })}` : '';
  return loc + ev;
}

export function statusCell(f: Finding): string {
  const parts: string[] = [];
  if (f.error) parts.push('⚠️ scan error');
  if (f.failing) parts.push('⛔ failing');
  parts.push(f.new ? '🆕 new' : 'existing');
  return parts.join('<br>');
}

export function findingsHeader(o: RowOptions): string {
  const cols = ['Severity', 'Rule', 'Location', ...(o.showTarget ? ['Target'] : []), 'Finding', ...(o.withStatus ? ['Status'] : [])];
  return `| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|\n`;
}

export function findingRow(f: Finding, o: RowOptions): string {
  let finding = escapeMarkdownText(f.message, { max: o.messageMax });
  if (o.withFix && f.fix) finding += `<br>**Fix:** ${escapeMarkdownText(f.fix, { max: 400 })}`;
  const cells = [
    severityCell(f),
    ruleCell(f),
    locationCell(f, o.linkBase),
    ...(o.showTarget ? [codeSpan(f.target, { table: true, max: 100 })] : []),
    finding,
    ...(o.withStatus ? [statusCell(f)] : []),
  ];
  return `| ${cells.join(' | ')} |\n`;
}

/** New / existing / suppressed counts by severity, one row each. */
export function countsTable(g: FindingGroups, opts: { fixed?: number } = {}): string {
  const head = `| | ${SEVERITIES.map((s) => `${SEVERITY_ICON[s]} ${SEVERITY_LABEL[s]}`).join(' | ')} | Total |\n|---|${SEVERITIES.map(() => '---:').join('|')}|---:|\n`;
  const row = (label: string, fs: Finding[]): string => {
    const c = countBySeverity(fs);
    return `| ${label} | ${SEVERITIES.map((s) => String(c[s])).join(' | ')} | ${sumCounts(c)} |\n`;
  };
  let out = head + row('🆕 New', g.newOnes) + row('Existing', g.existing);
  if (g.suppressed.length > 0) out += row('🔕 Suppressed', g.suppressed);
  if (opts.fixed !== undefined && opts.fixed > 0) out += `| ✅ Fixed | ${SEVERITIES.map(() => ' ').join(' | ')} | ${opts.fixed} |\n`;
  return out;
}

export function scannerTable(scanners: readonly ScannerStatus[]): string {
  if (scanners.length === 0) return '_No scanner status was recorded._\n';
  let out = '| Scanner | Status | Version | Time | Note |\n|---|---|---|---|---|\n';
  for (const s of scanners) {
    const icon = s.status === 'ran' ? '✅ ran' : s.status === 'skipped' ? '⏭️ skipped' : '❌ failed';
    out += `| ${codeSpan(s.name, { table: true, max: 40 })} | ${icon} | ${s.version ? codeSpan(s.version, { table: true, max: 60 }) : ''} | ${formatDuration(s.durationMs)} | ${s.reason ? escapeMarkdownText(s.reason, { max: 500 }) : ''} |\n`;
  }
  return out;
}

export function suppressionNoticeRow(n: SuppressionNotice, status: string): string {
  return `| ${status} | ${codeSpan(n.id, { table: true, max: 80 })} | ${codeSpan(n.where, { table: true, max: 200 })} | ${escapeMarkdownText(n.expires, { max: 40 })} | ${n.owner ? escapeMarkdownText(n.owner, { max: 100 }) : ''} | ${escapeMarkdownText(n.reason, { max: 300 })} |\n`;
}

export const SUPPRESSION_NOTICE_HEAD = '| Status | Rule | Where | Expires | Owner | Reason |\n|---|---|---|---|---|---|\n';

function suppressedRow(f: Finding, linkBase: string | undefined): string {
  const s = f.suppressed;
  const how = s ? `${s.kind === 'inSource' ? 'inline' : 'config'} at ${codeSpan(s.where, { table: true, max: 200 })}` : '';
  const until = s?.expires ? ` (until ${escapeMarkdownText(s.expires, { max: 40 })})` : '';
  return `| ${severityCell(f)} | ${ruleCell(f)} | ${locationCell(f, linkBase)} | ${escapeMarkdownText(f.message, { max: 300 })} | ${escapeMarkdownText(s?.justification ?? '', { max: 300 })} | ${how}${until} |\n`;
}

function heading(level: number, t: string): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${t}\n\n`;
}

function omittedNote(what: string, why: string): (n: number) => string {
  return (n) => `\n_… ${plural(n, what)} not shown (${why}); the SARIF log and the JSON report have them all._\n\n`;
}

/**
 * The report as blocks, so the job summary can fit them under its cap: findings first, then
 * what could not be checked, suppression notices, suppressed findings, fixed ones, targets.
 */
export function markdownBlocks(report: Report, opts: MarkdownOptions & { why?: string } = {}): Block[] {
  const h = opts.headingLevel ?? 2;
  const why = opts.why ?? 'size limit';
  const g = groupFindings(report.findings);
  const showTarget = new Set(report.findings.map((f) => f.target)).size > 1;
  const rowOpts: RowOptions = { linkBase: opts.linkBase, showTarget, withFix: true, withStatus: true, messageMax: opts.messageMax ?? 1000 };
  const blocks: Block[] = [];

  let top = heading(h, headline(report));
  top += `**${escapeMarkdownText(report.reason, { max: 500 })}**\n\n`;
  top += countsTable(g, { fixed: report.fixed.length });
  top += `\nPolicy: ${escapeMarkdownText(policyText(report))}. Baseline: ${escapeMarkdownText(baselineText(report))}.\n\n`;
  blocks.push(text(top));

  if (g.active.length === 0) blocks.push(text(heading(h + 1, 'Findings') + '_No unsuppressed findings._\n\n'));
  blocks.push({
    kind: 'rows',
    priority: 0,
    head: heading(h + 1, `Findings (${g.active.length})`) + findingsHeader(rowOpts),
    rows: sortByImportance(g.active).map((f) => findingRow(f, rowOpts)),
    tail: '\n',
    omitted: omittedNote('finding', why),
  });

  blocks.push({
    kind: 'rows',
    priority: 1,
    head: heading(h + 1, `Files that could not be checked (${report.inputErrors.length})`) + '| Location | Problem |\n|---|---|\n',
    rows: report.inputErrors.map((e) => `| ${codeSpan(`${e.path}:${e.line}`, { table: true, max: 200 })} | ${escapeMarkdownText(e.message, { max: 500 })} |\n`),
    tail: '\n',
    omitted: omittedNote('unreadable file', why),
  });

  appendAll(blocks, coverageBlocks(report, h + 1, (what) => omittedNote(what, why)));

  blocks.push({
    kind: 'rows',
    priority: 1,
    head: heading(h + 1, `Suppressions to review (${report.expired.length + report.expiring.length})`) + SUPPRESSION_NOTICE_HEAD,
    rows: [
      ...report.expired.map((n) => suppressionNoticeRow(n, '⛔ expired, no longer applied')),
      ...report.expiring.map((n) => suppressionNoticeRow(n, '⏳ expires soon')),
    ],
    tail: '\n',
    omitted: omittedNote('suppression notice', why),
  });

  blocks.push(text(heading(h + 1, 'Scanners') + scannerTable(report.scanners) + '\n'));
  const probe = probeSection(report, h + 1);
  if (probe !== '') blocks.push(text(probe));

  blocks.push({
    kind: 'rows',
    priority: 2,
    head:
      heading(h + 1, `Suppressed findings (${g.suppressed.length})`) +
      '| Severity | Rule | Location | Finding | Justification | Suppressed by |\n|---|---|---|---|---|---|\n',
    rows: sortByImportance(g.suppressed).map((f) => suppressedRow(f, opts.linkBase)),
    tail: '\n',
    omitted: omittedNote('suppressed finding', why),
  });

  blocks.push({
    kind: 'rows',
    priority: 3,
    head: heading(h + 1, `Fixed since the baseline (${report.fixed.length})`) + '| Rule | File | Fingerprint |\n|---|---|---|\n',
    rows: report.fixed.map(
      (x) =>
        `| ${x.ruleId ? codeSpan(x.ruleId, { table: true, max: 80 }) : ''} | ${x.path ? codeSpan(x.path, { table: true, max: 200 }) : ''} | ${codeSpan(x.fingerprint, { table: true, max: 80 })} |\n`,
    ),
    tail: '\n',
    omitted: omittedNote('fixed finding', why),
  });

  blocks.push({
    kind: 'rows',
    priority: 3,
    head: heading(h + 1, `Targets (${report.targets.length})`) + '| Target | Dockerfile | Image | Digest | Size |\n|---|---|---|---|---|\n',
    rows: report.targets.map((t) => {
      const c = (v: string | undefined, max = 200): string => (v ? codeSpan(v, { table: true, max }) : '');
      return `| ${c(t.name, 100)} | ${c(t.dockerfile)} | ${c(t.image)} | ${c(t.imageDigest, 80)} | ${formatBytes(t.imageSize)} |\n`;
    }),
    tail: '\n',
    omitted: omittedNote('target', why),
  });

  blocks.push(text(footer(report, opts.runUrl)));
  return blocks;
}

export function footer(report: Report, runUrl?: string): string {
  const run = runUrl ? safeRunLink(runUrl) : '';
  return `<sub>${PRODUCT} ${escapeMarkdownText(report.tool.version, { max: 40 })} · ${plural(report.findings.length, 'finding')} · ${escapeMarkdownText(report.finishedAt, { max: 40 })}${run}</sub>\n`;
}

function safeRunLink(runUrl: string): string {
  const url = safeHttpUrl(runUrl);
  return url ? ` · [workflow run](${url})` : '';
}

/** The whole report as markdown, nothing left out. */
export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  return fitBlocks(markdownBlocks(report, opts), Number.POSITIVE_INFINITY, measureChars).text;
}
