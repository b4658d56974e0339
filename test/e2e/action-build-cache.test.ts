/**
 * BuildKit cache defaults in the bundled action (issue #23 item 1), against the rig's real Docker
 * and a fake of the Actions cache service in the environment (test/support/fake-cache.ts sets
 * ACTIONS_RESULTS_URL / ACTIONS_RUNTIME_TOKEN, which buildx would hand to BuildKit's gha client).
 * The rig's builder is buildx's plain `docker` driver (see test/e2e/build-cache.test.ts for why no
 * docker-container builder exists here): the default `type=gha` export is skipped with a log line
 * and the build goes through; on a fork pull request the cache is off, said so.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { FakeGitHub } from '../support/fake-github.js';
import { FakeCache } from '../support/fake-cache.js';
import { actionBundle, runAction, type ActionRun } from '../support/action-run.js';

const ws = join(mkdtempSync(join(tmpdir(), 'mcg-build-cache-action-')), 'ws');
let gh: FakeGitHub;
let fakeCache: FakeCache;

beforeAll(async () => {
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'DOCKER_HOST']) rigValue(k);
  cpSync(join(repoRoot, 'examples', 'node-mcp-server'), ws, { recursive: true });
  actionBundle();
  gh = await new FakeGitHub().start();
  fakeCache = await new FakeCache().start();
}, 600_000);

afterAll(async () => {
  await gh?.close();
  await fakeCache?.close();
});

async function run(event: string, payload: Record<string, unknown>): Promise<{ r: ActionRun; why: string; docker?: string }> {
  const env = rigEnv();
  const r = await runAction({
    workspace: ws,
    apiUrl: gh.url,
    event,
    payload,
    inputs: { scanners: 'none', mode: 'scan', 'fail-on': 'never', 'artifact-dir': `out-${event}`, 'runtime-probe': 'false' },
    env: { DOCKER_HOST: env['DOCKER_HOST']!, MCG_TRIVY: env['MCG_TRIVY']!, MCG_TRUFFLEHOG: env['MCG_TRUFFLEHOG']!, ...fakeCache.env() },
  });
  const why = `exit ${r.code}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`;
  const file = join(ws, `out-${event}`, 'mcg-report.json');
  const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { scanners: { name: string; status: string }[] }) : undefined;
  return { r, why, docker: report?.scanners.find((s) => s.name === 'docker')?.status };
}

describe('action: BuildKit cache defaults', () => {
  it('push to the default branch with the cache service: gha chosen, the plain docker driver cannot export it, said so; the build goes through', async () => {
    const { r, why, docker } = await run('push', { ref: 'refs/heads/main', after: 'e'.repeat(40), repository: { full_name: 'acme/mcp-server', default_branch: 'main' } });
    expect(docker, why).toBe('ran');
    expect(r.stdout, why).toMatch(/BuildKit cache: cache-to skipped: the builder uses the plain "docker" driver, which cannot export a cache/);
    // nothing reached the cache service from BuildKit (and the default import is dropped with the export)
    expect(fakeCache.calls.filter((c) => /scope|buildkit/i.test(JSON.stringify(c.body ?? {}))), why).toEqual([]);
  }, 600_000);
  it('a pull request from a fork: the cache is off, said so', async () => {
    const pr = { number: 7, head: { sha: 'd'.repeat(40), repo: { full_name: 'someone/mcp-server' } }, base: { ref: 'main', repo: { full_name: 'acme/mcp-server' } } };
    const { r, why, docker } = await run('pull_request', { pull_request: pr, repository: { full_name: 'acme/mcp-server', default_branch: 'main' } });
    expect(docker, why).toBe('ran');
    expect(r.stdout, why).toMatch(/BuildKit cache: off on this read-only run \(pull request from a fork/);
  }, 600_000);
});
