/**
 * The coverage ledger for people: how many files were checked, and every file that was only partly
 * checked or not checked, with why. In the job summary / markdown report (collapsed when long) and
 * in the terminal's `Coverage:` block. File names and reasons are untrusted: escape.ts throughout.
 */
import type { CoverageEntry, Report } from '../core/types.js';
import { plural } from './common.js';
import { codeSpan, escapeMarkdownText, plainText } from './escape.js';
import { text, type Block } from './fit.js';

/** More problem rows than this and the table is collapsed under a <details>. */
export const COLLAPSE_AFTER = 10;

export interface CoverageCounts {
  checked: number;
  partial: number;
  notChecked: number;
  notApplicable: number;
}

export function coverageCounts(entries: readonly CoverageEntry[]): CoverageCounts {
  const c: CoverageCounts = { checked: 0, partial: 0, notChecked: 0, notApplicable: 0 };
  for (const e of entries) {
    if (e.status === 'checked') c.checked++;
    else if (e.status === 'partial') c.partial++;
    else if (e.status === 'not-checked') c.notChecked++;
    else c.notApplicable++;
  }
  return c;
}

/** Not checked first, then partly checked; each group in path order (the ledger's order). */
export function coverageProblems(entries: readonly CoverageEntry[]): CoverageEntry[] {
  return [...entries.filter((e) => e.status === 'not-checked'), ...entries.filter((e) => e.status === 'partial')];
}

export function coverageSummary(c: CoverageCounts): string {
  const parts = [`${plural(c.checked, 'file')} checked`, `${c.partial} partly checked`, `${c.notChecked} not checked`];
  if (c.notApplicable > 0) parts.push(`${c.notApplicable} not applicable`);
  return parts.join(', ');
}

const STATUS_TEXT = { 'not-checked': 'not checked', partial: 'partly checked', checked: 'checked', 'not-applicable': 'not applicable' } as const;

/** The markdown section: a counts line, then a table of the files not (fully) checked. */
export function coverageBlocks(report: Report, level: number, omitted: (what: string) => (n: number) => string): Block[] {
  const entries = report.coverage ?? [];
  const problems = coverageProblems(entries);
  const h = '#'.repeat(Math.min(6, Math.max(1, level)));
  const blocks: Block[] = [text(`${h} Coverage\n\n${escapeMarkdownText(coverageSummary(coverageCounts(entries)))}.\n\n`)];
  const collapse = problems.length > COLLAPSE_AFTER;
  const table = '| File | Kind | Status | Why |\n|---|---|---|---|\n';
  blocks.push({
    kind: 'rows',
    priority: 1,
    head: collapse ? `<details><summary>${plural(problems.length, 'file')} not fully checked</summary>\n\n${table}` : table,
    rows: problems.map(
      (e) =>
        `| ${codeSpan(e.path, { table: true, max: 200 })} | ${codeSpan(e.kind, { table: true, max: 40 })} | ${STATUS_TEXT[e.status]} | ${escapeMarkdownText(e.reason ?? '', { max: 500 })} |\n`,
    ),
    tail: collapse ? '\n</details>\n\n' : '\n',
    omitted: omitted('file not fully checked'),
  });
  return blocks;
}

/** The terminal's `Coverage:` block: the counts, then every not-checked and partly checked file with why. */
export function coverageLines(report: Report): string[] {
  const entries = report.coverage ?? [];
  const out = [`Coverage: ${coverageSummary(coverageCounts(entries))}`];
  for (const e of coverageProblems(entries)) {
    out.push(`  ${STATUS_TEXT[e.status]}  ${plainText(e.path, 300)}${e.reason ? ` — ${plainText(e.reason, 400)}` : ''}`);
  }
  return out;
}
