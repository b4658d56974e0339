/**
 * The streaming SARIF writer (writeSarif, sarifText, writeSarifFd) writes exactly the text of
 * `JSON.stringify(toSarif(report))` (compact) — the object builder's log — for arbitrary finding
 * sets, including the trimming paths (per-run cap and gzip limit), odd values that take the
 * fallback serialiser, and logs long enough to be written in several batches and compressed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type * as sarif from 'sarif';
import { sarifText, toSarif, writeSarif, writeSarifFd, type SarifOptions } from '../../src/sarif/to-sarif.js';
import { safeWriteFile } from '../../src/core/safe-write.js';
import { severityRank } from '../../src/core/severity.js';
import { SEVERITIES, type Finding, type Report } from '../../src/core/types.js';
import { findingFromDraw, makeFinding, makeReport } from '../support/report-builder.js';
import { sarifErrors } from '../support/sarif-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-sarif-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', 'a b/Docker file', '100%/x', 'ünïcödé/📦', '"q"\\', '\u0000nul', '\uD800lone', 'line\nbreak', '</script>'),
);
const findingArb: fc.Arbitrary<Finding> = fc
  .record({
    ruleId: fc.oneof(fc.constantFrom('MCG001', 'MCG007', 'MCG101', 'CVE-2024-1234', 'CVE-2023-9', 'trufflehog/AWS'), fc.string({ minLength: 1, maxLength: 12 })),
    source: fc.constantFrom('mcg' as const, 'trivy' as const, 'trufflehog' as const),
    severity: fc.constantFrom(...SEVERITIES),
    message: text,
    path: fc.oneof(fc.constantFrom('Dockerfile', 'svc/Dockerfile', 'dir\\win\\Dockerfile', 'a b/%/#?'), text),
    // integers mostly; fractions, NaN and -0 exercise the fallback serialiser
    line: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(1.5, Number.NaN, -0, 0)),
    endDelta: fc.option(fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constant(0.25)), { nil: undefined }),
    column: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    endColumn: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    evidence: fc.option(text, { nil: undefined }),
    target: fc.constantFrom('Dockerfile', 'svc/Dockerfile', 'x y'),
    fix: fc.option(text, { nil: undefined }),
    cvss: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
    isNew: fc.boolean(),
    occurrence: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
    failing: fc.boolean(),
    suppressed: fc.option(fc.record({ kind: fc.constantFrom('inSource' as const, 'external' as const), justification: text, where: fc.string({ maxLength: 10 }) }), { nil: undefined }),
    title: fc.option(text, { nil: undefined }),
  })
  .map(findingFromDraw);

const optsArb: fc.Arbitrary<SarifOptions> = fc.record(
  {
    category: fc.constantFrom('mcg', 'x/y/', 'ci'),
    maxResultsPerRun: fc.integer({ min: 1, max: 12 }),
    maxGzipBytes: fc.integer({ min: 200, max: 6000 }),
  },
  { requiredKeys: [] },
);

function reportOf(findings: Finding[], baseline: boolean): Report {
  const targets = [...new Set(findings.map((f) => f.target))].map((name) => ({ name, dockerfile: name }));
  return makeReport({ findings, targets, keepFailing: true, baseline: baseline ? { source: 'file', fingerprints: 3 } : { source: 'none', fingerprints: 0 } });
}

/** The object builder's log as the CLI and the action wrote it before streaming. */
const objectText = (report: Report, opts: SarifOptions): string => `${JSON.stringify(toSarif(report, opts))}\n`;

function priorityOf(f: { failing?: boolean; new?: boolean; severity: Finding['severity'] }): number[] {
  return [Number(f.failing === true), Number(f.new !== false), severityRank(f.severity)];
}
const lexLess = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

