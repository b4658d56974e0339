/**
 * The streamed report JSON (reportJson, writeReportJsonFile) is exactly `JSON.stringify(report)`
 * and a newline — compact, findings serialised one at a time into batches — for arbitrary
 * findings (odd strings, optional fields present or not, values JSON cannot represent), reports
 * long enough to take several batches, and reports whose keys are not in the usual order; and
 * what it writes is a valid report (schema/report.schema.json).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportJson, streamReportJson, writeReportJsonFile } from '../../src/core/report-io.js';
import { parseReport } from '../../src/core/merge-reports.js';
import { SEVERITIES, type Finding, type Report } from '../../src/core/types.js';
import { makeFinding, makeReport } from '../support/report-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-report-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', 'ünïcödé/📦', '"q"\\', '\u0000nul', '\uD800lone', 'line\nbreak', '"findings":[]', '</script>'),
);
const findingArb: fc.Arbitrary<Finding> = fc
  .record({
    ruleId: fc.oneof(fc.constantFrom('MCG001', 'MCG101', 'CVE-2024-1234', 'trufflehog/AWS'), fc.string({ minLength: 1, maxLength: 8 })),
    source: fc.constantFrom('mcg' as const, 'trivy' as const, 'trufflehog' as const),
    severity: fc.constantFrom(...SEVERITIES),
    message: text,
    path: text,
    line: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(1.5, Number.NaN, -0)),
    evidence: fc.option(text, { nil: undefined }),
    fix: fc.option(text, { nil: undefined }),
    cvss: fc.option(fc.double({ min: 0, max: 10 }), { nil: undefined }),
    isNew: fc.option(fc.boolean(), { nil: undefined }),
    failing: fc.option(fc.boolean(), { nil: undefined }),
    suppressed: fc.option(fc.record({ kind: fc.constantFrom('inSource' as const, 'external' as const), justification: text, where: text }), { nil: undefined }),
  })
  .map((r) => ({
    ...makeFinding({
      ruleId: r.ruleId,
      source: r.source,
      severity: r.severity,
      message: r.message,
      location: { path: r.path, startLine: r.line, evidence: r.evidence },
      fix: r.fix,
      cvss: r.cvss,
      new: r.isNew,
      suppressed: r.suppressed,
    }),
    failing: r.failing,
  }));

const plain = (r: Report): string => `${JSON.stringify(r)}\n`;

describe('report JSON, streamed', () => {
  it('is exactly JSON.stringify(report) and a newline, in memory and in a file', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 30 }), fc.option(fc.nat(), { nil: undefined }), (findings, checkedFiles) => {
        const report = makeReport({ findings, keepFailing: true });
        report.checkedFiles = checkedFiles;
        expect(reportJson(report)).toBe(plain(report));
        if (n++ % 10 === 0) {
          const file = join(dir, `r${n}.json`);
          writeReportJsonFile(file, report);
          expect(readFileSync(file, 'utf8')).toBe(plain(report));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes a large report in batches of about 1 MiB, equal to the whole and valid against the schema', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 12_000; i++) {
      findings.push(makeFinding({ ruleId: `CVE-2024-${i}`, source: 'trivy', severity: SEVERITIES[i % 5]!, message: `pkg${i} is affected — ünïcödé ${'x'.repeat(i % 90)}`, location: { path: 'Dockerfile', startLine: 1 + (i % 300) }, fingerprint: i.toString(16).padStart(32, '0') }));
    }
    const report = makeReport({ findings });
    const chunks: string[] = [];
    streamReportJson(report, (c) => void chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(1 << 20);
    const whole = chunks.join('');
    expect(whole).toBe(plain(report));
    expect(whole).not.toContain('\n  ');
    const file = join(dir, 'large.json');
    writeReportJsonFile(file, report);
    expect(readFileSync(file, 'utf8')).toBe(whole);
    expect(() => parseReport(whole, 'large.json')).not.toThrow();
  });

  it('keeps key order and omissions exactly: findings first or last, undefined fields, holes in the array', () => {
    const base = makeReport({ findings: [makeFinding({ ruleId: 'MCG001' })] });
    const { findings, ...rest } = base;
    const first = { findings, ...rest } as Report;
    const last = { ...rest, findings } as Report;
    const onlyUndefinedBefore = { schemaVersion: undefined, findings, result: 'pass' } as unknown as Report;
    const odd = { ...base, findings: [findings[0], undefined, findings[0]] } as unknown as Report;
    const notArray = { ...base, findings: 'none' } as unknown as Report;
    const empty = makeReport({ findings: [] });
    for (const r of [base, first, last, onlyUndefinedBefore, odd, notArray, empty]) expect(reportJson(r)).toBe(plain(r));
  });
});
