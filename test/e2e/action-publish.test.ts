/**
 * End to end: the bundled action under Node 24, real GITHUB_ and INPUT_ environment variables and event
 * payloads, against the fake GitHub whose every request and response is checked against GitHub's
 * OpenAPI description. Static scans only (build: false): no Docker needed.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, useFakeGitHub, type ActionRun } from '../support/action-run.js';
import { sarifErrors } from '../support/sarif-schema.js';
import { PUBLISH_FAILING_DOCKERFILE } from '../support/e2e-dockerfiles.js';

const HEAD = '1'.repeat(40);
const BASE = '2'.repeat(40);

const FAILING = PUBLISH_FAILING_DOCKERFILE;
const PASSING = [
  'FROM node:22-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci --omit=dev',
  'COPY src/ ./src/',
  'USER node',
  'HEALTHCHECK CMD ["node","healthcheck.js"]',
  'CMD ["node","src/server.js"]',
  '',
].join('\n');

function workspace(dockerfile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-ws-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

function prPayload(headRepo: string, number = 7): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: HEAD, ref: 'feature', repo: { full_name: headRepo } },
      base: { sha: BASE, ref: 'main', repo: { full_name: 'acme/mcp-server' } },
    },
    repository: { full_name: 'acme/mcp-server' },
  };
}

const STATIC = { build: 'false' };

const gh = useFakeGitHub();

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-2000)}`;
}

function uploadedSarif(): { log: unknown; commit: string; ref: string } {
  const s = [...gh.fake.sarifs.values()];
  expect(s).toHaveLength(1);
  return { log: s[0]!.sarif, commit: s[0]!.commit_sha, ref: s[0]!.ref };
}

describe('same-repository pull request', () => {
  it('failing policy: check run failure with ≤50-annotation batches, one comment, schema-valid SARIF, outputs, exit 1', async () => {
    const ws = workspace(FAILING);
    const r = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: STATIC, env: { GITHUB_REF: 'refs/pull/7/merge' } });
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs['result']).toBe('fail');
    expect(Number(r.outputs['total'])).toBeGreaterThan(60);
    expect(Number(r.outputs['high'])).toBeGreaterThanOrEqual(61);
    expect(r.outputs['sarif-file']).toBe('mcg-results/mcg.sarif');
    expect(existsSync(join(ws, 'mcg-results', 'mcg.sarif'))).toBe(true);
    expect(existsSync(join(ws, 'mcg-results', 'mcg-report.json'))).toBe(true);

    // check run: on the PR head, in progress → completed failure, annotations batched
    const runs = [...gh.fake.checkRuns.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'MCP Container Guard', head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(runs[0]!.annotations.length).toBe(Number(r.outputs['total'])); // nothing suppressed: every finding annotated
    expect(runs[0]!.annotations.length).toBeGreaterThan(50);
    const checkCalls = gh.fake.requests.filter((q) => q.operationId.startsWith('checks/'));
    expect((checkCalls[0]!.body as { status: string }).status).toBe('in_progress');
    for (const c of checkCalls) expect(((c.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length).toBeLessThanOrEqual(50);
    expect(checkCalls.filter((c) => ((c.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length > 0).length).toBeGreaterThanOrEqual(2);
    expect(r.outputs['check-run-url']).toContain('/runs/');

    // comment
    const comments = gh.fake.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('MCP Container Guard');
    expect(r.outputs['comment-url']).toContain('issuecomment');

    // SARIF: decodes to schema-valid SARIF 2.1.0 with our fingerprints, for the PR head
    const up = uploadedSarif();
    expect(up.commit).toBe(HEAD);
    expect(up.ref).toBe('refs/pull/7/head');
    expect(sarifErrors(up.log)).toEqual([]);
    const results = (up.log as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs.flatMap((x) => x.results);
    expect(results.every((x) => /^[0-9a-f]+$/.test(x.partialFingerprints['mcg/v1'] ?? ''))).toBe(true);
    expect(up.log).toEqual(JSON.parse(readFileSync(join(ws, 'mcg-results', 'mcg.sarif'), 'utf8')));

    // summary and workflow-command annotations
    expect(r.summary).toContain('MCP Container Guard');
    expect(r.stdout).toMatch(/^::error file=Dockerfile,line=\d+/m);
    expect(r.stdout).not.toContain('abc1'); // no secret value anywhere in the log
    expect(r.summary).not.toMatch(/abc\d/);
  });

  it('workflow-command annotations go to the lines the PR changed first', async () => {
    // 61 high findings tie on newness and severity: the diff decides which 10 errors GitHub shows
    gh.fake.prFiles.set(7, [{ filename: 'Dockerfile', status: 'modified', additions: 12, patch: `@@ -50,1 +50,12 @@\n${Array.from({ length: 12 }, (_, i) => `+ENV API_TOKEN_${i + 49}=x`).join('\n')}` }]);
    const r = await runAction({ workspace: workspace(FAILING), apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...STATIC, 'check-run': 'false', comment: 'never', 'upload-sarif': 'false' } });
    expect(r.code, explain(r)).toBe(1);
    const errorLines = [...r.stdout.matchAll(/^::error file=Dockerfile,line=(\d+)/gm)].map((m) => Number(m[1]));
    expect(errorLines).toHaveLength(10);
    for (const l of errorLines) expect(l).toBeGreaterThanOrEqual(50);
    expect(gh.fake.requests.some((q) => q.operationId === 'pulls/list-files' && q.query['per_page'] === '100')).toBe(true);
  });

  it('exactly one comment after 5 reruns', async () => {
    const ws = workspace(FAILING);
    for (let i = 0; i < 5; i++) {
      const r = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...STATIC, 'check-run': 'false', 'upload-sarif': 'false' } });
      expect(r.code, explain(r)).toBe(1);
    }
    expect(gh.fake.commentsOn(7)).toHaveLength(1);
    expect(gh.fake.requests.filter((q) => q.operationId === 'issues/create-comment')).toHaveLength(1);
  });

  it('passing policy: success conclusion, exit 0', async () => {
    const r = await runAction({ workspace: workspace(PASSING), apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: STATIC });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs['result']).toBe('pass');
    expect([...gh.fake.checkRuns.values()][0]).toMatchObject({ conclusion: 'success', status: 'completed' });
  });

  it('compose files are checked too (manifests: true), and not with manifests: false', async () => {
    const ws = workspace(PASSING);
    writeFileSync(join(ws, 'docker-compose.yml'), 'services:\n  mcp:\n    image: acme/mcp:1.0\n    privileged: true\n');
    const r = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...STATIC, comment: 'never', 'upload-sarif': 'false' } });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toMatch(/^::error file=docker-compose\.yml,line=4,.*MCG101/m);
    expect([...gh.fake.checkRuns.values()][0]!.annotations.some((a) => a['path'] === 'docker-compose.yml')).toBe(true);
    const off = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...STATIC, manifests: 'false', comment: 'never', 'upload-sarif': 'false', 'check-run': 'false' } });
    expect(off.code, explain(off)).toBe(0);
  });

  it('a run that checked no file fails the step, saying so; allow-empty: true accepts it', async () => {
    const ws = workspace(PASSING);
    rmSync(join(ws, 'Dockerfile'));
    writeFileSync(join(ws, 'README.txt'), 'nothing to check here\n');
    const quiet = { ...STATIC, comment: 'never', 'upload-sarif': 'false', 'check-run': 'false' };
    const r = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: quiet });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toMatch(/::error::no file was checked/);
    expect(r.outputs['result']).toBe('error');
    const ok = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...quiet, 'allow-empty': 'true' } });
    expect(ok.code, explain(ok)).toBe(0);
    expect(ok.outputs['result']).toBe('pass');
  });

  it('a run that checked no file: the check run, the result output and the summary say so too (one verdict, issue #16)', async () => {
    const ws = workspace(PASSING);
    rmSync(join(ws, 'Dockerfile'));
    const r = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...STATIC, comment: 'never', 'upload-sarif': 'false' } });
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs['result']).toBe('error');
    const runs = [...gh.fake.checkRuns.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(String(runs[0]!.output.title)).toMatch(/^no file was checked/);
    expect(r.summary).toMatch(/\*\*Error\*\*: no file was checked/);
    const ok = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...STATIC, comment: 'never', 'upload-sarif': 'false', 'allow-empty': 'true' } });
    expect(ok.code, explain(ok)).toBe(0);
    expect([...gh.fake.checkRuns.values()].map((c) => c.conclusion)).toEqual(['failure', 'success']);
  });

  it('every phase is a collapsible group of the job log, each closed', async () => {
    const r = await runAction({ workspace: workspace(FAILING), apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: STATIC });
    expect(r.code, explain(r)).toBe(1);
    const groups = [...r.stdout.matchAll(/^::group::(.*)$/gm)].map((g) => g[1]);
    expect(groups).toEqual(['Inputs and context', 'Baseline', 'Scan', 'Result files', 'Job summary', 'SBOM', 'Annotations', 'Check run', 'Pull request comment', 'Code scanning', 'Dependency snapshot']);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::group::') || l === '::endgroup::');
    expect(lines.every((l, i) => (i % 2 === 0 ? l.startsWith('::group::') : l === '::endgroup::'))).toBe(true);
    // the verdict is printed after the last group, where it is seen without expanding anything
    expect(r.stdout.lastIndexOf('::error::')).toBeGreaterThan(r.stdout.lastIndexOf('::endgroup::'));
  });

  it('fail-on: never → neutral conclusion when findings would fail, exit 0', async () => {
    const r = await runAction({ workspace: workspace(FAILING), apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { ...STATIC, 'fail-on': 'never' } });
    expect(r.code, explain(r)).toBe(0);
    expect([...gh.fake.checkRuns.values()][0]!.conclusion).toBe('neutral');
  });
});

describe('fork pull request', () => {
  it('makes zero write calls, keeps annotations and writes the artifact for mode: report', async () => {
    const ws = workspace(FAILING);
    const r = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('mallory/mcp-server'), inputs: STATIC });
    expect(r.code, explain(r)).toBe(1);
    expect(gh.fake.writes()).toEqual([]);
    expect(r.stdout).toMatch(/fork/);
    expect(r.stdout).toMatch(/^::error file=Dockerfile/m);
    const meta = JSON.parse(readFileSync(join(ws, 'mcg-results', 'mcg-meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ pr: 7, headSha: HEAD, baseRef: 'main', repository: 'acme/mcp-server' });

    // then the workflow_run job publishes it; the artifact's SARIF is never read (the report job
    // writes its own from the report JSON), so a fork's forged SARIF reaches nothing
    writeFileSync(join(ws, 'mcg-results', 'mcg.sarif'), '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"forged"}},"results":[]}]}');
    gh.fake.pulls.set(7, { headSha: HEAD, baseRef: 'main', headRepo: 'mallory/mcp-server' });
    const before = gh.fake.requests.length;
    const rep = await runAction({
      workspace: ws,
      apiUrl: gh.fake.url,
      event: 'workflow_run',
      payload: { action: 'completed', workflow_run: { head_sha: HEAD, event: 'pull_request', conclusion: 'failure', pull_requests: [] } },
      inputs: { mode: 'report' },
    });
    expect(rep.code, explain(rep)).toBe(1);
    expect(gh.fake.requests.length).toBeGreaterThan(before);
    expect([...gh.fake.checkRuns.values()][0]).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
    expect(gh.fake.commentsOn(7)).toHaveLength(1);
    const up = uploadedSarif();
    expect(up).toMatchObject({ commit: HEAD, ref: 'refs/pull/7/head' });
    expect(sarifErrors(up.log)).toEqual([]);
    expect(JSON.stringify(up.log)).not.toContain('forged');
    expect((up.log as { runs: { results: unknown[] }[] }).runs.flatMap((x) => x.results).length).toBeGreaterThan(0);
  });

  it('mode: report refuses an artifact whose commit is not the workflow run\'s', async () => {
    const ws = workspace(FAILING);
    await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('mallory/mcp-server'), inputs: { ...STATIC, mode: 'scan' } });
    const rep = await runAction({
      workspace: ws,
      apiUrl: gh.fake.url,
      event: 'workflow_run',
      payload: { workflow_run: { head_sha: '9'.repeat(40), pull_requests: [] } },
      inputs: { mode: 'report' },
    });
    expect(rep.code).toBe(1);
    expect(rep.stdout).toMatch(/refusing to publish/);
    const otherPr = await runAction({
      workspace: ws,
      apiUrl: gh.fake.url,
      event: 'workflow_run',
      payload: { workflow_run: { head_sha: HEAD, pull_requests: [{ number: 8 }] } },
      inputs: { mode: 'report' },
    });
    expect(otherPr.code).toBe(1);
    expect(otherPr.stdout).toMatch(/belongs to #8; refusing to publish/);
    expect(gh.fake.writes()).toEqual([]);
  });

  it('mode: report refuses a tampered report (schema) and paths outside the workspace', async () => {
    const ws = workspace(FAILING);
    await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('mallory/mcp-server'), inputs: { ...STATIC, mode: 'scan' } });
    const rp = join(ws, 'mcg-results', 'mcg-report.json');
    const report = JSON.parse(readFileSync(rp, 'utf8')) as { findings: { location: { path: string } }[] };
    report.findings[0]!.location.path = '../../etc/passwd';
    writeFileSync(rp, JSON.stringify(report));
    gh.fake.pulls.set(7, { headSha: HEAD, baseRef: 'main', headRepo: 'mallory/mcp-server' });
    const rep = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'workflow_run', payload: { workflow_run: { head_sha: HEAD, pull_requests: [] } }, inputs: { mode: 'report' } });
    expect(rep.code, explain(rep)).toBe(1);
    expect(rep.stdout).toMatch(/does not match its schema/);
    // one artifact (the single layout): its unreadable report is MCG990 for that target, published
    // like any other result, not a step that dies with nothing on the pull request (issue #18)
    const runs = [...gh.fake.checkRuns.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
    expect(rep.outputs['result']).toBe('fail');
    expect(rep.outputs['critical']).toBe('1');
    const log = uploadedSarif().log as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs.flatMap((x) => x.results);
    expect(results.map((x) => x.ruleId)).toEqual(['MCG990']);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('mcg-results');
    expect(results[0]!.message.text).toMatch(/could not be used .*does not match its schema/);
    expect(gh.fake.commentsOn(7)).toHaveLength(1);
    gh.fake.checkRuns.clear();
    gh.fake.sarifs.clear();
    const before = gh.fake.writes().length;
    const out = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'workflow_run', payload: { workflow_run: { head_sha: HEAD, pull_requests: [] } }, inputs: { mode: 'report', 'artifact-dir': '../elsewhere' } });
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/outside the workspace/);
    expect(gh.fake.writes()).toHaveLength(before);
  });

  it('mode: report, one artifact whose metadata cannot be read: nothing to publish on, the step fails naming it', async () => {
    const ws = workspace(FAILING);
    await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('mallory/mcp-server'), inputs: { ...STATIC, mode: 'scan' } });
    writeFileSync(join(ws, 'mcg-results', 'mcg-meta.json'), '{"schema": "mcg-artifact/v1"');
    const rep = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'workflow_run', payload: { workflow_run: { head_sha: HEAD, pull_requests: [] } }, inputs: { mode: 'report' } });
    expect(rep.code, explain(rep)).toBe(1);
    expect(rep.stdout).toMatch(/::error::mcg-meta\.json is not JSON/);
    expect(gh.fake.writes()).toEqual([]);
  });

  it('Dependabot: zero write calls', async () => {
    const r = await runAction({ workspace: workspace(PASSING), apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: STATIC, env: { GITHUB_ACTOR: 'dependabot[bot]' } });
    expect(r.code, explain(r)).toBe(0);
    expect(gh.fake.writes()).toEqual([]);
  });
});

describe('push and baseline', () => {
  it('push to main: no comment, SARIF for refs/heads/main; findings known on the base are not new', async () => {
    const ws = workspace(FAILING);
    // first run: everything new → fail; its SARIF becomes the base branch's analysis
    const first = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'push', payload: { ref: 'refs/heads/main', after: 'f'.repeat(40) }, inputs: STATIC });
    expect(first.code, explain(first)).toBe(1);
    expect(gh.fake.comments).toHaveLength(0);
    const up = uploadedSarif();
    expect(up).toMatchObject({ commit: 'f'.repeat(40), ref: 'refs/heads/main' });
    gh.fake.analyses.push({ id: 77, ref: 'refs/heads/main', tool: 'MCP Container Guard', category: 'mcg/Dockerfile/', created_at: '2026-01-01T00:00:00Z', commit_sha: 'f'.repeat(40), sarif: up.log });

    // a PR against main with the same findings: nothing new → pass
    const pr = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: STATIC });
    expect(pr.code, explain(pr)).toBe(0);
    expect(pr.outputs['new']).toBe('0');
    expect(gh.fake.requests.some((q) => q.operationId === 'code-scanning/get-analysis' && q.path.endsWith('/77'))).toBe(true);
    expect(gh.fake.requests.some((q) => q.operationId === 'code-scanning/list-alerts-for-repo' && q.query['state'] === 'open' && q.query['ref'] === 'refs/heads/main')).toBe(true);
  });

  it('baseline input: a report JSON from an earlier run', async () => {
    const ws = workspace(FAILING);
    const first = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { ...STATIC, 'check-run': 'false', 'upload-sarif': 'false' } });
    expect(first.code).toBe(1);
    writeFileSync(join(ws, 'baseline.json'), readFileSync(join(ws, 'mcg-results', 'mcg-report.json')));
    const second = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { ...STATIC, baseline: 'baseline.json', 'check-run': 'false', 'upload-sarif': 'false' } });
    expect(second.code, explain(second)).toBe(0);
    expect(second.outputs['new']).toBe('0');
  });
});

describe('GitHub failures', () => {
  const pr = (): Parameters<typeof runAction>[0] => ({ workspace: workspace(PASSING), apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: STATIC });

  it('403 on the check run: a warning naming checks: write; a passing policy stays passing', async () => {
    gh.fake.fail({ operationId: 'checks/create', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const r = await runAction(pr());
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/::warning::.*checks: write/);
  });

  it('a failing policy stays failing when every write fails', async () => {
    for (const op of ['checks/create', 'issues/list-comments', 'code-scanning/upload-sarif']) gh.fake.fail({ operationId: op, status: 500, times: Infinity });
    const r = await runAction({ ...pr(), workspace: workspace(FAILING) });
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs['result']).toBe('fail');
    expect(r.stdout).toMatch(/answered 500/);
  });

  it('500 on an explicitly requested comment fails a passing run (no duplicate on the way)', async () => {
    gh.fake.fail({ operationId: 'issues/create-comment', status: 500, times: Infinity });
    const r = await runAction({ ...pr(), inputs: { ...STATIC, comment: 'always' } });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toMatch(/publishing failed/);
    // a create is never blindly retried: once, then again only after checking it did not land
    expect(gh.fake.requests.filter((q) => q.operationId === 'issues/create-comment').length).toBe(2);
    expect(gh.fake.comments).toHaveLength(0);
  });

  it('422 carries GitHub\'s message', async () => {
    gh.fake.fail({ operationId: 'issues/create-comment', status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], documentation_url: 'https://docs.github.com/rest' } });
    const r = await runAction(pr());
    expect(r.stdout).toContain('body is too long');
  });

  it('404 on the pull request is explained', async () => {
    gh.fake.fail({ operationId: 'issues/list-comments', status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    const r = await runAction(pr());
    expect(r.stdout).toMatch(/not found \(404/);
  });

  it('code scanning not enabled: a warning, the SARIF stays as a file, exit by policy', async () => {
    gh.fake.codeScanningEnabled = false;
    const p = pr();
    const r = await runAction(p);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/::warning::.*code scanning is not enabled/);
    expect(existsSync(join(p.workspace, 'mcg-results', 'mcg.sarif'))).toBe(true);
  });

  it('processing failed: the step fails with GitHub\'s errors', async () => {
    await gh.restart({ sarifFinal: 'failed', sarifErrors: ['rejecting SARIF, as there are more runs than allowed (21 > 20)'] });
    const r = await runAction(pr());
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toContain('more runs than allowed');
  });

  it('secondary rate limit: waits Retry-After and goes on', async () => {
    gh.fake.fail({ operationId: 'checks/create', status: 403, headers: { 'retry-after': '2' }, body: { message: 'You have exceeded a secondary rate limit', documentation_url: 'https://docs.github.com/rest' } });
    const r = await runAction(pr());
    expect(r.code, explain(r)).toBe(0);
    expect([...gh.fake.checkRuns.values()]).toHaveLength(1);
    expect(r.stdout).toMatch(/secondary rate limit/);
  });

  it('a bad input fails with the input named', async () => {
    const r = await runAction({ ...pr(), inputs: { ...STATIC, 'fail-on': 'sometimes' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Input "fail-on"/);
    expect(gh.fake.requests).toEqual([]);
  });
});

describe('reusable workflow: discover → one scan job per Dockerfile → one report', () => {
  function monorepo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-mono-'));
    for (const [name, text] of [
      ['alpha', FAILING],
      ['beta', PASSING],
      ['gamma', PASSING],
    ] as const) {
      mkdirSync(join(dir, 'servers', name), { recursive: true });
      writeFileSync(join(dir, 'servers', name, 'Dockerfile'), text);
    }
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'Dockerfile'), PASSING); // not selected by the glob
    return dir;
  }

  async function scanLegs(ws: string): Promise<{ matrix: string; entries: { target: string; dockerfile: string; context: string }[] }> {
    const d = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'pull_request', payload: prPayload('acme/mcp-server'), inputs: { mode: 'discover', dockerfile: 'servers/*/Dockerfile' } });
    expect(d.code, explain(d)).toBe(0);
    const matrix = d.outputs['matrix']!;
    const entries = (JSON.parse(matrix) as { include: { target: string; dockerfile: string; context: string }[] }).include;
    expect(entries).toEqual([
      { target: 'servers-alpha', dockerfile: 'servers/alpha/Dockerfile', context: 'servers/alpha' },
      { target: 'servers-beta', dockerfile: 'servers/beta/Dockerfile', context: 'servers/beta' },
      { target: 'servers-gamma', dockerfile: 'servers/gamma/Dockerfile', context: 'servers/gamma' },
    ]);
    expect(d.outputs['count']).toBe('3');
    for (const e of entries) {
      const r = await runAction({
        workspace: ws,
        apiUrl: gh.fake.url,
        event: 'pull_request',
        payload: prPayload('acme/mcp-server'),
        inputs: { ...STATIC, mode: 'scan', dockerfile: e.dockerfile, context: e.context, 'artifact-dir': `mcg-results/${e.target}`, category: 'mcg' },
      });
      expect(r.code, explain(r)).toBe(e.target === 'servers-alpha' ? 1 : 0);
    }
    expect(gh.fake.writes()).toEqual([]); // scan jobs write nothing to GitHub
    return { matrix, entries };
  }

  /** mode: report on pull request 7 over what the scan legs left in mcg-results/. */
  const reportMode = (ws: string, inputs: Record<string, string>): Promise<ActionRun> => {
    gh.fake.pulls.set(7, { headSha: HEAD, baseRef: 'main', headRepo: 'acme/mcp-server' });
    return runAction({
      workspace: ws,
      apiUrl: gh.fake.url,
      event: 'pull_request',
      payload: prPayload('acme/mcp-server'),
      inputs: { mode: 'report', 'artifact-dir': 'mcg-results', ...inputs },
      env: { GITHUB_REF: 'refs/pull/7/merge' },
    });
  };

  it('merges the artifacts: one check run, one SARIF upload with a category per Dockerfile, one comment per target', async () => {
    const ws = monorepo();
    const { matrix } = await scanLegs(ws);
    const rep = await reportMode(ws, { matrix, 'comment-mode': 'per-target' });
    expect(rep.code, explain(rep)).toBe(1);
    expect(rep.outputs['result']).toBe('fail');
    const runs = [...gh.fake.checkRuns.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'MCP Container Guard', head_sha: HEAD, conclusion: 'failure' });
    const up = uploadedSarif();
    expect(sarifErrors(up.log)).toEqual([]);
    const ids = (up.log as { runs: { automationDetails: { id: string } }[] }).runs.map((x) => x.automationDetails.id);
    expect(new Set(ids.map((i) => i.slice(0, i.lastIndexOf('/'))))).toEqual(new Set(['mcg/servers/alpha/Dockerfile', 'mcg/servers/beta/Dockerfile', 'mcg/servers/gamma/Dockerfile']));
    const comments = gh.fake.commentsOn(7);
    expect(comments).toHaveLength(3);
    expect(comments.filter((c) => c.body.includes('servers/alpha/Dockerfile'))).not.toHaveLength(0);
    expect(rep.stdout).not.toContain('abc1');
  });

  it('one combined comment, and a Dockerfile whose scan job left nothing fails closed', async () => {
    const ws = monorepo();
    const { matrix } = await scanLegs(ws);
    rmSync(join(ws, 'mcg-results', 'servers-alpha'), { recursive: true });
    const rep = await reportMode(ws, { matrix });
    expect(rep.code, explain(rep)).toBe(1);
    expect(rep.stdout).toMatch(/no scan results for servers\/alpha\/Dockerfile/);
    expect(gh.fake.commentsOn(7)).toHaveLength(1);
    expect(Number(rep.outputs['critical'])).toBe(1);
  });

  it('an unreadable artifact is MCG990 for its target; every other target is still published (issue #18)', async () => {
    const ws = monorepo();
    const { matrix } = await scanLegs(ws);
    writeFileSync(join(ws, 'mcg-results', 'servers-beta', 'mcg-report.json'), '{"schemaVersion": 1, "findings": [');
    writeFileSync(join(ws, 'mcg-results', 'servers-gamma', 'mcg-report.json'), JSON.stringify({ schemaVersion: 1, result: 'pass' }));
    for (const inputs of [{ matrix }, {}] as Record<string, string>[]) {
      gh.fake.checkRuns.clear();
      gh.fake.sarifs.clear();
      const rep = await reportMode(ws, inputs);
      expect(rep.code, explain(rep)).toBe(1);
      const runs = [...gh.fake.checkRuns.values()];
      expect(runs, 'the check run is still published').toHaveLength(1);
      expect(runs[0]).toMatchObject({ conclusion: 'failure' });
      const log = uploadedSarif().log as { runs: { automationDetails: { id: string }; results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      expect(sarifErrors(log)).toEqual([]);
      const results = log.runs.flatMap((r) => r.results);
      // alpha's own findings are published
      expect(results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'servers/alpha/Dockerfile' && r.ruleId.startsWith('MCG0'))).toBe(true);
      // beta and gamma: one MCG990 each, at the Dockerfile when the matrix names it, else the artifact directory
      const errs = results.filter((r) => r.ruleId === 'MCG990');
      const where = errs.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri).sort();
      expect(where).toEqual('matrix' in inputs ? ['servers/beta/Dockerfile', 'servers/gamma/Dockerfile'] : ['mcg-results/servers-beta', 'mcg-results/servers-gamma']);
      expect(errs.every((r) => /could not be used/.test(r.message.text))).toBe(true);
    }
  });
});
