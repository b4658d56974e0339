/**
 * VEX read as Trivy reads it: for generated VEX documents over the real packages and fixture CVEs of
 * a rig image, the findings Trivy itself suppresses (`--vex … --show-suppressed`) are exactly those
 * our applyVex suppresses; and the `mcg.vex.json` we write from suppressions is read back by Trivy
 * with the same effect. Trivy is the oracle; a missing rig fails the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/scanners/trivy.js';
import { spawnExec } from '../../src/scanners/exec.js';
import { applyVex } from '../../src/core/vex/apply.js';
import { readVex } from '../../src/core/vex/read.js';
import { toOpenVex } from '../../src/core/vex/openvex-out.js';
import { parsePurl } from '../../src/core/vex/purl.js';
import type { Finding } from '../../src/core/types.js';
import { privateTrivyCache } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';

const IMAGE = 'python:3.12-slim';
let dir = '';
let tar = '';
let cacheDir = '';
let baseline: Finding[] = [];

const ctx = {
  dockerfile: 'Dockerfile',
  target: 'app',
  lockfiles: [],
  layers: { history: [], layers: [], byDiffId: new Map(), from: { line: 1, endLine: 1, key: 'FROM', keyword: 'FROM', base: true } },
};

async function trivy(vex: string[] = []): Promise<Finding[]> {
  const r = await run(spawnExec, { trivy: rigValue('MCG_TRIVY'), input: tar, cacheDir, offline: true, vex, env: rigEnv(), timeoutMs: 5 * 60_000 }, ctx);
  if (r.failure) throw new Error(r.failure);
  return r.findings;
}

const keyOf = (f: Finding): string => `${f.ruleId}|${f.package?.purl ?? f.package?.name}`;
const suppressedKeys = (fs: readonly Finding[]): string[] => fs.filter((f) => f.suppressed).map(keyOf).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcg-vex-'));
  tar = join(dir, 'image.tar');
  execFileSync('docker', ['save', IMAGE, '-o', tar], { env: { ...process.env, ...rigEnv() } });
  cacheDir = privateTrivyCache();
  baseline = await trivy();
}, 10 * 60_000);

/** A product naming a finding's package in one of the ways VEX documents do, some of which do not cover it. */
function productArb(purl: string): fc.Arbitrary<string> {
  const p = parsePurl(purl)!;
  const base = `pkg:${p.type}/${p.namespace}/${p.name}`;
  const version = encodeURIComponent(p.version ?? '');
  return fc.constantFrom(
    base,
    `${base}@${version}`,
    `${base}@0.0.1-other`,
    `${base}?arch=${p.qualifiers.get('arch') ?? 'amd64'}`,
    `${base}?arch=s390x`,
    `pkg:${p.type}/${p.namespace}/${p.name}-other`,
    'pkg:oci/someone-else',
    purl,
  );
}

describe('VEX as Trivy reads it', () => {
  it('the rig image has vulnerable packages to decide on', () => {
    expect(baseline.filter((f) => f.package?.purl).length).toBeGreaterThan(2);
  });

  it('Trivy and applyVex suppress the same findings for generated VEX documents', async () => {
    const withPurl = baseline.filter((f) => f.package?.purl);
    const statementArb = fc.constantFrom(...withPurl).chain((f) =>
      fc.record({
        vulnerability: fc.record({ name: fc.constantFrom(f.ruleId, 'CVE-2099-0001') }),
        products: fc.array(productArb(f.package!.purl!).map((id) => ({ '@id': id })), { minLength: 1, maxLength: 2 }),
        status: fc.constantFrom('not_affected', 'affected', 'under_investigation', 'fixed'),
        justification: fc.constant('vulnerable_code_not_in_execute_path'),
        timestamp: fc.constantFrom(undefined, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z', '2027-01-01T00:00:00Z'),
      }).map(({ timestamp, ...s }) => (timestamp ? { ...s, timestamp } : s)),
    );
    const docs = fc.sample(fc.array(statementArb, { minLength: 1, maxLength: 5 }), { numRuns: 30, seed: 20261207 });
    let suppressedAny = 0;
    let keptAny = 0;
    for (const [i, statements] of docs.entries()) {
      // every third run splits the statements over two documents (Trivy takes several --vex files)
      const parts = i % 3 === 0 && statements.length > 1 ? [statements.slice(0, 1), statements.slice(1)] : [statements];
      const files = parts.map((part, k) => {
        const doc = { '@context': 'https://openvex.dev/ns/v0.2.0', '@id': `urn:uuid:mcg-test-${i}-${k}`, author: 'test', timestamp: '2026-12-07T00:00:00Z', version: 1, statements: part };
        const file = join(dir, `gen-${i}-${k}.vex.json`);
        writeFileSync(file, JSON.stringify(doc, null, 2));
        return file;
      });
      const byTrivy = suppressedKeys(await trivy(files));
      const documents = files.map((file) => {
        const read = readVex(readFileSync(file, 'utf8'), file);
        if (!read.ok) throw new Error(read.message);
        return read.statements;
      });
      const ours = baseline.map((f) => ({ ...f, suppressed: undefined }));
      applyVex(ours, documents, { target: 'app', imageNames: [IMAGE] });
      expect(suppressedKeys(ours), `document ${i}: ${JSON.stringify(statements)}`).toEqual(byTrivy);
      if (byTrivy.length > 0) suppressedAny++;
      if (statements.some((s) => s.status === 'not_affected') && byTrivy.length === 0) keptAny++;
    }
    // the documents exercised both outcomes: some suppressed, some named a package in a way that does not cover it
    expect(suppressedAny).toBeGreaterThan(3);
    expect(keptAny).toBeGreaterThan(0);
  }, 15 * 60_000);

  it('the mcg.vex.json written from suppressions is honoured by Trivy: exactly the not_affected ones', async () => {
    const withPurl = baseline.filter((f) => f.package?.purl);
    const decided = withPurl.map((f, i) => ({
      ...f,
      suppressed: i % 3 === 2 ? undefined : { kind: 'external' as const, justification: 'the server never parses XML', where: '.mcg.yml:4', ...(i % 3 === 1 ? { expires: '2027-03-01' } : {}) },
    }));
    const file = join(dir, 'mcg.vex.json');
    writeFileSync(file, JSON.stringify(toOpenVex(decided, { timestamp: '2026-12-07T00:00:00Z', author: 'octo/server', tooling: 'mcp-container-guard' }), null, 2));
    const notAffected = [...new Set(decided.filter((f) => f.suppressed && !f.suppressed.expires).map(keyOf))].sort();
    const byTrivy = suppressedKeys(await trivy([file]));
    // a CVE+package decided twice keeps its first decision in the document
    const firstDecision = new Map<string, Finding>();
    for (const f of decided) if (f.suppressed && !firstDecision.has(keyOf(f))) firstDecision.set(keyOf(f), f);
    const expected = [...firstDecision.values()].filter((f) => !f.suppressed!.expires).map(keyOf).sort();
    expect(byTrivy).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(notAffected).toEqual(expected);
  }, 10 * 60_000);
});
