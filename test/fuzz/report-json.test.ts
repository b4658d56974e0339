/**
 * The streamed report JSON (reportJson, writeReportJsonFd) is exactly `JSON.stringify(report)`
 * and a newline — compact, findings serialised one at a time into batches — for arbitrary
 * findings (odd strings, optional fields present or not, values JSON cannot represent), reports
 * long enough to take several batches, and reports whose keys are not in the usual order; and
 * what it writes is a valid report (schema/report.schema.json).
 *
 * The file writer's bytes are proved equal to the UTF-8 of JSON.stringify(report) for
 * merge-shaped findings with odd strings (quotes, backslashes, control characters, unpaired and
 * paired surrogates, U+2028, DEL), odd numbers, locations with keys in any order, nested rule and
 * suppression objects, and for findings of any other shape (other key orders, toJSON, class
 * instances, values of unexpected types).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportJson, streamReportJson, writeReportJsonFd } from '../../src/core/report-io.js';
import { safeWriteFile } from '../../src/core/safe-write.js';
import { copyFinding, mergeFindings } from '../../src/core/merge.js';
import { parseReport } from '../../src/engine/merge-reports.js';
import { SEVERITIES, type Finding, type Report } from '../../src/core/types.js';
import { makeFinding, makeReport } from '../support/report-builder.js';

/** A finding with merge's key set and order: merge's own copy. */
const mergedShape = copyFinding;

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
          safeWriteFile({ root: dir }, file, (fd) => writeReportJsonFd(fd, report));
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
    safeWriteFile({ root: dir }, file, (fd) => writeReportJsonFd(fd, report));
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

// any UTF-16 code unit (unpaired surrogates included), weighted towards the characters JSON escapes
// or that sit at the edges of the writer's plain-ASCII fast path
const oddUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', '\u0080', '\u2028', '\u2029', '\uD800', '\uDC00', '\uD83D\uDCE6', 'é', '—', '/', '<', ' ', '~', '!', '#') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }) },
);
const oddText = fc.oneof(fc.string({ unit: oddUnit, maxLength: 30 }), fc.string({ maxLength: 30 }), fc.constantFrom('', 'k:0123456789abcdef0123456789abcdef', 'x'.repeat(300)));
const oddNumber = fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.constantFrom(-0, 0.1, 1.5, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2), fc.double());
const locKeys = ['path', 'startLine', 'endLine', 'startColumn', 'endColumn', 'evidence', 'extra', '"odd\\key', '1'] as const;

/** A location with its keys in a drawn order, values strings, numbers or undefined. */
const locationArb = fc
  .tuple(fc.shuffledSubarray([...locKeys], { minLength: 0 }), fc.array(fc.oneof(oddText, oddNumber, fc.constant(undefined)), { minLength: locKeys.length, maxLength: locKeys.length }))
  .map(([keys, values]) => {
    const loc: Record<string, unknown> = {};
    keys.forEach((k, i) => (loc[k] = values[i]));
    return loc;
  });

/** A finding in merge's own shape (every property present, in copyFinding's order). */
const mergedArb = fc
  .record({
    ruleId: fc.oneof(oddText, fc.constantFrom('MCG103', 'MCG201', 'CVE-2024-1')),
    source: fc.oneof(fc.constantFrom('mcg', 'trivy', 'trufflehog'), oddText),
    severity: fc.oneof(fc.constantFrom(...SEVERITIES), oddText),
    message: oddText,
    location: locationArb,
    fingerprint: fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }), oddText),
    fingerprintKey: oddText,
    target: fc.oneof(fc.constant('repository'), oddText),
    fix: fc.option(fc.oneof(oddText, fc.constant('Add `cap_drop: [ALL]` — and list only what it needs.')), { nil: undefined }),
    helpUri: fc.option(oddText, { nil: undefined }),
    rule: fc.option(fc.record({ title: oddText, tags: fc.array(oddText, { maxLength: 3 }), helpUri: fc.option(oddText, { nil: undefined }) }), { nil: undefined }),
    cvss: fc.option(oddNumber, { nil: undefined }),
    new: fc.option(fc.boolean(), { nil: undefined }),
    suppressed: fc.option(fc.record({ kind: fc.constantFrom('inSource', 'external'), justification: oddText, where: oddText, expires: fc.option(oddText, { nil: undefined }) }), { nil: undefined }),
    error: fc.option(fc.boolean(), { nil: undefined }),
    failing: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((r) => r as unknown as Finding);

/** The UTF-8 bytes writeReportJsonFd writes (the streamed pieces, each encoded), with the batch lengths. */
function bytesOf(report: Report): { bytes: Buffer; batches: number[] } {
  const parts: Buffer[] = [];
  streamReportJson(report, (c) => void parts.push(Buffer.from(c, 'utf8')));
  return { bytes: Buffer.concat(parts), batches: parts.map((p) => p.length) };
}

const plainBytes = (r: unknown): Buffer => Buffer.from(`${JSON.stringify(r)}\n`, 'utf8');

