/**
 * The image's SBOM and dependency snapshot, end to end (issue #22): the bundled action under Node 24,
 * the real Trivy of the rig over the flawed Python example's image tarball, against the fake GitHub
 * whose every request is validated against GitHub's OpenAPI description. A push run writes both
 * documents beside the SARIF, names them in the outputs and the job summary, and submits one
 * snapshot GitHub's description accepts, grouped by requirements.txt and the Dockerfile; a fork pull
 * request and a Dependabot run never send it, not even with dependency-snapshot: true.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateTrivyCache, repoRoot } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { FakeGitHub } from '../support/fake-github.js';
import { actionBundle, runAction, type ActionRun } from '../support/action-run.js';

// the commit runAction's GITHUB_SHA names
const HEAD = 'f'.repeat(40);
const base = mkdtempSync(join(tmpdir(), 'mcg-sbom-e2e-'));
const ws = join(base, 'ws');
const tar = join(base, 'image.tar');
let env: Record<string, string>;
let gh: FakeGitHub;

beforeAll(async () => {
  env = rigEnv();
  for (const k of ['MCG_TRIVY', 'MCG_TRIVY_CACHE_DIR', 'DOCKER_HOST']) rigValue(k);
  cpSync(join(repoRoot, 'examples', 'python-mcp-server'), ws, { recursive: true });
  const tag = `mcg-e2e/sbom:${process.pid}`;
  const b = spawnSync('docker', ['build', '-q', '-t', tag, ws], { env, encoding: 'utf8', timeout: 300_000 });
  expect(b.status, b.stderr).toBe(0);
  const s = spawnSync('docker', ['save', '-o', tar, tag], { env, encoding: 'utf8', timeout: 300_000 });
  expect(s.status, s.stderr).toBe(0);
  spawnSync('docker', ['rmi', tag], { env });
  actionBundle();
  gh = await new FakeGitHub().start();
}, 600_000);

afterAll(async () => {
  await gh?.close();
});

let seq = 0;
async function run(event: string, payload: unknown, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<{ r: ActionRun; dir: string; why: string }> {
  const dir = `mcg-out-${++seq}`;
  const r = await runAction({
    workspace: ws,
    apiUrl: gh.url,
    event,
    payload,
    inputs: { 'image-tar': tar, offline: 'true', 'fail-on': 'never', scanners: 'trivy', 'artifact-dir': dir, 'check-run': 'false', 'upload-sarif': 'false', ...inputs },
    env: { DOCKER_HOST: env['DOCKER_HOST']!, MCG_TRIVY: env['MCG_TRIVY']!, MCG_TRIVY_CACHE_DIR: privateTrivyCache(), GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'scan', ...extraEnv },
  });
  return { r, dir, why: `exit ${r.code}\n${r.stdout.slice(-5000)}\n${r.stderr.slice(-2000)}` };
}

const push = { ref: 'refs/heads/main', after: HEAD, repository: { full_name: 'acme/mcp-server' } };

function forkPr(headRepo: string): unknown {
  return {
    action: 'synchronize',
    number: 9,
    pull_request: { number: 9, head: { sha: HEAD, ref: 'feature', repo: { full_name: headRepo } }, base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/mcp-server' } } },
    repository: { full_name: 'acme/mcp-server' },
  };
}

const snapshotPosts = (): number => gh.requests.filter((q) => q.operationId === 'dependency-graph/create-repository-snapshot').length;

interface Snapshot {
  sha: string;
  ref: string;
  job: { correlator: string };
  detector: { name: string; version: string; url: string };
  manifests: Record<string, { file: { source_location: string }; resolved: Record<string, { package_url: string; relationship: string }> }>;
}

describe('push: SBOM files, outputs, summary and the dependency snapshot', () => {
  it('writes CycloneDX and SPDX beside the SARIF and submits a snapshot the description accepts', async () => {
    const before = gh.snapshots.length;
    const { r, dir, why } = await run('push', push, { 'sbom-format': 'both' });
    expect(r.code, why).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(r.outputs['sbom-cyclonedx-file']).toBe(`${dir}/mcg.cdx.json`);
    expect(r.outputs['sbom-spdx-file']).toBe(`${dir}/mcg.spdx.json`);
    const cdx = JSON.parse(readFileSync(join(ws, dir, 'mcg.cdx.json'), 'utf8')) as { specVersion: string; components: { type: string; purl?: string }[] };
    expect(cdx.specVersion).toBe('1.6');
    expect(JSON.parse(readFileSync(join(ws, dir, 'mcg.spdx.json'), 'utf8'))).toMatchObject({ spdxVersion: 'SPDX-2.3' });
    expect(existsSync(join(ws, dir, 'mcg.sarif'))).toBe(true);
    expect(r.summary).toMatch(/SBOM of the image/);
    expect(r.summary).toContain(`${dir}/mcg.cdx.json`);

    expect(gh.snapshots.length - before, why).toBe(1);
    const snap = gh.snapshots[gh.snapshots.length - 1] as unknown as Snapshot;
    expect(snap).toMatchObject({ sha: HEAD, ref: 'refs/heads/main', detector: { name: 'MCP Container Guard' } });
    expect(snap.job.correlator).toBe('ci_scan_Dockerfile');
    // the packages requirements.txt names are its own, directly; the rest belong to the Dockerfile
    const req = snap.manifests['requirements.txt'];
    expect(req, Object.keys(snap.manifests).join(', ')).toBeDefined();
    const declared = readFileSync(join(ws, 'requirements.txt'), 'utf8')
      .split('\n')
      .map((l) => /^([A-Za-z0-9_.-]+)/.exec(l.trim())?.[1]?.toLowerCase().replace(/[-_.]+/g, '-'))
      .filter((n): n is string => !!n);
    const inReq = Object.values(req!.resolved).map((d) => /^pkg:pypi\/([^@]+)@/.exec(d.package_url)?.[1]?.replace(/[-_.]+/g, '-'));
    expect([...new Set(inReq)].sort()).toEqual([...new Set(declared)].sort());
    expect(Object.values(req!.resolved).every((d) => d.relationship === 'direct')).toBe(true);
    const df = snap.manifests['Dockerfile']!;
    expect(Object.values(df.resolved).some((d) => d.package_url.startsWith('pkg:deb/debian/curl@'))).toBe(true);
    // every package of the CycloneDX document is in the snapshot, under one manifest or another
    const submitted = new Set(Object.values(snap.manifests).flatMap((m) => Object.keys(m.resolved)));
    const libs = cdx.components.filter((c) => c.type === 'library').map((c) => c.purl!);
    expect(libs.filter((p) => !submitted.has(p))).toEqual([]);
  }, 300_000);

  it('sbom-format: none writes no document and leaves the outputs empty', async () => {
    const { r, dir, why } = await run('push', push, { 'sbom-format': 'none', 'dependency-snapshot': 'false' });
    expect(r.code, why).toBe(0);
    expect(r.outputs['sbom-cyclonedx-file']).toBe('');
    expect(existsSync(join(ws, dir, 'mcg.cdx.json'))).toBe(false);
  }, 300_000);

  it('a 403 on the snapshot is a warning with auto, and fails the step with true', async () => {
    gh.fail({ operationId: 'dependency-graph/create-repository-snapshot', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const auto = await run('push', push, {});
    expect(auto.r.code, auto.why).toBe(0);
    expect(auto.r.stdout).toMatch(/::warning::.*contents: write/);
    gh.fail({ operationId: 'dependency-graph/create-repository-snapshot', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const demanded = await run('push', push, { 'dependency-snapshot': 'true' });
    expect(demanded.r.code, demanded.why).toBe(1);
    expect(demanded.r.stdout).toMatch(/contents: write/);
  }, 600_000);
});

describe('never sent with a read-only token', () => {
  it('a fork pull request sends no snapshot, not even with dependency-snapshot: true; the SBOM is still written', async () => {
    const before = snapshotPosts();
    const { r, dir, why } = await run('pull_request', forkPr('mallory/mcp-server'), { 'dependency-snapshot': 'true' });
    expect(r.code, why).toBe(0);
    expect(snapshotPosts()).toBe(before);
    expect(r.stdout).toMatch(/fork/);
    expect(existsSync(join(ws, dir, 'mcg.cdx.json'))).toBe(true);
  }, 300_000);

  it('a Dependabot run sends no snapshot', async () => {
    const before = snapshotPosts();
    const { r, why } = await run('push', push, {}, { GITHUB_ACTOR: 'dependabot[bot]' });
    expect(r.code, why).toBe(0);
    expect(snapshotPosts()).toBe(before);
  }, 300_000);
});
