/**
 * Merge's fast paths against their plain definitions: the hashed dedupe keeps exactly the findings
 * a set of joined keys keeps, sortFindings gives exactly Array#sort(compareFindings)'s order, and
 * assignFingerprints numbers identical findings exactly as a map of base fingerprints does.
 */
import fc from 'fast-check';
import { visibleText } from '../../../src/core/controls.js';
import { describe, expect, it } from 'vitest';
import { compareFindings, dedupeHash, mergeFindings, sortFindings } from '../../../src/core/merge.js';
import { assignFingerprints, baseFingerprint } from '../../../src/core/fingerprint.js';
import { SEVERITIES, type Finding } from '../../../src/core/types.js';

// small alphabets: many duplicates and ties; NUL inside fields, accents and case that the collator
// orders differently from code units
const str = fc.oneof(fc.constantFrom('', 'a', 'A', 'b', 'é', 'e', 'a\u0000b', '\u0000', 'Z z', '10', '9', 'ä'), fc.string({ maxLength: 3 }));
const findingArb: fc.Arbitrary<Finding> = fc
  .record({
    ruleId: fc.constantFrom('MCG001', 'mcg001', 'CVE-1', 'CVE-1\u0000x', 'b'),
    source: fc.constantFrom('mcg' as const, 'trivy' as const, 'trufflehog' as const),
    severity: fc.constantFrom(...SEVERITIES),
    message: str,
    path: fc.constantFrom('Dockerfile', 'dockerfile', 'a/Dockerfile', 'é/Dockerfile', 'x'),
    line: fc.integer({ min: 1, max: 4 }),
    key: str,
    target: fc.constantFrom('Dockerfile', 'svc', 'Svc', 'é'),
  })
  .map((r) => ({
    ruleId: r.ruleId,
    source: r.source,
    severity: r.severity,
    message: r.message,
    location: { path: r.path, startLine: r.line },
    fingerprint: '',
    fingerprintKey: r.key,
    target: r.target,
  }));

const joinedKey = (f: Finding): string => [f.source, f.ruleId, f.target, f.location.path, f.location.startLine, f.fingerprintKey, f.message].join('\u0000');

function merge(findings: Finding[]) {
  return mergeFindings({
    root: '/r',
    startedAt: new Date(0),
    now: new Date(0),
    policy: { threshold: 'high', failOn: 'new' },
    findings,
    targets: [],
    scanners: [],
    fileLines: new Map(),
    ignores: [],
  });
}

describe('merge fast paths', () => {
  it('dedupes exactly as a set of joined keys does (first occurrence kept), in compareFindings order', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 60 }), (findings) => {
        const seen = new Set<string>();
        const expected: Finding[] = [];
        for (const f of findings) {
          const k = joinedKey(f);
          if (seen.has(k)) continue;
          seen.add(k);
          expected.push(f);
        }
        expected.sort(compareFindings);
        const got = merge(findings).findings;
        // messages leave the merge fit for a reader (escapes out, invisible characters shown)
        expect(got.map((f) => [joinedKey(f), f.severity])).toEqual(expected.map((f) => [joinedKey({ ...f, message: visibleText(f.message) }), f.severity]));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps many distinct findings and drops only real duplicates', () => {
    const base: Finding[] = Array.from({ length: 20_000 }, (_, i) => ({
      ruleId: `CVE-${i % 97}`,
      source: 'trivy',
      severity: SEVERITIES[i % 5]!,
      message: `m${i}`,
      location: { path: 'Dockerfile', startLine: 1 + (i % 50) },
      fingerprint: '',
      fingerprintKey: `k${i}`,
      target: 'Dockerfile',
    }));
    // the same again, and a finding whose fields differ but whose joined key is the same ("a\0b" + "c" = "a" + "b\0c")
    const a = { ...base[0]!, fingerprintKey: 'a\u0000b', message: 'c' };
    const b = { ...base[0]!, fingerprintKey: 'a', message: 'b\u0000c' };
    const out = merge([...base, ...base.map((f) => ({ ...f, location: { ...f.location } })), a, b]).findings;
    expect(out).toHaveLength(20_001);
  });

  it('sortFindings orders exactly as Array#sort(compareFindings), stably', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 80 }), (findings) => {
        const tagged = findings.map((f, i) => ({ ...f, fingerprint: String(i) }));
        const expected = [...tagged].sort(compareFindings).map((f) => f.fingerprint);
        const got = [...tagged];
        sortFindings(got);
        expect(got.map((f) => f.fingerprint)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps findings whose 32-bit hashes collide but whose keys differ, and still drops their duplicates', () => {
    const f = (message: string, line = 1): Finding => ({
      ruleId: 'MCG001',
      source: 'mcg',
      severity: 'high',
      message,
      location: { path: 'Dockerfile', startLine: line },
      fingerprint: '',
      fingerprintKey: 'k',
      target: 'Dockerfile',
    });
    // pairs of messages found (by a birthday search) to give equal hashes with these other fields
    const pairs = [
      ['4kydsdkm', '9ykeo7w0'],
      ['6hm8qekp', '99e2d5uw'],
      ['u95pwwc7', '5ghxucaz'],
    ] as const;
    for (const [a, b] of pairs) {
      expect(dedupeHash(f(a))).toBe(dedupeHash(f(b)));
      const r = merge([f(a), f(b), f(a), f(b), f(a, 2), f(b)]);
      expect(r.findings.map((x) => `${x.message}@${x.location.startLine}`).sort()).toEqual([`${a}@1`, `${b}@1`, `${a}@2`].sort());
    }
  });

  it('numbers identical fingerprints exactly as a map from base fingerprint to count does', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 80 }), (findings) => {
        const seen = new Map<string, number>();
        const expected = findings.map((f) => {
          const base = baseFingerprint(f);
          const n = (seen.get(base) ?? 0) + 1;
          seen.set(base, n);
          return n === 1 ? base : `${base}:${n}`;
        });
        const copies = findings.map((f) => ({ ...f, fingerprint: 'stale' }));
        assignFingerprints(copies);
        expect(copies.map((f) => f.fingerprint)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
