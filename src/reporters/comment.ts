/**
 * The sticky pull-request comment: one per (workflow, job, target), found again by a hidden
 * marker at the very start of its body and updated in place. Always shorter than GitHub's cap;
 * when the findings do not fit, detail rows go first, then the tail of the new-findings table,
 * and the comment says how many were left out.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../core/types.js';
import {
  PRODUCT,
  baselineText,
  groupFindings,
  plural,
  policyText,
  scannersNotRun,
  scopeToTarget,
  sortByImportance,
} from './common.js';
import { codeSpan, escapeMarkdownText, safeHttpUrl } from './escape.js';
import { cutTo, fitBlocks, measureChars, text, type Block } from './fit.js';
import { COMMENT_MAX_CHARS } from './limits.js';
import { SUPPRESSION_NOTICE_HEAD, countsTable, findingRow, findingsHeader, suppressionNoticeRow, type RowOptions } from './markdown.js';

/** Every marker starts with this; a publisher may use it to recognise comments of this tool. */
export const COMMENT_MARKER_PREFIX = '<!-- mcp-container-guard:comment:v1:';

/** How many new findings the comment shows in the open; the rest go into a collapsed section. */
export const COMMENT_TOP_NEW = 10;

const MARKER_RE = /^<!-- mcp-container-guard:comment:v1:[0-9a-f]{1,64} -->$/;

/**
 * The hidden marker for one (workflow, job, target). The names are untrusted (a workflow name,
 * a Dockerfile path) and may contain `-->`: only a hash of them goes into the HTML comment.
 * Stable across runs for the same three names; different for any other combination.
 */
export function commentMarker(parts: { workflow: string; job: string; target: string }): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(['mcg-comment', parts.workflow, parts.job, parts.target]))
    .digest('hex')
    .slice(0, 24);
  return `${COMMENT_MARKER_PREFIX}${digest} -->`;
}

/** Whether a comment body is the one carrying this marker (the marker is its very start). */
export function hasMarker(body: string | null | undefined, marker: string): boolean {
  return typeof body === 'string' && body.startsWith(marker);
}

export interface CommentOptions {
  /** From {@link commentMarker}. */
  marker: string;
  /** The target this comment is about (a label; findings are scoped to it when the report has several targets). */
  target: string;
  /** `https://github.com/<o>/<r>/blob/<sha>/`: locations link to their lines. */
  linkBase?: string;
  /** Link to the workflow run (job summary, SARIF artifact). */
  runUrl?: string;
  /** Upper bound (exclusive) on the body length in characters; default and maximum COMMENT_MAX_CHARS. */
  maxChars?: number;
}

export function buildComment(report: Report, opts: CommentOptions): string {
  if (!MARKER_RE.test(opts.marker)) throw new TypeError('buildComment: marker must come from commentMarker()');
  const max = Math.min(opts.maxChars ?? COMMENT_MAX_CHARS, COMMENT_MAX_CHARS) - 1;
  const r = scopeToTarget(report, opts.target);
  const g = groupFindings(r.findings);
  const run = opts.runUrl ? safeHttpUrl(opts.runUrl) : undefined;
  const seeAll = run ? `the [workflow run](${run}) has them all` : 'the job summary has them all';
  const note = (what: string) => (n: number) => `\n_… ${plural(n, what)} not shown (comment size limit); ${seeAll}._\n\n`;

  const failed = r.result === 'fail';
  const title = `### ${failed ? '❌' : '✅'} ${PRODUCT} · ${codeSpan(opts.target, { max: 100 })}: ${failed ? 'failed' : 'passed'}\n\n`;
  let top = `${opts.marker}\n${title}**${escapeMarkdownText(r.reason, { max: 400 })}**\n\n`;
  top += countsTable(g, { fixed: report.fixed.length });
  top += '\n';
  const blocks: Block[] = [text(top)];

  const newSorted = sortByImportance(g.newOnes);
  const shown = newSorted.slice(0, COMMENT_TOP_NEW);
  const topOpts: RowOptions = { linkBase: opts.linkBase, showTarget: false, withFix: true, withStatus: false, messageMax: 500 };
  if (shown.length === 0) blocks.push(text('No new findings.\n\n'));
  blocks.push({
    kind: 'rows',
    priority: 0,
    head: `#### New findings${newSorted.length > shown.length ? ` (top ${shown.length} of ${newSorted.length})` : ''}\n\n${findingsHeader(topOpts)}`,
    rows: shown.map((f) => findingRow(f, topOpts)),
    tail: '\n',
    omitted: note('new finding'),
  });

  const notRun = scannersNotRun(report);
  if (notRun.length > 0) {
    let s = '#### ⚠️ Scanners that did not run\n\n';
    for (const sc of notRun) {
      s += `- ${codeSpan(sc.name, { max: 40 })} ${sc.status}${sc.reason ? `: ${escapeMarkdownText(sc.reason, { max: 300 })}` : ''}\n`;
    }
    blocks.push(text(s + '\n'));
  }

  blocks.push({
    kind: 'rows',
    priority: 1,
    head: `#### ⏳ Suppressions to review\n\n${SUPPRESSION_NOTICE_HEAD}`,
    rows: [
      ...report.expired.map((n) => suppressionNoticeRow(n, '⛔ expired')),
      ...report.expiring.map((n) => suppressionNoticeRow(n, '⏳ expires soon')),
    ],
    tail: '\n',
    omitted: note('suppression notice'),
  });

  const rest = sortByImportance([...newSorted.slice(COMMENT_TOP_NEW), ...g.existing]);
  const restNew = newSorted.length - shown.length;
  const restOpts: RowOptions = { linkBase: opts.linkBase, showTarget: false, withFix: false, withStatus: true, messageMax: 300 };
  blocks.push({
    kind: 'rows',
    priority: 2,
    head: `<details><summary>${plural(rest.length, 'more finding')} (${restNew} new, ${g.existing.length} existing)</summary>\n\n${findingsHeader(restOpts)}`,
    rows: rest.map((f) => findingRow(f, restOpts)),
    tail: '\n</details>\n\n',
    omitted: note('other finding'),
  });

  const runLink = run ? ` · [workflow run](${run})` : '';
  blocks.push(
    text(
      `<sub>Policy: ${escapeMarkdownText(policyText(r))}. Baseline: ${escapeMarkdownText(baselineText(r))}. ${g.suppressed.length > 0 ? `${plural(g.suppressed.length, 'suppressed finding')} not listed. ` : ''}${PRODUCT} ${escapeMarkdownText(report.tool.version, { max: 40 })}${runLink}</sub>\n`,
    ),
  );

  const fitted = fitBlocks(blocks, max, measureChars);
  if (fitted.ok) return fitted.text;
  // Only with a tiny maxChars: marker, title and a pointer to the run.
  const short = `${opts.marker}\n${title}The report did not fit in a comment; ${seeAll}.\n`;
  return cutTo(short, max, measureChars);
}
