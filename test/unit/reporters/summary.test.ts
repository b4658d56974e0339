import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../src/reporters/summary.js';
import { renderMarkdown } from '../../../src/reporters/markdown.js';
import { STEP_SUMMARY_MAX_BYTES } from '../../../src/reporters/limits.js';
import { makeFinding, makeReport, manyFindings } from '../../support/report-builder.js';
import { expectInert, hostileFindings } from '../../support/hostile.js';

const LINK_BASE = 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/';
const ours = (href: string) => href.startsWith(LINK_BASE) || href.startsWith('https://github.com/') || href.startsWith('https://avd.aquasec.com/');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('buildSummary', () => {
  it('is the full markdown report when it fits', () => {
    const report = makeReport({ findings: manyFindings(50), fixed: [{ fingerprint: 'x', ruleId: 'MCG004', path: 'Dockerfile' }] });
    const summary = buildSummary(report, { linkBase: LINK_BASE });
    expect(summary).toBe(renderMarkdown(report, { linkBase: LINK_BASE }));
    expect(summary).not.toContain('not shown');
    for (const h of ['### Findings (', '### Scanners', '### Suppressed findings (', '### Fixed since the baseline (1)', '### Targets (1)']) expect(summary).toContain(h);
  });

  it.each([
    ['moderate messages', undefined],
    ['long multi-byte messages', (i: number) => `${i} ` + '€ long message with multi-byte text '.repeat(40)],
  ] as const)('keeps 10,000 findings with %s under 1 MiB and counts what it left out', (_name, message) => {
    const report = makeReport({ findings: manyFindings(10_000, message) });
    const summary = buildSummary(report, { linkBase: LINK_BASE });
    const size = bytes(summary);
    expect(size).toBeLessThan(STEP_SUMMARY_MAX_BYTES);
    // Graceful, not wasteful: the budget is used.
    expect(size).toBeGreaterThan(STEP_SUMMARY_MAX_BYTES * 0.9);
    const m = /_… (\d+) findings not shown \(job summary size limit\)/.exec(summary);
    expect(m).not.toBeNull();
    const table = summary.slice(summary.indexOf('### Findings'), summary.indexOf('_… '));
    const shownRows = (table.match(/^\| (🟣|🔴|🟠|🟡|⚪)/gm) ?? []).length;
    const active = report.findings.filter((f) => !f.suppressed).length;
    expect(shownRows).toBeGreaterThan(100);
    expect(shownRows + Number(m?.[1])).toBe(active);
    // Less important tables are cut first; the fixed parts stay.
    expect(summary).toContain('suppressed findings not shown');
    expect(summary).toContain('### Scanners');
    expect(summary.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('puts the most important findings at the top so truncation drops the least important', () => {
    const findings = [
      makeFinding({ severity: 'info', new: false, message: 'least important' }),
      makeFinding({ severity: 'critical', new: true, message: 'most important' }),
      makeFinding({ severity: 'high', new: false, message: 'existing high' }),
    ];
    const s = buildSummary(makeReport({ findings }));
    expect(s.indexOf('most important')).toBeLessThan(s.indexOf('existing high'));
    expect(s.indexOf('existing high')).toBeLessThan(s.indexOf('least important'));
  });

  it('honours a smaller byte cap and never exceeds it', () => {
    const report = makeReport({ findings: manyFindings(2000) });
    for (const max of [200_000, 20_000, 3_000, 100]) expect(bytes(buildSummary(report, { maxBytes: max }))).toBeLessThanOrEqual(max);
    expect(bytes(buildSummary(report, { maxBytes: 10 * STEP_SUMMARY_MAX_BYTES }))).toBeLessThan(STEP_SUMMARY_MAX_BYTES);
  });

  it('renders hostile text inert', () => {
    const report = makeReport({
      findings: hostileFindings(),
      inputErrors: [{ path: 'bad|<b>.yml', line: 3, message: '@org/team <img src=x> | x' }],
      expired: [{ id: 'MCG001', where: 'Dockerfile:2', reason: '@here ](javascript:x)', expires: '2020-01-01' }],
      fixed: [{ fingerprint: '<b>fp</b>', ruleId: '@x', path: '|' }],
      scanners: [{ name: 'trufflehog', status: 'failed', reason: '<script>x</script> @org\n\n# heading' }],
    });
    const s = buildSummary(report, { linkBase: LINK_BASE, runUrl: 'javascript:alert(1)' });
    expectInert(s, ours);
    expect(s).toContain('### Files that could not be checked (1)');
  });
});
