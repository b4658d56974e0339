/**
 * The job summary (`$GITHUB_STEP_SUMMARY`): the full markdown report with every table, kept under
 * GitHub's 1 MiB per step. When it does not fit, rows are dropped from the least important tables
 * first (fixed, targets, suppressed, then the tail of the findings table) and each cut table says
 * how many rows it left out.
 */
import type { Report } from '../core/types.js';
import { PRODUCT } from './common.js';
import { fitBlocks, hardCut, measureBytes } from './fit.js';
import { STEP_SUMMARY_HEADROOM_BYTES, STEP_SUMMARY_MAX_BYTES } from './limits.js';
import { headline, markdownBlocks, type MarkdownOptions } from './markdown.js';

export interface SummaryOptions extends MarkdownOptions {
  /** Cap in UTF-8 bytes; default STEP_SUMMARY_MAX_BYTES − STEP_SUMMARY_HEADROOM_BYTES, never above STEP_SUMMARY_MAX_BYTES − 1. */
  maxBytes?: number;
}

export function buildSummary(report: Report, opts: SummaryOptions = {}): string {
  const max = Math.min(opts.maxBytes ?? STEP_SUMMARY_MAX_BYTES - STEP_SUMMARY_HEADROOM_BYTES, STEP_SUMMARY_MAX_BYTES - 1);
  const fitted = fitBlocks(markdownBlocks(report, { ...opts, why: 'job summary size limit' }), max, measureBytes);
  if (fitted.ok) return fitted.text;
  // Only reachable with a tiny maxBytes: the fixed parts alone are too big.
  const short = `## ${headline(report)}\n\n_The ${PRODUCT} summary did not fit in ${max} bytes; see the SARIF log and the JSON report._\n`;
  return hardCut(short, max, measureBytes, '');
}
