/**
 * VEX through the CLI bundle, with the rig's real Trivy and fixture DB (issue #22): a VEX file
 * marking one fixture CVE `not_affected` suppresses exactly that finding — in the SARIF (an
 * external suppression with the statement's justification), the report and the exit code; the
 * `--vex-out` document of a run whose suppression came from `.mcg.yml` makes Trivy itself
 * suppress the same finding when it is handed back with `--vex`; and `mcg merge --vex` applies
 * the merging run's VEX to an artifact whose own claims it does not trust.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as sarif from 'sarif';
import type { Finding, Report } from '../../src/core/types.js';
import { privateTrivyCache, repoRoot } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { runCli, type CliRun } from '../support/cli-run.js';

// a rig image with fixture advisories: no build needed, the example's Dockerfile gives the lines
const IMAGE = 'python:3.12';
const base = mkdtempSync(join(tmpdir(), 'mcg-vex-cli-'));
const ws = join(base, 'ws');
let env: Record<string, string>;
let chosen: Finding;
let bare: Report;

async function scan(name: string, extra: string[]): Promise<{ run: CliRun; report: Report; sarif: sarif.Log; why: string }> {
  const out = join(base, name);
  mkdirSync(out, { recursive: true });
  const run = await runCli(
    ['scan', ws, '--image', IMAGE, '--scanners', 'trivy', '--offline', '--severity-threshold', 'high', '--format', 'json', '--output', join(out, 'report.json'), '--sarif', join(out, 'mcg.sarif'), ...extra],
    { cwd: ws, env: { ...env, MCG_TRIVY_CACHE_DIR: privateTrivyCache() }, timeoutMs: 600_000 },
  );
  const why = `exit ${run.code}\n${run.stderr.slice(-3000)}`;
  return { run, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report, sarif: JSON.parse(readFileSync(join(out, 'mcg.sarif'), 'utf8')) as sarif.Log, why };
}

const key = (f: Finding): string => `${f.ruleId}|${f.fingerprint}`;
const suppressedKeys = (r: Report): string[] => r.findings.filter((f) => f.suppressed).map(key).sort();
const failingKeys = (r: Report): string[] => r.findings.filter((f) => f.failing).map(key).sort();

function sarifSuppressed(log: sarif.Log): Array<{ ruleId?: string; justification?: string; kind?: string }> {
  return log.runs.flatMap((run) => (run.results ?? []).filter((r) => (r.suppressions ?? []).length > 0).map((r) => ({ ruleId: r.ruleId, justification: r.suppressions![0]!.justification, kind: r.suppressions![0]!.kind })));
}

function statement(f: Finding): unknown {
  const purl = f.package!.purl!.replace(/@.*$/, '');
  return { vulnerability: { name: f.ruleId }, products: [{ '@id': purl }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', impact_statement: 'the server never parses XML' };
}

beforeAll(async () => {
  env = rigEnv();
  for (const k of ['MCG_TRIVY', 'MCG_TRIVY_CACHE_DIR', 'DOCKER_HOST']) rigValue(k);
  cpSync(join(repoRoot, 'examples', 'python-mcp-server'), ws, { recursive: true });
  mkdirSync(join(ws, '.vex'));
  const first = await scan('bare', ['--fail-on', 'any']);
  expect(first.run.code, first.why).toBe(1);
  // the one vulnerability that decides: high, with a package URL; everything else goes to the baseline
  const candidates = first.report.findings.filter((f) => f.source === 'trivy' && f.severity === 'high' && f.package?.purl);
  expect(candidates.length, 'the fixture DB has a high advisory for a package of the image').toBeGreaterThan(0);
  chosen = candidates[0]!;
  writeFileSync(join(base, 'baseline.json'), JSON.stringify({ ...first.report, findings: first.report.findings.filter((f) => f.fingerprint !== chosen.fingerprint) }));
  bare = (await scan('new-only', ['--fail-on', 'new', '--baseline', join(base, 'baseline.json')])).report;
  expect(failingKeys(bare)).toEqual([key(chosen)]);
}, 15 * 60_000);

describe('scan --vex', () => {
  it('a not_affected statement suppresses exactly that finding in the SARIF, the report and the exit code', async () => {
    writeFileSync(join(ws, '.vex', 'decisions.json'), JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'urn:uuid:mcg-vex-cli', author: 'octo', timestamp: '2026-12-01T00:00:00Z', version: 1, statements: [statement(chosen)] }, null, 2));
    const r = await scan('vex', ['--fail-on', 'new', '--baseline', join(base, 'baseline.json'), '--vex', '.vex/decisions.json']);
    expect(r.run.code, r.why).toBe(0);
    expect(suppressedKeys(r.report)).toEqual([...suppressedKeys(bare), key(chosen)].sort());
    expect(failingKeys(r.report)).toEqual([]);
    const s = sarifSuppressed(r.sarif).filter((x) => x.ruleId === chosen.ruleId);
    expect(s.length).toBeGreaterThan(0);
    expect(s.every((x) => x.kind === 'external' && /not_affected/.test(x.justification ?? '') && /never parses XML/.test(x.justification ?? ''))).toBe(true);
    // the finding shows where the decision is written
    expect(r.report.findings.find((f) => f.fingerprint === chosen.fingerprint)!.suppressed!.where).toMatch(/^\.vex\/decisions\.json:\d+$/);
  }, 10 * 60_000);

  it('the --vex-out of a run suppressed by .mcg.yml, handed back with --vex, makes Trivy suppress the same finding', async () => {
    const config = join(ws, 'ignore.mcg.yml');
    writeFileSync(config, `ignore:\n  - id: ${chosen.ruleId}\n    reason: vulnerable code not in execute path, the server never parses XML\n`);
    const withConfig = await scan('config', ['--fail-on', 'new', '--baseline', join(base, 'baseline.json'), '--config', config, '--vex-out', join(ws, '.vex', 'mcg.vex.json')]);
    expect(withConfig.run.code, withConfig.why).toBe(0);
    const doc = JSON.parse(readFileSync(join(ws, '.vex', 'mcg.vex.json'), 'utf8')) as { statements: { vulnerability: { name: string }; products: { '@id': string }[]; status: string }[] };
    expect(doc.statements.map((s) => s.vulnerability.name)).toContain(chosen.ruleId);
    expect(doc.statements.find((s) => s.vulnerability.name === chosen.ruleId)!.products.map((p) => p['@id'])).toContain(chosen.package!.purl);
    const back = await scan('back', ['--fail-on', 'new', '--baseline', join(base, 'baseline.json'), '--vex', '.vex/mcg.vex.json']);
    expect(back.run.code, back.why).toBe(0);
    expect(suppressedKeys(back.report)).toEqual(suppressedKeys(withConfig.report));
    expect(back.report.findings.find((f) => f.fingerprint === chosen.fingerprint)!.suppressed!.where).toMatch(/^\.vex\/mcg\.vex\.json:\d+$/);
  }, 10 * 60_000);
});

describe('the repository decides nothing behind our arguments', () => {
  it('a trivy.yaml and a .trivyignore in the scanned repository (the CLI\'s working directory) hide no finding', async () => {
    writeFileSync(join(ws, 'trivy.yaml'), 'severity:\n  - LOW\n');
    writeFileSync(join(ws, '.trivyignore'), `${chosen.ruleId}\n`);
    try {
      const r = await scan('hostile-config', ['--fail-on', 'new', '--baseline', join(base, 'baseline.json')]);
      expect(r.run.code, r.why).toBe(1);
      expect(failingKeys(r.report)).toEqual([key(chosen)]);
      expect(r.report.findings.filter((f) => f.source === 'trivy').length).toBe(bare.findings.filter((f) => f.source === 'trivy').length);
    } finally {
      rmSync(join(ws, 'trivy.yaml'));
      rmSync(join(ws, '.trivyignore'));
    }
  }, 10 * 60_000);
});

describe('merge --vex', () => {
  it('the merging run\'s VEX decides; the artifact\'s own suppression claims do not', async () => {
    const artifact = join(base, 'artifact');
    mkdirSync(artifact);
    writeFileSync(join(artifact, 'mcg-report.json'), readFileSync(join(base, 'new-only', 'report.json')));
    const merge = (extra: string[]): Promise<CliRun> =>
      runCli(['merge', artifact, '--root', ws, '--baseline', join(base, 'baseline.json'), '--fail-on', 'new', '--format', 'json', '--output', join(base, 'merged.json'), ...extra], { cwd: ws, env, timeoutMs: 120_000 });
    const without = await merge([]);
    expect(without.code, without.stderr).toBe(1);
    const withVex = await merge(['--vex', '.vex/decisions.json']);
    expect(withVex.code, withVex.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(join(base, 'merged.json'), 'utf8')) as Report;
    const f = merged.findings.find((x) => x.fingerprint === chosen.fingerprint)!;
    expect(f.suppressed).toMatchObject({ kind: 'external', where: expect.stringMatching(/^\.vex\/decisions\.json:\d+$/) as unknown as string });
    expect(merged.findings.filter((x) => x.suppressed).map((x) => x.fingerprint)).toEqual([chosen.fingerprint]);
    // a VEX file that cannot be read fails the merge
    writeFileSync(join(ws, '.vex', 'broken.json'), '{"statements": [');
    const broken = await merge(['--vex', '.vex/broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json/);
  }, 5 * 60_000);
});
