import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/reporters/markdown.js';
import { buildSummary as renderSummary } from '../../../src/reporters/summary.js';
import { renderTable } from '../../../src/reporters/table.js';
import { COLLAPSE_AFTER } from '../../../src/reporters/coverage.js';
import { makeReport } from '../../support/report-builder.js';
import { HOSTILE, expectInert } from '../../support/hostile.js';
import { renderGfm, textOf } from '../../support/gfm.js';
import type { CoverageEntry } from '../../../src/core/types.js';

const ledger: CoverageEntry[] = [
  { path: 'Dockerfile', kind: 'dockerfile', status: 'checked' },
  { path: 'compose.yaml', kind: 'compose', status: 'checked' },
  { path: 'bad/Dockerfile', kind: 'dockerfile', status: 'not-checked', reason: 'the file is binary (it contains a NUL byte): it was not checked' },
  { path: 'deploy/app.yaml', kind: 'k8s', status: 'partial', reason: 'line 12: document 2 could not be parsed' },
  { path: 'notes.yaml', kind: 'yaml', status: 'not-applicable', reason: 'neither a compose file, a Kubernetes object nor a workflow' },
];

describe('coverage in the terminal', () => {
  it('prints the counts and every not-checked and partly checked file with why, before the result', () => {
    const out = renderTable(makeReport({ coverage: ledger }), { color: false });
    expect(out).toContain('Coverage: 2 files checked, 1 partly checked, 1 not checked, 1 not applicable');
    expect(out).toContain('  not checked  bad/Dockerfile — the file is binary (it contains a NUL byte)');
    expect(out).toContain('  partly checked  deploy/app.yaml — line 12: document 2 could not be parsed');
    expect(out).not.toMatch(/checked {2}Dockerfile|notes\.yaml/);
    expect(out.indexOf('Coverage:')).toBeLessThan(out.indexOf('Result:'));
  });
  it('keeps escape sequences out of file names and reasons', () => {
    const out = renderTable(makeReport({ coverage: [{ path: '\u001b[2Jx/Dockerfile', kind: 'dockerfile', status: 'not-checked', reason: '\u001b[31mred' }] }), { color: false });
    expect(out).not.toContain('\u001b');
  });
});

describe('coverage in the job summary and markdown report', () => {
  it('lists the files not fully checked with why, and the counts', () => {
    const html = renderGfm(renderMarkdown(makeReport({ coverage: ledger })));
    const t = textOf(html);
    expect(t).toContain('2 files checked, 1 partly checked, 1 not checked, 1 not applicable');
    expect(t).toMatch(/bad\/Dockerfile\s*dockerfile\s*not checked\s*the file is binary/);
    expect(t).toMatch(/deploy\/app\.yaml\s*k8s\s*partly checked\s*line 12/);
    expect(html).not.toContain('<details');
  });
  it('collapses a long list under <details>', () => {
    const many: CoverageEntry[] = Array.from({ length: COLLAPSE_AFTER + 1 }, (_, i) => ({ path: `s${i}/Dockerfile`, kind: 'dockerfile', status: 'not-checked', reason: 'too large' }));
    const md = renderSummary(makeReport({ coverage: many }));
    expect(md).toContain(`<details><summary>${COLLAPSE_AFTER + 1} files not fully checked</summary>`);
    expect(textOf(renderGfm(md))).toContain(`s${COLLAPSE_AFTER}/Dockerfile`);
  });
  it('escapes hostile file names and reasons', () => {
    const hostile: CoverageEntry[] = HOSTILE.map((h, i) => ({ path: `${h}/${i}`, kind: 'dockerfile', status: i % 2 ? 'partial' : 'not-checked', reason: h }));
    expectInert(renderMarkdown(makeReport({ coverage: hostile })), () => false);
    expectInert(renderSummary(makeReport({ coverage: [...hostile, ...hostile] })), () => false);
  });
});
