/**
 * The SARIF writer's output is schema-valid (the official SARIF 2.1.0 schema, with formats) for
 * arbitrary findings: weird paths (spaces, %, #, ?, Unicode, backslashes), messages with control
 * characters and lone surrogates, odd rule ids and targets, suppressions, CVSS scores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSarif } from '../../src/sarif/to-sarif.js';
import { SEVERITIES, type Finding } from '../../src/core/types.js';
import { findingFromDraw, makeReport } from '../support/report-builder.js';
import { sarifErrors } from '../support/sarif-schema.js';

const weird = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('a b/Docker file', '100%/x', 'x#y', 'q?a=1', 'dir\\win\\Dockerfile', 'ünïcödé/📦/Dockerfile', '[x]/{y}', '<b>', '"quoted"', "it's", '../up/Dockerfile', '/abs/Dockerfile', 'a//b', '.', 'C:\\x', '%2e%2e/x', '\u0000nul'),
);
const pathArb = fc.oneof(weird.filter((s) => s.length > 0), fc.constantFrom('Dockerfile', 'svc/Dockerfile'));
const findingArb: fc.Arbitrary<Finding> = fc
  .record({
    ruleId: fc.oneof(fc.constantFrom('MCG001', 'MCG009', 'MCG101', 'MCG991', 'CVE-2024-1234', 'GHSA-xxxx-yyyy-zzzz', 'trufflehog/AWS'), fc.string({ minLength: 1, maxLength: 20 })),
    source: fc.constantFrom('mcg' as const, 'trivy' as const, 'trufflehog' as const),
    severity: fc.constantFrom(...SEVERITIES),
    message: fc.string({ unit: 'binary', maxLength: 200 }),
    path: pathArb,
    line: fc.integer({ min: 1, max: 100_000 }),
    endDelta: fc.option(fc.integer({ min: -3, max: 50 }), { nil: undefined }),
    column: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    evidence: fc.option(weird, { nil: undefined }),
    target: fc.oneof(weird, fc.constant('Dockerfile')),
    fix: fc.option(fc.string({ unit: 'binary', maxLength: 50 }), { nil: undefined }),
    cvss: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
    isNew: fc.boolean(),
    suppressed: fc.option(fc.record({ kind: fc.constantFrom('inSource' as const, 'external' as const), justification: fc.string({ unit: 'binary', maxLength: 40 }), where: fc.string({ maxLength: 20 }) }), { nil: undefined }),
    title: fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: undefined }),
  })
  .map(findingFromDraw);

describe('SARIF writer under fuzzing', () => {
  it('is schema-valid for arbitrary findings', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 12 }), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (findings, category) => {
        const report = makeReport({ findings, targets: [...new Set(findings.map((f) => f.target))].map((name) => ({ name, dockerfile: name })) });
        const log = toSarif(report, { category });
        const text = JSON.stringify(log);
        const errors = sarifErrors(JSON.parse(text));
        expect(errors, text.slice(0, 2000)).toEqual([]);
        // every finding is still there (unless trimmed, which these sizes never need)
        expect(log.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0)).toBe(findings.length);
        // one run per (tool, category): GitHub rejects duplicates in one upload
        const keys = log.runs.map((r) => `${r.tool.driver.name}|${r.automationDetails?.id}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });
});
