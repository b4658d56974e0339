/**
 * Secret hygiene end to end ("Prove it", part 4). Fake credentials for eight TruffleHog detectors
 * (each checked to be really reported by the rig's TruffleHog) are planted in an image layer
 * (COPY of a file), in the build context only (.dockerignore'd), in ENV lines and in a build
 * argument. The image is really built; Trivy and TruffleHog really run. No raw value may reach any
 * output: through the CLI bundle (table stdout, stderr with debug logs, SARIF, report JSON,
 * markdown) and through the action bundle under Node 24 with build: true (stdout/stderr logs,
 * outputs, job summary, and everything sent to the fake GitHub: check run, comment, SARIF upload).
 * The action masks what TruffleHog found (`::add-mask::`), the one place a raw value may appear.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { sarifErrors } from '../support/sarif-schema.js';
import { privateTrivyCache } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { cliBundle, runCli, type CliRun } from '../support/cli-run.js';
import { fakeSecrets, secretNeedles } from '../support/fake-secrets.js';
import { FakeGitHub } from '../support/fake-github.js';
import { actionBundle, runAction, type ActionRun } from '../support/action-run.js';
import { node24 } from '../support/node24.js';
import { hygieneDockerfile } from '../support/e2e-dockerfiles.js';

const S = fakeSecrets(4242);
const base = mkdtempSync(join(tmpdir(), 'mcg-hygiene-'));
const ws = join(base, 'ws');
const out = join(base, 'out');
const DOCKERFILE = hygieneDockerfile(S);

/** Every planted value and what it is (for failure messages). */
const planted: [string, string][] = [
  ['GitHub token (image layer)', S.github],
  ['AWS key id (image layer)', S.awsKeyId],
  ['AWS secret (image layer)', S.awsSecret],
  ['GitLab token (image layer)', S.gitlab],
  ['private key (image layer)', S.privateKeyPem],
  ['Stripe key (ENV)', S.stripe],
  ['Slack webhook (ENV)', S.slackWebhook],
  ['SendGrid key (build context only)', S.sendgrid],
  ['npm token (build argument)', S.npm],
];

function leaks(name: string, text: string): string[] {
  const found: string[] = [];
  for (const [what, value] of planted) for (const n of secretNeedles(value)) if (text.includes(n)) found.push(`${name}: ${what}`);
  return [...new Set(found)];
}

let env: Record<string, string>;
let cli: CliRun;
let cliMd: CliRun;

beforeAll(async () => {
  env = { ...rigEnv(), MCG_TRIVY_CACHE_DIR: privateTrivyCache(), NO_COLOR: '1' };
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'DOCKER_HOST']) rigValue(k);
  mkdirSync(ws);
  mkdirSync(out);
  writeFileSync(join(ws, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(ws, 'creds.txt'), [`GITHUB_TOKEN=${S.github}`, `AWS_ACCESS_KEY_ID=${S.awsKeyId}`, `AWS_SECRET_ACCESS_KEY=${S.awsSecret}`, `GITLAB_TOKEN=${S.gitlab}`, ''].join('\n'));
  writeFileSync(join(ws, 'key.pem'), S.privateKeyPem);
  writeFileSync(join(ws, 'deploy.env'), `SENDGRID_API_KEY=${S.sendgrid}\n`);
  writeFileSync(join(ws, '.dockerignore'), 'deploy.env\n');
  cliBundle();
  // the scan: table on stdout, debug logs on stderr, SARIF and report JSON beside
  cli = await runCli(
    ['scan', ws, '--build-arg', `NPM_TOKEN=${S.npm}`, '--sarif', join(out, 'r.sarif'), '--report-json', join(out, 'r.json'), '--offline', '--fail-on', 'any'],
    { cwd: base, env: { ...env, MCG_DEBUG: '1' }, timeoutMs: 600_000 },
  );
  cliMd = await runCli(['scan', ws, '--build-arg', `NPM_TOKEN=${S.npm}`, '--format', 'markdown', '--output', join(out, 'r.md'), '--offline'], {
    cwd: base,
    env,
    timeoutMs: 600_000,
  });
}, 900_000);

describe('the planted secrets are real TruffleHog hits', () => {
  it('the rig TruffleHog reports each detector on the workspace (offline, unverified)', () => {
    const r = spawnSync(rigValue('MCG_TRUFFLEHOG'), ['filesystem', ws, '--json', '--no-update', '--no-verification'], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const detectors = new Set(r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { DetectorName: string }).DetectorName));
    for (const d of ['Github', 'AWS', 'Gitlab', 'PrivateKey', 'Stripe', 'SlackWebhook', 'SendGrid']) expect(detectors, d).toContain(d);
  }, 300_000);
});