describe('report JSON bytes, odd findings', () => {
  it('are the UTF-8 of JSON.stringify(report) for merge-shaped findings with odd strings and numbers', () => {
    fc.assert(
      fc.property(fc.array(mergedArb, { maxLength: 25 }), (findings) => {
        const report = makeReport({ findings, keepFailing: true });
        expect(bytesOf(report).bytes.equals(plainBytes(report))).toBe(true);
        // the string path agrees with it
        expect(reportJson(report)).toBe(plainBytes(report).toString('utf8'));
      }),
      { numRuns: 400 },
    );
  });

  it('are exact for the findings mergeFindings really makes, and in a file', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 20 }), (drawn) => {
        const report = mergeFindings({
          root: '/r',
          startedAt: new Date(0),
          now: new Date(0),
          policy: { threshold: 'low', failOn: 'new' },
          findings: drawn,
          targets: [],
          scanners: [],
          fileLines: new Map(),
          ignores: [],
        });
        expect(bytesOf(report).bytes.equals(plainBytes(report))).toBe(true);
      }),
      { numRuns: 200 },
    );
    const report = mergeFindings({
      root: '/r',
      startedAt: new Date(0),
      now: new Date(0),
      policy: { threshold: 'low', failOn: 'new' },
      findings: [makeFinding({ message: 'tab\there "q" \\ \u2028 \uD800 📦 ü' }), makeFinding({ location: { path: 'a/ü.yml', startLine: 3, endLine: 4, evidence: 'services.x' } })],
      targets: [],
      scanners: [],
      fileLines: new Map(),
      ignores: [],
    });
    const file = join(dir, 'merged.json');
    safeWriteFile({ root: dir }, file, (fd) => writeReportJsonFd(fd, report));
    expect(readFileSync(file).equals(plainBytes(report))).toBe(true);
  });

  it('fall back to JSON.stringify for every finding that is not plain merge-shaped data', () => {
    const base = makeFinding({ fix: 'fix', location: { path: 'p', startLine: 1 } });
    const merged = { ...mergedShape(base) };
    class Boxed {
      constructor(readonly ruleId: string) {}
    }
    const proto = { inherited: 'x' };
    const inheritedLoc = Object.assign(Object.create(proto) as Record<string, unknown>, { path: 'p', startLine: 2 });
    const odd: unknown[] = [
      merged,
      base, // makeFinding's own key order
      { ...merged, toJSON: () => 'custom' },
      { ...merged, extra: 1 },
      { ...merged, location: { path: 'p', startLine: 1, toJSON: () => ({ at: 1 }) } },
      { ...merged, location: inheritedLoc },
      { ...merged, location: { path: 'p', startLine: { line: 1 } } },
      { ...merged, location: { path: 'p', startLine: 1, f: () => 1 } },
      { ...merged, location: null },
      { ...merged, location: [1, 2] },
      { ...merged, rule: { title: 't', toJSON: () => 'r' } },
      { ...merged, suppressed: { kind: 'external', justification: 'j', where: 'w', toJSON: () => 's' } },
      { ...merged, suppressed: 'text' },
      { ...merged, rule: null },
      { ...merged, message: 42 },
      { ...merged, cvss: '9.8' },
      { ...merged, new: 'yes' },
      { ...merged, fix: null },
      { ...merged, failing: Symbol('x') },
      { ...merged, error: () => true },
      new Boxed('MCG001'),
      Object.assign(Object.create(null) as Record<string, unknown>, merged),
      undefined,
      null,
      () => 1,
      'a string',
      7,
    ];
    for (const f of odd) {
      const report = makeReport({ findings: [merged], keepFailing: true });
      report.findings = [f as Finding, merged, f as Finding];
      expect(bytesOf(report).bytes.toString('utf8')).toBe(plainBytes(report).toString('utf8'));
    }
  });

  it('come in batches of about 1 MiB, each ending after a whole finding', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 6_000; i++) {
      findings.push(mergedShape(makeFinding({ message: `Service "svc-${i}" — ünïcödé ${'x'.repeat(i % 200)}`, location: { path: `d${i % 40}/docker-compose.yml`, startLine: 1 + i }, fingerprint: i.toString(16).padStart(32, '0') })));
    }
    const report = makeReport({ findings, keepFailing: true });
    const { bytes, batches } = bytesOf(report);
    expect(batches.length).toBeGreaterThan(1);
    for (const n of batches.slice(0, -1)) expect(n).toBeGreaterThanOrEqual(1 << 20);
    let at = 0;
    for (const n of batches.slice(0, -1)) {
      at += n;
      // each batch ends with a finding's closing brace, before the comma of the next
      expect(bytes.subarray(at - 1, at + 11).toString('latin1')).toBe('},{"ruleId":');
    }
    expect(bytes.equals(plainBytes(report))).toBe(true);
    // one long string larger than the batch buffer
    const huge = makeReport({ findings: [mergedShape(makeFinding({ message: 'é'.repeat(3 << 20) }))], keepFailing: true });
    expect(bytesOf(huge).bytes.equals(plainBytes(huge))).toBe(true);
  });
});

