/**
 * Trivy's DB through the Actions cache, end to end: the bundled action under Node 24 against a
 * fake of the cache service's v2 protocol (test/support/fake-cache.ts) and the real Trivy of the
 * rig, offline (`--skip-db-update`: Trivy can only use a DB that is already on disk). The main
 * step restores; the post step (dist/post.js, replayed with the main step's state) saves. First
 * run: miss, scan, a failing step, saved by the post step. Second run with an EMPTY cache dir:
 * the DB is restored and Trivy scans with it (same findings), nothing saved again. A failing
 * cache service: a warning, the same scan.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateTrivyCache, repoRoot } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { FakeGitHub } from '../support/fake-github.js';
import { FakeCache } from '../support/fake-cache.js';
import { actionBundle, runAction, runPost, type ActionRun } from '../support/action-run.js';

const base = mkdtempSync(join(tmpdir(), 'mcg-trivy-cache-e2e-'));
const ws = join(base, 'ws');
const tar = join(base, 'image.tar');
const cacheDir = join(base, 'trivy-cache');
let env: Record<string, string>;
let gh: FakeGitHub;
let fakeCache: FakeCache;

beforeAll(async () => {
  env = rigEnv();
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'MCG_TRIVY_CACHE_DIR', 'DOCKER_HOST']) rigValue(k);
  // the flawed example (curl from its RUN layer is in the fixture DB), scanned from its tarball
  cpSync(join(repoRoot, 'examples', 'python-mcp-server'), ws, { recursive: true });
  const tag = `mcg-e2e/trivy-cache:${process.pid}`;
  const b = spawnSync('docker', ['build', '-q', '-t', tag, ws], { env, encoding: 'utf8', timeout: 300_000 });
  expect(b.status, b.stderr).toBe(0);
  const s = spawnSync('docker', ['save', '-o', tar, tag], { env, encoding: 'utf8', timeout: 300_000 });
  expect(s.status, s.stderr).toBe(0);
  spawnSync('docker', ['rmi', tag], { env });
  actionBundle();
  gh = await new FakeGitHub().start();
  fakeCache = await new FakeCache().start();
}, 600_000);

afterAll(async () => {
  await gh?.close();
  await fakeCache?.close();
});

interface Report {
  scanners: { name: string; status: string; reason?: string }[];
  findings: { ruleId: string; source: string; location: { path: string; startLine: number } }[];
}

let seq = 0;
async function run(trivyCacheDir: string, cacheEnv: Record<string, string>, failOn = 'never'): Promise<{ r: ActionRun; post: { code: number; stdout: string }; report: Report; why: string }> {
  const artifactDir = `mcg-out-${++seq}`;
  const r = await runAction({
    workspace: ws,
    apiUrl: gh.url,
    event: 'push',
    payload: { ref: 'refs/heads/main', after: 'f'.repeat(40), repository: { full_name: 'acme/mcp-server' } },
    inputs: { 'image-tar': tar, offline: 'true', 'fail-on': failOn, mode: 'scan', 'artifact-dir': artifactDir, scanners: 'trivy' },
    env: {
      DOCKER_HOST: env['DOCKER_HOST']!,
      MCG_TRIVY: env['MCG_TRIVY']!,
      MCG_TRUFFLEHOG: env['MCG_TRUFFLEHOG']!,
      MCG_TRIVY_CACHE_DIR: trivyCacheDir,
      ...cacheEnv,
    },
  });
  const post = await runPost(r, ws);
  const why = `exit ${r.code}\n${r.stdout.slice(-5000)}\n${r.stderr.slice(-2000)}\n--- post: exit ${post.code}\n${post.stdout.slice(-3000)}\n${post.stderr.slice(-1000)}`;
  expect(post.code, why).toBe(0);
  const file = join(ws, artifactDir, 'mcg-report.json');
  expect(existsSync(file), why).toBe(true);
  return { r, post, report: JSON.parse(readFileSync(file, 'utf8')) as Report, why };
}

const trivyLines = (rep: Report): string[] =>
  rep.findings
    .filter((f) => f.source === 'trivy')
    .map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)
    .sort();
const trivyStatus = (rep: Report): string | undefined => rep.scanners.find((s) => s.name === 'trivy')?.status;

describe('action: Trivy DB cache (@actions/cache, v2 service)', () => {
  let first: Report;

  it('first run: miss, Trivy scans with the DB on disk, the step fails (fail-on: any), the post step saves the DB under the per-day key', async () => {
    cpSync(join(privateTrivyCache(), 'db'), join(cacheDir, 'db'), { recursive: true });
    const { r, post, report, why } = await run(cacheDir, fakeCache.env(), 'any');
    expect(r.code, why).toBe(1);
    expect(trivyStatus(report), why).toBe('ran');
    first = report;
    expect(trivyLines(report).length, why).toBeGreaterThan(0);
    expect(trivyLines(report).some((l) => l.startsWith('CVE-2026-91001 ')), why).toBe(true);
    const names = fakeCache.calls.map((c) => `${c.method} ${c.path.replace(/^\/twirp\/github\.actions\.results\.api\.v1\.CacheService\//, '')}`);
    expect(names.filter((n) => !n.startsWith('PUT') && !n.startsWith('GET')), why).toEqual([
      'POST GetCacheEntryDownloadURL',
      'POST CreateCacheEntry',
      'POST FinalizeCacheEntryUpload',
    ]);
    const lookup = fakeCache.calls[0]!.body!;
    const day = new Date().toISOString().slice(0, 10);
    expect(lookup['key']).toBe(`mcg-trivy-0.74.0-${process.platform}-${process.arch}-${day}`);
    expect(lookup['restore_keys']).toEqual([`mcg-trivy-0.74.0-${process.platform}-${process.arch}-`]);
    expect(fakeCache.entries.filter((e) => e.finalized).map((e) => e.key)).toEqual([lookup['key']]);
    expect(fakeCache.entries[0]!.data!.length).toBeGreaterThan(0);
    // the main step only restores; the save is the post step's
    expect(r.stdout).not.toMatch(/Trivy DB cache: saved/);
    expect(post.stdout, why).toMatch(/Trivy DB cache: saved as mcg-trivy-0\.74\.0-/);
    expect(r.stdout + post.stdout).not.toMatch(/::(warning|error)::.*(cache|Cache)/);
  }, 300_000);

  it('second run, empty cache dir: the DB is restored and Trivy (offline) scans with it; the exact hit is not saved again', async () => {
    const calls = fakeCache.calls.length;
    // a fresh runner: the same cache path (part of the entry's version), nothing in it
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir);
    const empty = cacheDir;
    const { r, report, why } = await run(empty, fakeCache.env());
    expect(r.code, why).toBe(0);
    expect(r.stdout).toMatch(/Trivy DB cache: restored mcg-trivy-0\.74\.0-/);
    expect(readFileSync(join(empty, 'db', 'trivy.db')).equals(readFileSync(join(rigValue('MCG_TRIVY_CACHE_DIR'), 'db', 'trivy.db')))).toBe(true);
    // Trivy's own per-image cache is not part of the entry
    expect(readdirSync(join(empty, 'db')).sort()).toContain('metadata.json');
    expect(trivyStatus(report), why).toBe('ran');
    expect(trivyLines(report)).toEqual(trivyLines(first));
    const later = fakeCache.calls.slice(calls).map((c) => `${c.method} ${c.path.split('/').pop()}`);
    expect(later.filter((n) => n.startsWith('POST'))).toEqual(['POST GetCacheEntryDownloadURL']);
    expect(later.some((n) => n.startsWith('GET'))).toBe(true);
  }, 300_000);

  it('control: the same empty cache dir without the cache service fails closed (so the restore above is what made Trivy work)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mcg-trivy-empty-'));
    const { report, why, r } = await run(empty, {});
    expect(trivyStatus(report), why).toBe('failed');
    expect(report.findings.some((f) => f.ruleId === 'MCG990'), why).toBe(true);
    expect(r.stdout).toMatch(/no GitHub Actions cache service/);
  }, 300_000);

  it('a cache service that errors: a warning, and the scan is the same', async () => {
    fakeCache.failWith = 400;
    try {
      const { r, report, why } = await run(privateTrivyCache(), fakeCache.env());
      expect(r.code, why).toBe(0);
      expect(r.stdout, why).toMatch(/::warning::Failed to restore: .*400/);
      expect(r.stdout, why).not.toMatch(/::error::/);
      expect(trivyStatus(report), why).toBe('ran');
      expect(trivyLines(report)).toEqual(trivyLines(first));
    } finally {
      fakeCache.failWith = undefined;
    }
  }, 300_000);

  it('a cache service that cannot be reached: a warning, and the scan is the same', async () => {
    const closed = await new FakeCache().start();
    const cacheEnv = closed.env();
    await closed.close();
    const { r, report, why } = await run(privateTrivyCache(), cacheEnv);
    expect(r.code, why).toBe(0);
    expect(r.stdout, why).toMatch(/::warning::Failed to restore/);
    expect(trivyStatus(report), why).toBe('ran');
    expect(trivyLines(report)).toEqual(trivyLines(first));
  }, 300_000);
});
