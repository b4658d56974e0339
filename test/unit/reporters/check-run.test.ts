import { describe, expect, it } from 'vitest';
import { batches, buildCheckRunOutput, checkRunConclusion, CHECK_RUN_ANNOTATIONS_DEFAULT_MAX } from '../../../src/reporters/check-run.js';
import { ANNOTATIONS_PER_REQUEST, CHECK_RUN_SUMMARY_MAX, CHECK_RUN_TEXT_MAX } from '../../../src/reporters/limits.js';
import { makeFinding, makeReport, manyFindings } from '../../support/report-builder.js';
import { expectInert, hostileFindings } from '../../support/hostile.js';

describe('batches', () => {
  it('chunks by 50 by default, keeps order, handles the edges', () => {
    const items = Array.from({ length: 123 }, (_, i) => i);
    const b = batches(items);
    expect(b.map((x) => x.length)).toEqual([50, 50, 23]);
    expect(b.flat()).toEqual(items);
    expect(batches([])).toEqual([]);
    expect(batches([1, 2, 3], 1)).toEqual([[1], [2], [3]]);
    expect(ANNOTATIONS_PER_REQUEST).toBe(50);
    expect(() => batches([1], 0)).toThrow(RangeError);
    expect(() => batches([1], 1.5)).toThrow(RangeError);
  });
});

describe('checkRunConclusion', () => {
  it('follows the policy result; neutral when only fail-on never kept it green', () => {
    expect(checkRunConclusion(makeReport({ findings: [makeFinding({ severity: 'critical' })] }))).toBe('failure');
    expect(checkRunConclusion(makeReport({ findings: [makeFinding({ severity: 'low' })] }))).toBe('success');
    expect(checkRunConclusion(makeReport())).toBe('success');
    const never = makeReport({ policy: { threshold: 'high', failOn: 'never' }, findings: [makeFinding({ severity: 'critical' })] });
    expect(never.result).toBe('pass');
    expect(checkRunConclusion(never)).toBe('neutral');
    const neverLow = makeReport({ policy: { threshold: 'high', failOn: 'never' }, findings: [makeFinding({ severity: 'low' })] });
    expect(checkRunConclusion(neverLow)).toBe('success');
  });
});

describe('buildCheckRunOutput', () => {
  it('types annotations as the checks API wants them', () => {
    const out = buildCheckRunOutput(
      makeReport({
        findings: [
          makeFinding({ severity: 'critical', location: { path: 'Dockerfile', startLine: 3, startColumn: 1, endColumn: 20 } }),
          makeFinding({ severity: 'medium', location: { path: 'k8s/deploy.yaml', startLine: 10, endLine: 14, startColumn: 3, endColumn: 5 } }),
          makeFinding({ severity: 'info', location: { path: 'Dockerfile', startLine: 7, endLine: 2 } }),
          makeFinding({ severity: 'low', suppressed: { kind: 'external', justification: 'x', where: '.mcg.yml:1' } }),
        ],
      }),
    );
    expect(out.annotations).toHaveLength(3);
    const [a, b, c] = out.annotations;
    expect(a).toMatchObject({ path: 'Dockerfile', start_line: 3, end_line: 3, start_column: 1, end_column: 20, annotation_level: 'failure' });
    expect(b).toMatchObject({ path: 'k8s/deploy.yaml', start_line: 10, end_line: 14, annotation_level: 'warning' });
    expect(b?.start_column).toBeUndefined();
    expect(b?.end_column).toBeUndefined();
    expect(c).toMatchObject({ start_line: 7, end_line: 7, annotation_level: 'notice' });
    for (const x of out.annotations) {
      expect((x.title ?? '').length).toBeLessThanOrEqual(255);
      expect(x.message.length).toBeGreaterThan(0);
      expect(x.raw_details).toContain('Fingerprint: ');
    }
  });

  it('orders annotations new > severity > lines in the PR diff', () => {
    const findings = [
      makeFinding({ severity: 'critical', new: false, path: 'Dockerfile', line: 1, message: 'old critical' }),
      makeFinding({ severity: 'low', new: true, path: 'Dockerfile', line: 2, message: 'new low' }),
      makeFinding({ severity: 'medium', new: true, path: 'Dockerfile', line: 3, message: 'new medium, not in diff' }),
      makeFinding({ severity: 'medium', new: true, path: 'Dockerfile', line: 4, message: 'new medium, in diff' }),
    ];
    const out = buildCheckRunOutput(makeReport({ policy: { threshold: 'critical', failOn: 'new' }, findings }), { changedLines: new Map([['Dockerfile', new Set([4])]]) });
    expect(out.annotations.map((a) => a.message)).toEqual(['new medium, in diff', 'new medium, not in diff', 'new low', 'old critical']);
  });

  it('keeps summary and text under 65,535 characters with 10,000 findings and bounds the annotations', () => {
    const report = makeReport({ findings: manyFindings(10_000), expiring: Array.from({ length: 3000 }, (_, i) => ({ id: 'MCG001', where: `.mcg.yml:${i}`, reason: 'r'.repeat(200), expires: '2026-09-01' })) });
    const out = buildCheckRunOutput(report, { linkBase: 'https://github.com/o/r/blob/sha/' });
    expect(out.summary.length).toBeLessThanOrEqual(CHECK_RUN_SUMMARY_MAX);
    expect((out.text ?? '').length).toBeLessThanOrEqual(CHECK_RUN_TEXT_MAX);
    expect(out.text).toMatch(/_… \d+ findings not shown \(check run size limit\)/);
    expect(out.annotations).toHaveLength(CHECK_RUN_ANNOTATIONS_DEFAULT_MAX);
    expect(out.summary).toMatch(/\d+ findings beyond the first 1000 are not annotated/);
    expect(batches(out.annotations)).toHaveLength(CHECK_RUN_ANNOTATIONS_DEFAULT_MAX / 50);
    expect(out.title.length).toBeLessThanOrEqual(255);
  });

  it('titles the run from the policy, or takes the given title', () => {
    expect(buildCheckRunOutput(makeReport({ findings: [makeFinding({ severity: 'critical' }), makeFinding({ severity: 'high' })] })).title).toBe('2 findings fail the policy (1 critical, 1 high)');
    expect(buildCheckRunOutput(makeReport()).title).toBe('No findings');
    expect(buildCheckRunOutput(makeReport({ findings: [makeFinding({ severity: 'low' })] })).title).toBe('Passed · 1 finding below the policy (1 new)');
    expect(buildCheckRunOutput(makeReport(), { title: 'x\n'.repeat(500) }).title.length).toBeLessThanOrEqual(255);
  });

  it('renders hostile text inert in summary and text, and plain in annotations', () => {
    const report = makeReport({ findings: hostileFindings(), reason: '@org/team <img src=x onerror=1>', scanners: [{ name: 'trivy', status: 'failed', reason: '<script>@x</script>' }] });
    const out = buildCheckRunOutput(report, { linkBase: 'https://github.com/o/r/blob/sha/' });
    const ours = (h: string) => h.startsWith('https://github.com/') || h.startsWith('https://avd.aquasec.com/');
    expectInert(out.summary, ours);
    expectInert(out.text ?? '', ours);
    for (const a of out.annotations) {
      expect(a.message).not.toMatch(/[\n\r\u001b]/);
      expect(a.message.length).toBeLessThanOrEqual(4001);
    }
  });
});
