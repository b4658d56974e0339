/**
 * changed-only through the action (issue #23 item 2), against the fake GitHub (every request and
 * answer checked against GitHub's OpenAPI description): the pull request's file list, paginated
 * and failing closed when cut; mode: discover on the 20-server monorepo selecting the one changed
 * server; mode: report listing the 19 others as not rescanned, with no upload for their categories.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiChangedFiles } from '../../../src/action/pr-files.js';
import { createClient } from '../../../src/action/github.js';
import { FakeGitHub } from '../../support/fake-github.js';
import { runAction, useFakeGitHub, type ActionRun } from '../../support/action-run.js';
import { monorepo, SERVERS } from '../../support/monorepo.js';
import type { Logger } from '../../../src/core/types.js';

const HEAD = '1'.repeat(40);
const logger: Logger = { debug: () => {}, info: () => {}, warning: () => {}, error: () => {} };
const files = (n: number) => Array.from({ length: n }, (_, i) => ({ filename: `servers/s01/f${i}.js`, status: 'modified' as const, additions: 1 }));

describe('the pull request files API', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await new FakeGitHub().start();
  });
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });
  const pr = { owner: 'acme', repo: 'mcp-server', number: 7 };

  it('pages through the whole list', async () => {
    fake.prFiles.set(7, files(250));
    const gh = createClient('ghs_test', { apiUrl: fake.url, logger, secondMs: 1 });
    const r = await apiChangedFiles(gh, { ...pr, changedFiles: 250 });
    expect(r.ok && r.files.length).toBe(250);
    expect(fake.requests.filter((q) => q.operationId === 'pulls/list-files')).toHaveLength(3);
  });

  it('a list of 3,000 files, or fewer than the pull request has, is cut: no list', async () => {
    const gh = createClient('ghs_test', { apiUrl: fake.url, logger, secondMs: 1 });
    fake.prFiles.set(7, files(3000));
    const cut = await apiChangedFiles(gh, pr);
    expect(cut).toMatchObject({ ok: false });
    expect(!cut.ok && cut.reason).toMatch(/cut \(3000 listed; GitHub lists at most 3000\)/);
    fake.prFiles.set(7, files(10));
    expect(await apiChangedFiles(gh, { ...pr, changedFiles: 12 })).toMatchObject({ ok: false });
  });

  it('an API failure is no list, saying why', async () => {
    const gh = createClient('ghs_test', { apiUrl: fake.url, logger, secondMs: 1 });
    fake.prFiles.set(7, files(3));
    fake.failures.push({ operationId: 'pulls/list-files', status: 403, body: { message: 'Resource not accessible by integration' }, times: Infinity });
    const r = await apiChangedFiles(gh, pr);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/pull-requests: read/);
  });
});

describe('mode: discover with changed-only, then mode: report', () => {
  const gh = useFakeGitHub();
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, changed_files: 1, head: { sha: HEAD, ref: 'feature', repo: { full_name: 'acme/mcp-server' } }, base: { sha: '2'.repeat(40), ref: 'main', repo: { full_name: 'acme/mcp-server' } } },
    repository: { full_name: 'acme/mcp-server' },
  };
  const explain = (r: ActionRun): string => `exit ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-1000)}`;

  it('a PR touching one of twenty servers scans one; the report names the other nineteen and uploads nothing for them', async () => {
    const repo = monorepo();
    gh.fake.prFiles.set(7, [{ filename: 'servers/s12/server.js', status: 'modified', additions: 1 }]);
    const d = await runAction({ workspace: repo.dir, apiUrl: gh.fake.url, event: 'pull_request', payload, inputs: { mode: 'discover', dockerfile: 'servers/*/Dockerfile', context: '.', 'changed-only': 'true' } });
    expect(d.code, explain(d)).toBe(0);
    const matrix = JSON.parse(d.outputs['matrix']!) as { include: { target: string; dockerfile: string; context: string }[]; skipped: { target: string; reason: string }[] };
    expect(matrix.include.map((e) => e.target)).toEqual(['servers-s12']);
    expect(matrix.skipped.map((s) => s.target)).toEqual(SERVERS.filter((s) => s !== 's12').map((s) => `servers-${s}`));
    expect(d.outputs['count']).toBe('1');
    expect(d.outputs['skipped']).toBe('19');
    expect(gh.fake.writes()).toEqual([]);

    const e = matrix.include[0]!;
    const s = await runAction({ workspace: repo.dir, apiUrl: gh.fake.url, event: 'pull_request', payload, inputs: { build: 'false', mode: 'scan', dockerfile: e.dockerfile, context: e.context, 'artifact-dir': `mcg-results/${e.target}`, category: 'mcg' } });
    expect([0, 1], explain(s)).toContain(s.code);

    gh.fake.pulls.set(7, { headSha: HEAD, baseRef: 'main', headRepo: 'acme/mcp-server' });
    const rep = await runAction({ workspace: repo.dir, apiUrl: gh.fake.url, event: 'pull_request', payload, inputs: { mode: 'report', 'artifact-dir': 'mcg-results', matrix: d.outputs['matrix']! }, env: { GITHUB_REF: 'refs/pull/7/merge' } });
    expect([0, 1], explain(rep)).toContain(rep.code);
    expect(rep.summary).toMatch(/Not rescanned \(changed-only\): 19 targets/);
    expect(rep.summary).toContain('`servers/s01/Dockerfile`');
    const comments = gh.fake.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/Not rescanned \(changed-only\): 19 targets/);
    const ids = [...gh.fake.sarifs.values()].flatMap((x) => (x.sarif as { runs: { automationDetails?: { id?: string } }[] }).runs.map((r) => r.automationDetails?.id ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((i) => i.startsWith('mcg/servers/s12/Dockerfile'))).toBe(true);
  });

  it('a PR that changes nothing any target builds from: one passing check run and the comment name all twenty, no upload', async () => {
    const repo = monorepo();
    gh.fake.prFiles.set(7, [{ filename: 'docs/notes.txt', status: 'added', additions: 1 }]);
    const d = await runAction({ workspace: repo.dir, apiUrl: gh.fake.url, event: 'pull_request', payload, inputs: { mode: 'discover', dockerfile: 'servers/*/Dockerfile', 'changed-only': 'true' } });
    expect(d.code, explain(d)).toBe(0);
    expect(d.outputs['count']).toBe('0');
    expect(d.outputs['skipped']).toBe('20');
    const rep = await runAction({ workspace: repo.dir, apiUrl: gh.fake.url, event: 'pull_request', payload, inputs: { mode: 'report', 'artifact-dir': 'mcg-results', matrix: d.outputs['matrix']! }, env: { GITHUB_REF: 'refs/pull/7/merge' } });
    expect(rep.code, explain(rep)).toBe(0);
    expect(rep.outputs['result']).toBe('pass');
    const runs = [...gh.fake.checkRuns.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
    expect(gh.fake.commentsOn(7)[0]!.body).toMatch(/Not rescanned \(changed-only\): 20 targets/);
    expect(rep.summary).toMatch(/Not rescanned \(changed-only\): 20 targets/);
    expect(gh.fake.sarifs.size).toBe(0);
    // the same matrix in a workflow_run job (where it came from the untrusted run) publishes nothing
    gh.fake.checkRuns.clear();
    const wr = await runAction({ workspace: repo.dir, apiUrl: gh.fake.url, event: 'workflow_run', payload: { workflow_run: { head_sha: HEAD, pull_requests: [{ number: 7 }] }, repository: { full_name: 'acme/mcp-server' } }, inputs: { mode: 'report', 'artifact-dir': 'mcg-results', matrix: d.outputs['matrix']! } });
    expect(wr.code, explain(wr)).not.toBe(0);
    expect(wr.stdout).toMatch(/never from workflow_run/);
    expect(gh.fake.checkRuns.size).toBe(0);
  });
});