describe('through the CLI bundle (build, Trivy, TruffleHog for real)', () => {
  it('reports the secrets from every place they were planted, schema-valid, failing the policy', () => {
    expect(cli.code, cli.stderr.slice(-3000)).toBe(1);
    const log = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')) as Log;
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs.flatMap((r) => (r.results ?? []).map((x) => ({ id: x.ruleId ?? '', uri: x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '', line: x.locations?.[0]?.physicalLocation?.region?.startLine })));
    const where = (id: string): string[] => results.filter((r) => r.id === id).map((r) => `${r.uri}:${r.line}`);
    // image layer (COPY on lines 5 and 6) and the same files in the context
    expect(where('trufflehog/Github')).toContain('Dockerfile:5');
    expect(where('trufflehog/PrivateKey')).toContain('Dockerfile:6');
    // build context only
    expect(where('trufflehog/SendGrid')).toContain('deploy.env:1');
    // ENV lines: MCG009 on the line, TruffleHog in the image history and in the Dockerfile itself
    expect(where('MCG009')).toEqual(expect.arrayContaining(['Dockerfile:3']));
    expect(where('trufflehog/Stripe').length).toBeGreaterThan(0);
    expect(where('trufflehog/SlackWebhook').length).toBeGreaterThan(0);
    // the build argument lands in the image history of the RUN that used it
    expect(where('trufflehog/NpmToken')).toContain('Dockerfile:7');
  });

  it('no raw value in stdout, stderr (debug), SARIF, report JSON or markdown', () => {
    expect(cliMd.code, cliMd.stderr.slice(-2000)).toBe(1);
    const outputs: [string, string][] = [
      ['stdout (table)', cli.stdout],
      ['stderr (debug)', cli.stderr],
      ['sarif', readFileSync(join(out, 'r.sarif'), 'utf8')],
      ['report.json', readFileSync(join(out, 'r.json'), 'utf8')],
      ['markdown', readFileSync(join(out, 'r.md'), 'utf8')],
      ['markdown run stdout/stderr', cliMd.stdout + cliMd.stderr],
    ];
    expect(cli.stdout).toMatch(/trufflehog\/Github/);
    expect(outputs.flatMap(([n, t]) => leaks(n, t))).toEqual([]);
  });
});

describe('through the action bundle (Node 24, build: true, fake GitHub)', () => {
  let fake: FakeGitHub;
  let run: ActionRun;
  beforeAll(async () => {
    node24();
    actionBundle();
    fake = await new FakeGitHub().start();
    const HEAD = '1'.repeat(40);
    run = await runAction({
      workspace: ws,
      apiUrl: fake.url,
      event: 'pull_request',
      payload: {
        action: 'synchronize',
        number: 9,
        pull_request: { number: 9, head: { sha: HEAD, ref: 'feature', repo: { full_name: 'acme/mcp-server' } }, base: { sha: '2'.repeat(40), ref: 'main', repo: { full_name: 'acme/mcp-server' } } },
        repository: { full_name: 'acme/mcp-server' },
      },
      inputs: { build: 'true', offline: 'true', 'build-args': `NPM_TOKEN=${S.npm}`, comment: 'always', 'fail-on': 'any' },
      env: {
        DOCKER_HOST: env['DOCKER_HOST']!,
        DOCKER_BUILDKIT: env['DOCKER_BUILDKIT'] ?? '1',
        MCG_TRIVY: env['MCG_TRIVY']!,
        MCG_TRUFFLEHOG: env['MCG_TRUFFLEHOG']!,
        MCG_TRIVY_CACHE_DIR: env['MCG_TRIVY_CACHE_DIR']!,
        RUNNER_DEBUG: '1',
      },
    });
  }, 600_000);
  afterAll(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  it('fails the policy and publishes the secret findings', () => {
    expect(run.code, `${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`).toBe(1);
    expect(run.outputs['result']).toBe('fail');
    expect(fake.comments).toHaveLength(1);
    expect([...fake.checkRuns.values()]).toHaveLength(1);
    expect(JSON.stringify([...fake.sarifs.values()])).toContain('trufflehog/NpmToken');
  });

  it('masks what TruffleHog found and the secret-named build argument (::add-mask::)', () => {
    const masked = run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
    for (const [what, v] of [['GitHub', S.github], ['Stripe', S.stripe], ['SendGrid', S.sendgrid], ['npm build arg', S.npm], ['GitLab', S.gitlab]] as const) {
      expect(masked, what).toContain(v);
    }
    // a multi-line key is masked line by line too (the runner masks per line)
    const keyLine = S.privateKeyPem.split('\n')[1]!;
    expect(masked).toContain(keyLine);
  });

  it('no raw value in the logs (outside ::add-mask::), outputs, summary or anything sent to GitHub', () => {
    const log = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const sent = JSON.stringify({ requests: fake.requests, checkRuns: [...fake.checkRuns.values()], comments: fake.comments, sarifs: [...fake.sarifs.values()] });
    const outputs: [string, string][] = [
      ['stdout', log],
      ['stderr', run.stderr],
      ['outputs', JSON.stringify(run.outputs)],
      ['summary', run.summary],
      ['sent to GitHub', sent],
    ];
    expect(run.summary).toMatch(/NpmToken|Npm/);
    expect(outputs.flatMap(([n, t]) => leaks(n, t))).toEqual([]);
  });
});