describe('streaming SARIF writer', () => {
  it('writes exactly the object builder’s log, trimming included, and a schema-valid one', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 30 }), optsArb, fc.boolean(), (findings, opts, baseline) => {
        const report = reportOf(findings, baseline);
        const expected = objectText(report, opts);
        const streamed = sarifText(report, opts);
        expect(streamed).toBe(expected);
        // the file writer writes the same bytes, and says what it wrote
        const file = join(dir, `log-${n++ % 4}.sarif`);
        let stats!: ReturnType<typeof writeSarifFd>;
        safeWriteFile({ root: dir }, file, (fd) => void (stats = writeSarifFd(fd, report, opts)));
        expect(readFileSync(file, 'utf8')).toBe(expected);
        expect(stats.bytes).toBe(Buffer.byteLength(expected));
        const log = JSON.parse(streamed) as sarif.Log;
        expect(stats.runs).toBe(log.runs.length);
        const kept = log.runs.reduce((k, r) => k + (r.results?.length ?? 0), 0);
        expect(stats.results).toBe(kept);
        expect(stats.dropped).toBe(findings.length - kept);
        // schema-valid whenever the findings' lines are (a fractional or zero line is invalid SARIF before and after)
        const wellFormed = (f: Finding): boolean => Number.isInteger(f.location.startLine) && f.location.startLine >= 1 && (f.location.endLine === undefined || Number.isInteger(f.location.endLine));
        if (findings.every(wellFormed)) expect(sarifErrors(log)).toEqual([]);

        // trimming: within the per-run cap; the lowest priority goes first, and the run says so
        const byFp = new Map(report.findings.map((f) => [f.fingerprint, f]));
        for (const run of log.runs) {
          const results = run.results ?? [];
          if (opts.maxResultsPerRun !== undefined) expect(results.length).toBeLessThanOrEqual(opts.maxResultsPerRun);
          const target = run.properties?.['target'] as string;
          const source = ({ 'MCP Container Guard': 'mcg', Trivy: 'trivy', TruffleHog: 'trufflehog' } as const)[run.tool.driver.name as 'Trivy'];
          const all = report.findings.filter((f) => f.source === source && (f.target === target || target === 'all'));
          const keptFps = new Set(results.map((r) => r.partialFingerprints?.['mcg/v1']));
          const dropped = all.filter((f) => !keptFps.has(f.fingerprint));
          if (dropped.length === 0) continue;
          expect(JSON.stringify(run.invocations)).toContain(`${dropped.length} lower-severity result(s) were left out`);
          const keptFindings = results.map((r) => byFp.get(r.partialFingerprints!['mcg/v1']!)!);
          for (const d of dropped) for (const k of keptFindings) expect(lexLess(priorityOf(k), priorityOf(d))).toBe(false);
        }
        // the gzip limit holds for what the upload sends, unless nothing is left to trim
        if (opts.maxGzipBytes !== undefined && log.runs.some((r) => (r.results?.length ?? 0) > 1)) {
          expect(gzipSync(streamed, { level: 9 }).length).toBeLessThanOrEqual(opts.maxGzipBytes);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('matches the object builder on a log written in many batches and cut down by the gzip limit', () => {
    const sev = SEVERITIES;
    const findings = Array.from({ length: 6000 }, (_, i) =>
      makeFinding({
        ruleId: `CVE-2024-${i % 700}`,
        source: 'trivy',
        severity: sev[i % 5]!,
        message: `pkg${i} ${'is affected by a synthetic advisory with a long description '.repeat(1 + (i % 4))}${i}`,
        location: { path: i % 2 ? 'svc/Dockerfile' : 'Dockerfile', startLine: 1 + (i % 300), evidence: `usr/lib/pkg${i}` },
        target: 'Dockerfile',
        new: i % 3 !== 0,
      }),
    );
    const report = reportOf(findings, true);
    const full = sarifText(report);
    expect(full).toBe(objectText(report, {}));
    expect(full.length).toBeGreaterThan(4 << 20); // several 1 MiB batches
    // a limit the plain text exceeds but the compressed log meets: nothing trimmed, size estimated
    const roomy = writeSarif(report, { write: () => undefined, reset: () => undefined }, { maxGzipBytes: 2_000_000 });
    expect(roomy.dropped).toBe(0);
    expect(roomy.gzipEstimate).toBeGreaterThanOrEqual(gzipSync(full, { level: 9 }).length);
    // a limit it does not meet: trimmed (the writer restarts after reset), identical to the builder
    const limit = Math.floor(gzipSync(full).length / 4);
    let resets = 0;
    let chunks: string[] = [];
    const stats = writeSarif(report, { write: (c) => void chunks.push(c), reset: () => ((chunks = []), resets++) }, { maxGzipBytes: limit });
    const cut = chunks.join('');
    expect(resets).toBeGreaterThan(0);
    expect(cut).toBe(objectText(report, { maxGzipBytes: limit }));
    expect(stats.dropped).toBeGreaterThan(0);
    expect(gzipSync(cut, { level: 9 }).length).toBeLessThanOrEqual(limit);
    const file = join(dir, 'big.sarif');
    safeWriteFile({ root: dir }, file, (fd) => void writeSarifFd(fd, report, { maxGzipBytes: limit }));
    expect(readFileSync(file, 'utf8')).toBe(cut);
    const log = JSON.parse(cut) as sarif.Log;
    const trivy = log.runs.find((r) => r.tool.driver.name === 'Trivy')!;
    expect(JSON.stringify(trivy.invocations)).toContain('left out to stay within GitHub');
    // the severest results are the ones kept
    const kept = new Set(trivy.results!.map((r) => r.properties!['severity']));
    expect(kept.has('info')).toBe(false);
  });

  it('writes an empty log the same way', () => {
    const report = makeReport({ findings: [], targets: [] });
    expect(sarifText(report)).toBe(objectText(report, {}));
  });
});
