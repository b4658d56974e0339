/** The GitHub I/O of the action against the fake GitHub (every request/response checked against GitHub's OpenAPI). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, GitHubApiError, type GitHubClient } from '../../../src/action/github.js';
import { publishCheckRun } from '../../../src/action/check-run.js';
import type { CheckRunAnnotation as CheckAnnotation } from '../../../src/reporters/check-run.js';
import { upsertComment } from '../../../src/action/comment.js';
import { codeScanningBaseline, uploadToCodeScanning } from '../../../src/action/code-scanning.js';
import { SarifProcessingError } from '../../../src/sarif/upload.js';
import { FakeGitHub } from '../../support/fake-github.js';
import type { Logger } from '../../../src/core/types.js';

const SHA = 'c'.repeat(40);
let fake: FakeGitHub;
let gh: GitHubClient;
let warnings: string[];
const logger: Logger = { debug: () => {}, info: () => {}, warning: (m) => warnings.push(m), error: (m) => warnings.push(m) };
const noSleep = async (): Promise<void> => {};

beforeEach(async () => {
  fake = await new FakeGitHub().start();
  warnings = [];
  gh = createClient('ghs_test', { apiUrl: fake.url, logger, secondMs: 1 });
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

function annotations(n: number): CheckAnnotation[] {
  return Array.from({ length: n }, (_, i) => ({ path: 'Dockerfile', start_line: i + 1, end_line: i + 1, annotation_level: 'failure', message: `m${i}`, title: 'MCG001' }));
}

const target = { owner: 'acme', repo: 'mcp-server', headSha: SHA, name: 'MCP Container Guard' };

describe('check run', () => {
  it('creates in_progress, appends annotations in batches of at most 50, completes with the conclusion', async () => {
    const res = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', text: 'x', annotations: annotations(120) }, conclusion: 'failure' }, { logger });
    const run = fake.checkRuns.get(res.id)!;
    expect(run).toMatchObject({ name: 'MCP Container Guard', head_sha: SHA, status: 'completed', conclusion: 'failure' });
    expect(run.annotations).toHaveLength(120);
    const calls = fake.requests.filter((r) => r.operationId.startsWith('checks/'));
    expect(calls.map((r) => r.operationId)).toEqual(['checks/create', 'checks/update', 'checks/update', 'checks/update', 'checks/update']);
    expect((calls[0]!.body as { status: string }).status).toBe('in_progress');
    for (const c of calls) expect(((c.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length).toBeLessThanOrEqual(50);
    expect(res.annotationsSent).toBe(120);
    expect(res.url).toContain('/runs/');
  });

  it('cuts an over-long summary to GitHub\'s 65,535 characters', async () => {
    const res = await publishCheckRun(gh, target, { output: { title: 't', summary: 'x'.repeat(70_000), annotations: [] }, conclusion: 'success' }, { logger });
    expect(fake.checkRuns.get(res.id)!.output.summary!.length).toBeLessThanOrEqual(65_535);
  });

  it('403 on create names the missing permission', async () => {
    fake.fail({ operationId: 'checks/create', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const e = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: [] }, conclusion: 'failure' }, { logger }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitHubApiError);
    expect((e as GitHubApiError).kind).toBe('permission');
    expect((e as Error).message).toContain('checks: write');
  });

  it('a failing annotation batch still completes the run with the policy\'s conclusion', async () => {
    fake.fail({ operationId: 'checks/update', status: 500, times: 4 }); // first batch: 1 try + 3 retries
    const e = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: annotations(60) }, conclusion: 'failure' }, { logger }).catch((x: unknown) => x);
    expect((e as GitHubApiError).kind).toBe('server');
    const run = [...fake.checkRuns.values()][0]!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('retries a 5xx on an update and succeeds', async () => {
    fake.fail({ operationId: 'checks/update', status: 502, times: 2 });
    const res = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: [] }, conclusion: 'success' }, { logger });
    expect(fake.checkRuns.get(res.id)!.conclusion).toBe('success');
    expect(fake.requests.filter((r) => r.operationId === 'checks/update').map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('a create that failed without landing is sent once more', async () => {
    fake.fail({ operationId: 'checks/create', status: 502 });
    const res = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: [] }, conclusion: 'success' }, { logger });
    expect(fake.checkRuns.get(res.id)!.conclusion).toBe('success');
    expect(fake.requests.filter((r) => r.operationId === 'checks/create').map((r) => r.status)).toEqual([502, 201]);
    expect(fake.checkRuns.size).toBe(1);
  });

  it('a create whose answer was lost is adopted, not duplicated (no orphan left in progress)', async () => {
    fake.fail({ operationId: 'checks/create', status: 504, landed: true });
    const res = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: annotations(3) }, conclusion: 'failure' }, { logger });
    expect(fake.checkRuns.size).toBe(1);
    expect(fake.checkRuns.get(res.id)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(fake.checkRuns.get(res.id)!.annotations).toHaveLength(3);
  });

  it('honours a secondary rate limit (Retry-After) and retries', async () => {
    fake.fail({
      operationId: 'checks/create',
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest' },
    });
    const res = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: [] }, conclusion: 'success' }, { logger });
    expect(res.id).toBeGreaterThan(0);
    expect(warnings.join('\n')).toMatch(/secondary rate limit/);
  });

  it('a hung request times out and is retried', async () => {
    gh = createClient('ghs_test', { apiUrl: fake.url, logger, secondMs: 1, requestTimeoutMs: 300 });
    fake.fail({ operationId: 'checks/create', status: 503, delayMs: 1000 });
    const res = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: [] }, conclusion: 'success' }, { logger });
    expect(fake.checkRuns.get(res.id)!.conclusion).toBe('success');
    expect(fake.requests.filter((r) => r.operationId === 'checks/create')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1200)); // let the hung handler finish: it must answer nothing
    expect(fake.requests.filter((r) => r.operationId === 'checks/create').map((r) => r.status)).toEqual([0, 201]);
  });

  it('gives up on a long rate limit with a clear message', async () => {
    fake.fail({ operationId: 'checks/create', status: 403, times: Infinity, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }, body: { message: 'API rate limit exceeded for installation.', documentation_url: 'https://docs.github.com/rest' } });
    const e = await publishCheckRun(gh, target, { output: { title: 't', summary: 's', annotations: [] }, conclusion: 'success' }, { logger }).catch((x: unknown) => x);
    expect((e as GitHubApiError).kind).toBe('rate-limit');
    expect(fake.requests.filter((r) => r.operationId === 'checks/create')).toHaveLength(1);
  });
});

describe('sticky comment', () => {
  const marker = '<!-- mcg:test -->';

  it('one comment after many reruns, found across pages (per_page 100)', async () => {
    for (let i = 0; i < 150; i++) fake.comments.push({ id: 10 + i, issue: 7, body: `chatter ${i}`, userType: 'User', login: 'alice' });
    const t = { owner: 'acme', repo: 'mcp-server', issueNumber: 7 };
    const first = await upsertComment(gh, t, marker, `${marker}\nrun 0`);
    expect(first.action).toBe('created');
    for (let i = 1; i <= 5; i++) {
      const r = await upsertComment(gh, t, marker, `${marker}\nrun ${i}`);
      expect(r.action).toBe('updated');
      expect(r.id).toBe(first.id);
    }
    expect(await upsertComment(gh, t, marker, `${marker}\nrun 5`)).toMatchObject({ action: 'unchanged' });
    const ours = fake.commentsOn(7).filter((c) => c.body.includes(marker));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toBe(`${marker}\nrun 5`);
    const lists = fake.requests.filter((r) => r.operationId === 'issues/list-comments');
    expect(lists.every((r) => r.query['per_page'] === '100')).toBe(true);
    expect(lists.some((r) => r.query['page'] === '2')).toBe(true);
  });

  it('a create whose answer was lost (502 after it landed) is not duplicated', async () => {
    fake.fail({ operationId: 'issues/create-comment', status: 502, landed: true });
    const t = { owner: 'acme', repo: 'mcp-server', issueNumber: 7 };
    const r = await upsertComment(gh, t, marker, `${marker}\nbody`);
    expect(r.action).toBe('created');
    expect(fake.commentsOn(7)).toHaveLength(1);
    expect(fake.requests.filter((q) => q.operationId === 'issues/create-comment')).toHaveLength(1);
  });

  it('a create that failed without landing is sent once more', async () => {
    fake.fail({ operationId: 'issues/create-comment', status: 503 });
    const r = await upsertComment(gh, { owner: 'acme', repo: 'mcp-server', issueNumber: 7 }, marker, `${marker}\nbody`);
    expect(r.action).toBe('created');
    expect(fake.commentsOn(7)).toHaveLength(1);
    expect(fake.requests.filter((q) => q.operationId === 'issues/create-comment').map((q) => q.status)).toEqual([503, 201]);
  });

  it('prefers the bot\'s comment over a human quoting the marker', async () => {
    fake.comments.push({ id: 1, issue: 7, body: `${marker} quoted by a person`, userType: 'User', login: 'bob' });
    fake.comments.push({ id: 2, issue: 7, body: `${marker} old`, userType: 'Bot', login: 'github-actions[bot]' });
    const r = await upsertComment(gh, { owner: 'acme', repo: 'mcp-server', issueNumber: 7 }, marker, `${marker} new`);
    expect(r).toMatchObject({ id: 2, action: 'updated' });
    expect(fake.comments.find((c) => c.id === 1)!.body).toBe(`${marker} quoted by a person`);
  });

  it('404 on the pull request is explained', async () => {
    fake.fail({ operationId: 'issues/list-comments', status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    const e = await upsertComment(gh, { owner: 'acme', repo: 'mcp-server', issueNumber: 7 }, marker, marker).catch((x: unknown) => x);
    expect((e as GitHubApiError).kind).toBe('not-found');
    expect((e as Error).message).toMatch(/404/);
  });

  it('422 carries GitHub\'s message', async () => {
    fake.fail({ operationId: 'issues/create-comment', status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long' }], documentation_url: 'https://docs.github.com/rest' } });
    const e = await upsertComment(gh, { owner: 'acme', repo: 'mcp-server', issueNumber: 7 }, marker, marker).catch((x: unknown) => x);
    expect((e as GitHubApiError).kind).toBe('invalid');
    expect((e as Error).message).toContain('body is too long');
  });
});

describe('code scanning', () => {
  const sarif = JSON.stringify({ version: '2.1.0', runs: [] });

  it('uploads gzip+base64 with commit and ref, then polls to completion', async () => {
    const out = await uploadToCodeScanning(gh, { owner: 'acme', repo: 'mcp-server' }, sarif, { upload: { commitSha: SHA, ref: 'refs/pull/7/head', toolName: 'MCP Container Guard', unitMs: 1 }, logger, sleep: noSleep });
    expect(out.status).toBe('complete');
    const s = [...fake.sarifs.values()][0]!;
    expect(s).toMatchObject({ commit_sha: SHA, ref: 'refs/pull/7/head', tool_name: 'MCP Container Guard', sarif: JSON.parse(sarif) });
    const req = fake.requests.find((r) => r.operationId === 'code-scanning/upload-sarif')!;
    expect(req.body).not.toHaveProperty('checkout_uri');
  });

  it('processing failed → GitHub\'s errors', async () => {
    await fake.close();
    fake = await new FakeGitHub({ sarifFinal: 'failed', sarifErrors: ['rejecting SARIF, as there are more runs than allowed (21 > 20)'] }).start();
    gh = createClient('ghs_test', { apiUrl: fake.url, logger, secondMs: 1 });
    const e = await uploadToCodeScanning(gh, { owner: 'acme', repo: 'mcp-server' }, sarif, { upload: { commitSha: SHA, ref: 'refs/heads/main', toolName: 't', unitMs: 1 }, logger, sleep: noSleep }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SarifProcessingError);
    expect((e as Error).message).toContain('more runs than allowed');
  });

  it('code scanning not enabled (403) is reported as such', async () => {
    fake.codeScanningEnabled = false;
    const e = await uploadToCodeScanning(gh, { owner: 'acme', repo: 'mcp-server' }, sarif, { upload: { commitSha: SHA, ref: 'refs/heads/main', toolName: 't', unitMs: 1 }, logger, sleep: noSleep }).catch((x: unknown) => x);
    expect((e as GitHubApiError).kind).toBe('not-enabled');
    expect((e as Error).message).toMatch(/not enabled/);
  });

  it('reads the baseline from the newest analysis per tool and category, as SARIF', async () => {
    const log = (fps: string[]): unknown => ({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'MCP Container Guard' } }, results: fps.map((f) => ({ ruleId: 'MCG001', message: { text: 'm' }, partialFingerprints: { 'mcg/v1': f }, locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' } } }] })) }],
    });
    const fp = (c: string): string => c.repeat(32);
    fake.analyses.push(
      { id: 1, ref: 'refs/heads/main', tool: 'MCP Container Guard', category: 'mcg/Dockerfile/', created_at: '2026-01-01T00:00:00Z', commit_sha: SHA, sarif: log([fp('a')]) },
      { id: 2, ref: 'refs/heads/main', tool: 'MCP Container Guard', category: 'mcg/Dockerfile/', created_at: '2026-01-02T00:00:00Z', commit_sha: SHA, sarif: log([fp('b')]) },
      { id: 3, ref: 'refs/heads/main', tool: 'Trivy', category: 'mcg/Dockerfile/', created_at: '2026-01-01T00:00:00Z', commit_sha: SHA, sarif: log([fp('c')]) },
      { id: 4, ref: 'refs/heads/other', tool: 'MCP Container Guard', category: 'mcg/Dockerfile/', created_at: '2026-01-03T00:00:00Z', commit_sha: SHA, sarif: log([fp('d')]) },
    );
    for (let i = 0; i < 120; i++) fake.alerts.push({ number: i + 1, ref: 'refs/heads/main', tool: 'MCP Container Guard', state: 'open', ruleId: 'MCG001', path: 'Dockerfile', line: 1 });
    const b = await codeScanningBaseline(gh, { owner: 'acme', repo: 'mcp-server' }, 'refs/heads/main', logger);
    expect(b).toBeDefined();
    expect([...b!.baseline.fingerprints].sort()).toEqual([fp('b'), fp('c')]);
    expect(b!.baseline.source).toBe('code-scanning');
    expect(b!.openAlerts).toBe(120);
    const got = fake.requests.filter((r) => r.operationId === 'code-scanning/get-analysis').map((r) => r.path);
    expect(got.sort()).toEqual(['/repos/acme/mcp-server/code-scanning/analyses/2', '/repos/acme/mcp-server/code-scanning/analyses/3']);
  });

  it('no analyses: no baseline', async () => {
    expect(await codeScanningBaseline(gh, { owner: 'acme', repo: 'mcp-server' }, 'refs/heads/main', logger)).toBeUndefined();
  });
});
