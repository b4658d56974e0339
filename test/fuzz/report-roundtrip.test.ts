/**
 * What scan writes, merge reads (issue #18, deliverable 5): findings with control characters,
 * newlines, non-BMP text, backslashes and messages far over the schema's limit go scan report
 * (mergeFindings, the scan's report builder) → artifact (mcg-report.json through the safe writer)
 * → `mcg merge` (the CLI) → SARIF, and come out whole: the merge accepts the artifact, every path
 * is unchanged in the merged report and decodes back from its SARIF uri, every message is the
 * writer's (capped with "…" at the schema's 10,000 code points), and the SARIF is schema-valid.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type * as sarif from 'sarif';
import { main } from '../../src/cli/main.js';
import { mergeFindings } from '../../src/core/merge.js';
import { reportJson } from '../../src/core/report-io.js';
import { capText } from '../../src/core/report-fit.js';
import { visibleText } from '../../src/core/controls.js';
import { safeWriteFile } from '../../src/core/safe-write.js';
import { reportSchemaErrors } from '../../src/engine/merge-reports.js';
import type { Finding, Report } from '../../src/core/types.js';
import { makeFinding } from '../support/report-builder.js';
import { sarifErrors } from '../support/sarif-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const odd = fc.constantFrom('\n', '\r\n', '\t', '\u001b[31m', '\u0085', '\u200d', '\\', '%0A', '📦', '𝕏', '"', '#?', ' ', '::error::x');
/** Any code point (non-BMP included) but NUL and '/', with the odd ones above likely. */
const segment = fc
  .array(fc.oneof(odd, fc.string({ unit: 'binary', minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('').replace(/[\u0000/]/g, '_'))
  .filter((s) => s !== '.' && s !== '..' && s !== '');
const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segs) => `src/${segs.join('/')}`);
const message = fc.oneof(
  fc.array(fc.oneof(odd, fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 8 }).map((p) => p.join('') || 'm'),
  // over the limit: BMP, non-BMP (two UTF-16 units each) and mixed
  fc.tuple(fc.constantFrom('x', '𝕏', 'é\n'), fc.integer({ min: 9_990, max: 12_000 })).map(([c, n]) => c.repeat(n)),
);

const findingArb: fc.Arbitrary<Finding> = fc.record({ path, message, line: fc.integer({ min: 1, max: 500 }), evidence: fc.option(message, { nil: undefined }) }).map((r) =>
  makeFinding({ ruleId: 'MCG001', message: r.message, location: { path: r.path, startLine: r.line, evidence: r.evidence }, fix: r.message }),
);

function scanReport(findings: Finding[]): Report {
  const t = new Date('2026-12-01T00:00:00Z');
  return mergeFindings({ root: '.', startedAt: t, now: t, policy: { threshold: 'high', failOn: 'never' }, findings, targets: [{ name: 'Dockerfile', dockerfile: 'Dockerfile', context: '.' }], scanners: [], fileLines: new Map(), ignores: [] });
}

async function merge(cwd: string, args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['merge', ...args], { stdout: () => undefined, stderr: (s) => void (err += s), env: {}, cwd, isTTY: false });
  return { code, err };
}

function uriToPath(uri: string): string {
  return uri.split('/').map(decodeURIComponent).join('/');
}

describe('scan report → artifact → mcg merge → SARIF, with hostile text', () => {
  it('round-trips paths exactly and messages as the writer capped them', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(findingArb, { minLength: 1, maxLength: 6 }), async (findings) => {
        const originals = findings.map((f) => ({ path: f.location.path, message: f.message }));
        const report = scanReport(findings.map((f) => ({ ...f, location: { ...f.location } })));
        expect(reportSchemaErrors(JSON.parse(reportJson(report)), 5)).toEqual([]);
        const ws = join(dir, `w${n++}`);
        mkdirSync(ws);
        safeWriteFile({ root: ws }, 'art/mcg-report.json', reportJson(report));
        const r = await merge(ws, ['art', '--format', 'json', '--output', 'merged.json', '--sarif', 'merged.sarif']);
        expect(r.code, r.err).not.toBe(2);
        const merged = JSON.parse(readFileSync(join(ws, 'merged.json'), 'utf8')) as Report;
        // every path unchanged; every message the writer's cap of the original, escapes out and invisible characters shown
        const want = new Set(originals.map((o) => JSON.stringify([o.path, capText(visibleText(o.message), 10_000)])));
        const got = new Set(merged.findings.map((f) => JSON.stringify([f.location.path, f.message])));
        expect(got).toEqual(want);
        for (const f of merged.findings) {
          expect([...f.message].length).toBeLessThanOrEqual(10_000);
          if (originals.some((o) => visibleText(o.message) === f.message)) continue;
          expect(f.message.endsWith('…')).toBe(true);
        }
        const log = JSON.parse(readFileSync(join(ws, 'merged.sarif'), 'utf8')) as sarif.Log;
        expect(sarifErrors(log)).toEqual([]);
        const uris = new Set(log.runs.flatMap((run) => (run.results ?? []).map((x) => uriToPath(x.locations![0]!.physicalLocation!.artifactLocation!.uri!))));
        expect(uris).toEqual(new Set(originals.map((o) => o.path)));
        rmSync(ws, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('capText cuts at a code point, never inside a surrogate pair, and only when over the limit', () => {
    expect(capText('abc', 3)).toBe('abc');
    expect(capText('abcd', 3)).toBe('ab…');
    expect(capText('𝕏𝕏𝕏', 3)).toBe('𝕏𝕏𝕏'); // 6 UTF-16 units, 3 code points
    expect(capText('𝕏𝕏𝕏𝕏', 3)).toBe('𝕏𝕏…');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (s, max) => {
        const c = capText(s, max);
        expect([...c].length).toBeLessThanOrEqual(max);
        if ([...s].length <= max) expect(c).toBe(s);
        else expect(c).toBe(`${[...s].slice(0, max - 1).join('')}…`);
      }),
    );
  });
});
