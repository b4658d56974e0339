/**
 * The `vex` input end to end (issue #22): the bundled action under Node 24 on a same-repository pull
 * request, the rig's real Trivy and fixture DB over a rig image's tarball, the fake GitHub checked
 * against GitHub's OpenAPI description. With everything but one fixture CVE in the baseline, that
 * CVE fails the run and stands in the sticky comment; a VEX file marking it `not_affected` makes the
 * step pass, takes it out of the comment's failing findings (counted as suppressed), and the
 * written SARIF carries it as an external suppression with the statement's justification.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as sarif from 'sarif';
import type { Finding, Report } from '../../src/core/types.js';
import { privateTrivyCache, repoRoot } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { FakeGitHub } from '../support/fake-github.js';
import { actionBundle, runAction, type ActionRun } from '../support/action-run.js';

const HEAD = 'f'.repeat(40);
const base = mkdtempSync(join(tmpdir(), 'mcg-action-vex-'));
const ws = join(base, 'ws');
const tar = join(base, 'image.tar');
let env: Record<string, string>;
let gh: FakeGitHub;

const pr = {
  action: 'synchronize',
  number: 7,
  pull_request: { number: 7, head: { sha: HEAD, ref: 'feature', repo: { full_name: 'acme/mcp-server' } }, base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/mcp-server' } } },
  repository: { full_name: 'acme/mcp-server' },
};

let seq = 0;
async function run(inputs: Record<string, string>): Promise<{ r: ActionRun; dir: string; why: string; report: Report; sarif: sarif.Log }> {
  const dir = `mcg-out-${++seq}`;
  const r = await runAction({
    workspace: ws,
    apiUrl: gh.url,
    event: 'pull_request',
    payload: pr,
    inputs: { 'image-tar': tar, offline: 'true', scanners: 'trivy', 'artifact-dir': dir, 'check-run': 'false', 'upload-sarif': 'false', comment: 'always', 'sbom-format': 'none', 'dependency-snapshot': 'false', 'runtime-probe': 'false', ...inputs },
    env: { DOCKER_HOST: env['DOCKER_HOST']!, MCG_TRIVY: env['MCG_TRIVY']!, MCG_TRIVY_CACHE_DIR: privateTrivyCache(), GITHUB_REF: 'refs/pull/7/merge' },
  });
  const why = `exit ${r.code}\n${r.stdout.slice(-5000)}\n${r.stderr.slice(-2000)}`;
  const report = JSON.parse(readFileSync(join(ws, dir, 'mcg-report.json'), 'utf8')) as Report;
  return { r, dir, why, report, sarif: JSON.parse(readFileSync(join(ws, dir, 'mcg.sarif'), 'utf8')) as sarif.Log };
}

let chosen: Finding;

beforeAll(async () => {
  env = rigEnv();
  for (const k of ['MCG_TRIVY', 'MCG_TRIVY_CACHE_DIR', 'DOCKER_HOST']) rigValue(k);
  cpSync(join(repoRoot, 'examples', 'python-mcp-server'), ws, { recursive: true });
  execFileSync('docker', ['save', '-o', tar, 'python:3.12'], { env, timeout: 300_000 });
  actionBundle();
  gh = await new FakeGitHub().start();
  const first = await run({ 'fail-on': 'any' });
  expect(first.r.code, first.why).toBe(1);
  chosen = first.report.findings.find((f) => f.source === 'trivy' && f.severity === 'high' && f.package?.purl)!;
  expect(chosen, 'a high fixture CVE with a package URL').toBeDefined();
  writeFileSync(join(ws, 'baseline.json'), JSON.stringify({ ...first.report, findings: first.report.findings.filter((f) => f.fingerprint !== chosen.fingerprint) }));
  writeFileSync(
    join(ws, 'decisions.vex.json'),
    JSON.stringify(
      {
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'urn:uuid:mcg-action-vex',
        author: 'acme',
        timestamp: '2026-12-01T00:00:00Z',
        version: 1,
        statements: [{ vulnerability: { name: chosen.ruleId }, products: [{ '@id': chosen.package!.purl!.replace(/@.*$/, '') }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', impact_statement: 'the server never parses XML' }],
      },
      null,
      2,
    ),
  );
}, 15 * 60_000);

afterAll(async () => {
  await gh?.close();
});

const lastComment = (): string => gh.commentsOn(7).at(-1)?.body ?? '';

describe('vex input', () => {
  it('without VEX the one new CVE fails the step and stands in the comment', async () => {
    const { r, why } = await run({ 'fail-on': 'new', baseline: 'baseline.json' });
    expect(r.code, why).toBe(1);
    expect(gh.violations).toEqual([]);
    expect(lastComment()).toContain(chosen.ruleId);
  }, 10 * 60_000);

  it('a not_affected statement: the step passes, the comment no longer lists it, the SARIF suppresses exactly it', async () => {
    const { r, why, report, sarif } = await run({ 'fail-on': 'new', baseline: 'baseline.json', vex: 'decisions.vex.json' });
    expect(r.code, why).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(report.findings.filter((f) => f.failing)).toEqual([]);
    expect(report.findings.filter((f) => f.suppressed).map((f) => f.fingerprint)).toEqual([chosen.fingerprint]);
    const body = lastComment();
    expect(body).not.toContain(chosen.ruleId);
    expect(body).toMatch(/1 suppressed finding/);
    const suppressed = sarif.runs.flatMap((run) => (run.results ?? []).filter((x) => (x.suppressions ?? []).length > 0));
    expect(suppressed.map((x) => x.ruleId)).toEqual([chosen.ruleId]);
    expect(suppressed[0]!.suppressions![0]).toMatchObject({ kind: 'external' });
    expect(suppressed[0]!.suppressions![0]!.justification).toMatch(/not_affected: vulnerable_code_not_in_execute_path: the server never parses XML/);
  }, 10 * 60_000);
});
