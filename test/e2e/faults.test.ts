/**
 * Fault injection end to end ("Prove it", part 3): the CLI bundle as a real process with the real
 * pipeline, one scanner replaced (MCG_TRIVY / MCG_TRUFFLEHOG) by a small script that crashes,
 * hangs, exits non-zero, prints garbage or floods stdout; and a docker build whose RUN fails.
 * Each must fail closed (exit 2 naming the tool), keep the other scanner's and the Dockerfile
 * rules' findings in a schema-valid SARIF log, and finish within a bounded wall time.
 * One image tarball (built once, FROM python:3.12-slim so the fixture DB has CVEs for it) serves
 * every case but the failing build.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { sarifErrors } from '../support/sarif-schema.js';
import { privateTrivyCache } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { cliBundle, runCli, type CliRun } from '../support/cli-run.js';
import { fakeSecrets } from '../support/fake-secrets.js';
import { FakeGitHub } from '../support/fake-github.js';
import { actionBundle, runAction, useFakeGitHub, type ActionRun } from '../support/action-run.js';
import { node24 } from '../support/node24.js';
import { FAULTS_DOCKERFILE } from '../support/e2e-dockerfiles.js';

const DOCKERFILE = FAULTS_DOCKERFILE;
const token = fakeSecrets(9001).github;
const base = mkdtempSync(join(tmpdir(), 'mcg-faults-'));
const ws = join(base, 'ws');
const bin = join(base, 'bin');
const tar = join(base, 'image.tar');
let env: Record<string, string>;

/** A fake tool: answers `--version` like the pinned one (so resolution accepts it), then `body`. */
function fakeTool(name: string, version: string, body: string): string {
  const p = join(bin, name);
  writeFileSync(p, `#!/bin/sh\nfor a in "$@"; do [ "$a" = "--version" ] && { echo "Version: ${version}"; exit 0; }; done\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

beforeAll(() => {
  env = { ...rigEnv(), MCG_TRIVY_CACHE_DIR: privateTrivyCache(), NO_COLOR: '1' };
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'DOCKER_HOST']) rigValue(k);
  mkdirSync(ws);
  mkdirSync(bin);
  writeFileSync(join(ws, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(ws, 'app.txt'), 'hello\n');
  // a secret in the build context only (TruffleHog's context scan finds it)
  writeFileSync(join(ws, 'settings.env'), `GITHUB_TOKEN=${token}\n`);
  writeFileSync(join(ws, '.dockerignore'), 'settings.env\n');
  const tag = `mcg-faults/base:${process.pid}`;
  const b = spawnSync('docker', ['build', '-q', '-t', tag, ws], { env, encoding: 'utf8', timeout: 300_000 });
  expect(b.status, b.stderr).toBe(0);
  const s = spawnSync('docker', ['save', '-o', tar, tag], { env, encoding: 'utf8', timeout: 300_000 });
  expect(s.status, s.stderr).toBe(0);
  spawnSync('docker', ['rmi', tag], { env });
  cliBundle();
}, 600_000);

interface Outcome {
  run: CliRun;
  log: Log;
  results: { tool: string; id: string; message: string; line: number | undefined }[];
  report: { scanners: { name: string; status: string; reason?: string }[] };
}

let seq = 0;
async function scanWith(over: Record<string, string>, opts: { timeoutMinutes?: string; config?: string; dir?: string; tarball?: boolean; limitMs: number }): Promise<Outcome> {
  const out = join(base, `out-${++seq}`);
  mkdirSync(out);
  const args = ['scan', opts.dir ?? ws, '--format', 'table', '--sarif', join(out, 'r.sarif'), '--report-json', join(out, 'r.json'), '--offline'];
  if (opts.tarball !== false) args.push('--image-tar', tar);
  if (opts.timeoutMinutes) args.push('--timeout-minutes', opts.timeoutMinutes);
  if (opts.config) {
    // a config must live inside the scanned workspace
    const c = join(opts.dir ?? ws, `mcg-${seq}.yml`);
    writeFileSync(c, opts.config);
    args.push('--config', c);
  }
  const run = await runCli(args, { cwd: base, env: { ...env, ...over }, timeoutMs: opts.limitMs + 60_000 });
  expect(run.signal, `killed by the test's guard: ${run.stderr.slice(-2000)}`).toBeNull();
  const log = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')) as Log;
  const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as Outcome['report'];
  const results = log.runs.flatMap((r) =>
    (r.results ?? []).map((x) => ({ tool: r.tool.driver.name, id: x.ruleId ?? '', message: x.message.text ?? '', line: x.locations?.[0]?.physicalLocation?.region?.startLine })),
  );
  return { run, log, results, report };
}

function expectFailClosed(o: Outcome, tool: RegExp, limitMs: number): void {
  const why = `exit ${o.run.code}\n${o.run.stderr.slice(-3000)}`;
  expect(o.run.code, why).toBe(2);
  expect(o.run.ms, 'wall time').toBeLessThan(limitMs);
  expect(sarifErrors(o.log)).toEqual([]);
  const errs = o.results.filter((r) => r.id === 'MCG990');
  expect(errs.length, why).toBeGreaterThan(0);
  expect(errs.some((e) => tool.test(e.message)), JSON.stringify(errs)).toBe(true);
  // the table on stdout shows the error too, naming the tool
  expect(o.run.stdout).toMatch(tool);
  // the Dockerfile rules still ran
  expect(o.results.some((r) => r.id === 'MCG001')).toBe(true);
}

const hasTrivyFindings = (o: Outcome): boolean => o.results.some((r) => r.tool === 'Trivy' && /^CVE-2026-9100\d$/.test(r.id));
const hasSecretFinding = (o: Outcome): boolean => o.results.some((r) => r.tool === 'TruffleHog' && r.id === 'trufflehog/Github');

describe('Trivy faults (TruffleHog real)', () => {
  it('crash: exit 2 with stderr → MCG990 naming Trivy with its error; TruffleHog findings kept', async () => {
    const trivy = fakeTool('trivy-crash', '0.74.0', 'echo "FATAL panic: runtime error: index out of range" >&2; exit 2');
    const o = await scanWith({ MCG_TRIVY: trivy }, { limitMs: 240_000 });
    expectFailClosed(o, /Trivy/, 240_000);
    expect(o.results.find((r) => r.id === 'MCG990')!.message).toMatch(/exited with status 2.*index out of range/s);
    expect(hasSecretFinding(o)).toBe(true);
    expect(o.report.scanners.find((s) => s.name === 'trivy')?.status).toBe('failed');
  }, 300_000);

  it('hang: stopped at --timeout-minutes, exit 2, TruffleHog findings kept', async () => {
    const trivy = fakeTool('trivy-hang', '0.74.0', 'sleep 600');
    // 0.05 min = 3 s for Trivy; TruffleHog keeps its own generous timeout from the config
    const o = await scanWith({ MCG_TRIVY: trivy }, { timeoutMinutes: '0.05', config: 'scanners:\n  trufflehog:\n    timeout-minutes: 5\n', limitMs: 120_000 });
    expectFailClosed(o, /Trivy timed out after 3 s/, 120_000);
    expect(hasSecretFinding(o)).toBe(true);
  }, 300_000);

  it('garbage instead of JSON: exit 2 "not JSON", TruffleHog findings kept', async () => {
    const trivy = fakeTool('trivy-garbage', '0.74.0', 'echo "<html>502 Bad Gateway</html>"; exit 0');
    const o = await scanWith({ MCG_TRIVY: trivy }, { limitMs: 240_000 });
    expectFailClosed(o, /Trivy printed output that is not JSON/, 240_000);
    expect(hasSecretFinding(o)).toBe(true);
  }, 300_000);

  it('huge output (400 MB streamed): capped, stopped, exit 2, bounded time and memory', async () => {
    const trivy = fakeTool('trivy-flood', '0.74.0', 'yes "{\\"SchemaVersion\\": 2, \\"Results\\": []}" | head -c 400000000; exit 0');
    const o = await scanWith({ MCG_TRIVY: trivy }, { limitMs: 240_000 });
    expectFailClosed(o, /Trivy/, 240_000);
    expect(o.run.stderr + o.results.map((r) => r.message).join('\n')).toMatch(/output exceeded \d+ bytes/);
    expect(hasSecretFinding(o)).toBe(true);
  }, 300_000);
});

describe('TruffleHog faults (Trivy real)', () => {
  it('non-zero exit: MCG990 naming TruffleHog, Trivy CVEs kept', async () => {
    const th = fakeTool('th-exit', '3.97.0', 'echo "error: failed to scan: permission denied" >&2; exit 1');
    const o = await scanWith({ MCG_TRUFFLEHOG: th }, { limitMs: 240_000 });
    expectFailClosed(o, /TruffleHog/, 240_000);
    expect(o.results.filter((r) => r.id === 'MCG990').map((r) => r.message).join('\n')).toMatch(/exited with status 1.*permission denied/s);
    expect(hasTrivyFindings(o)).toBe(true);
  }, 300_000);

  it('hang: stopped at --timeout-minutes, Trivy CVEs kept', async () => {
    const th = fakeTool('th-hang', '3.97.0', 'sleep 600');
    const o = await scanWith({ MCG_TRUFFLEHOG: th }, { timeoutMinutes: '0.05', config: 'scanners:\n  trivy:\n    timeout-minutes: 5\n', limitMs: 120_000 });
    expectFailClosed(o, /TruffleHog \((image|build context)\) timed out/, 120_000);
    expect(hasTrivyFindings(o)).toBe(true);
  }, 300_000);

  it('garbage instead of JSON lines (exit 0): a failure, not a silent pass', async () => {
    const th = fakeTool('th-garbage', '3.97.0', 'echo "Segmentation fault (core dumped) -- not json"; echo "<<<>>>"; exit 0');
    const o = await scanWith({ MCG_TRUFFLEHOG: th }, { limitMs: 240_000 });
    expectFailClosed(o, /TruffleHog.*not JSON/, 240_000);
    expect(hasTrivyFindings(o)).toBe(true);
  }, 300_000);

  it('huge output (400 MB streamed, exit 0): capped, stopped, exit 2, bounded time and memory', async () => {
    const th = fakeTool('th-flood', '3.97.0', 'yes "not json at all" | head -c 400000000; exit 0');
    const o = await scanWith({ MCG_TRUFFLEHOG: th }, { limitMs: 240_000 });
    expectFailClosed(o, /TruffleHog/, 240_000);
    expect(hasTrivyFindings(o)).toBe(true);
  }, 300_000);
});

describe('docker build fault', () => {
  it('a RUN that exits 1: MCG990 on that RUN line, exit 2, Dockerfile rules kept', async () => {
    const dir = join(base, 'badbuild');
    mkdirSync(dir);
    writeFileSync(join(dir, 'Dockerfile'), ['FROM debian:bookworm-slim', 'WORKDIR /app', 'RUN echo "about to fail" && exit 1', 'CMD ["true"]', ''].join('\n'));
    const o = await scanWith({}, { dir, tarball: false, limitMs: 240_000 });
    expectFailClosed(o, /build failed/, 240_000);
    const err = o.results.find((r) => r.id === 'MCG990');
    expect(err?.line).toBe(3);
    expect(o.report.scanners.find((s) => s.name === 'docker')?.status).toBe('failed');
  }, 300_000);
});

/*
 * GitHub answering errors while the action publishes. Already covered in action-publish.test.ts
 * ("GitHub failures"): 403 on the check run with a passing policy, 500 on every write with a
 * failing policy, 500 on a requested comment, 422 with GitHub's message, 404 on the pull request,
 * code scanning disabled, SARIF processing failed, one secondary rate limit answered after
 * Retry-After. Added here: the same errors against a FAILING policy (it must never turn green),
 * errors that never stop (bounded, no hang), and the SARIF status poll failing.
 */
describe('GitHub faults while publishing (action bundle under Node 24)', () => {
  const FAILING = ['FROM node:22-slim', 'ENV API_TOKEN=abc123', 'CMD ["node","server.js"]', ''].join('\n');
  const gh = useFakeGitHub();
  const failingRun = async (): Promise<{ r: ActionRun; ms: number }> => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-ws-'));
    writeFileSync(join(dir, 'Dockerfile'), FAILING);
    const t0 = Date.now();
    const r = await runAction({
      workspace: dir,
      apiUrl: gh.fake.url,
      event: 'pull_request',
      payload: {
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, head: { sha: '1'.repeat(40), ref: 'feature', repo: { full_name: 'acme/mcp-server' } }, base: { sha: '2'.repeat(40), ref: 'main', repo: { full_name: 'acme/mcp-server' } } },
        repository: { full_name: 'acme/mcp-server' },
      },
      inputs: { build: 'false' },
    });
    return { r, ms: Date.now() - t0 };
  };
  const explain = (r: ActionRun): string => `exit ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-1000)}`;
  const err = (message: string): Record<string, string> => ({ message, documentation_url: 'https://docs.github.com/rest' });

  it('secondary rate limit that never lifts: bounded, named, the failing policy stays failing', async () => {
    gh.fake.fail({ operationId: 'checks/create', status: 403, headers: { 'retry-after': '1' }, body: err('You have exceeded a secondary rate limit'), times: Infinity });
    const { r, ms } = await failingRun();
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs['result']).toBe('fail');
    expect(r.stdout).toMatch(/secondary rate limit/);
    expect(ms).toBeLessThan(150_000);
  }, 200_000);

  it('5xx on every SARIF status poll: bounded polling, a clear message, still failing', async () => {
    gh.fake.fail({ operationId: 'code-scanning/get-sarif', status: 503, body: err('Service Unavailable'), times: Infinity });
    const { r, ms } = await failingRun();
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs['result']).toBe('fail');
    expect(r.stdout).toMatch(/503/);
    expect(ms).toBeLessThan(150_000);
  }, 200_000);

  it('403 on the SARIF upload (no security-events: write): explained, still failing', async () => {
    gh.fake.fail({ operationId: 'code-scanning/upload-sarif', status: 403, body: err('Resource not accessible by integration'), times: Infinity });
    const { r } = await failingRun();
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs['result']).toBe('fail');
    expect(r.stdout).toMatch(/security-events/);
  }, 200_000);

  it('422 on the check run: GitHub\'s message shown, still failing', async () => {
    gh.fake.fail({ operationId: 'checks/create', status: 422, body: { ...err('Validation Failed'), errors: [{ resource: 'CheckRun', code: 'invalid', field: 'head_sha' }] }, times: Infinity });
    const { r } = await failingRun();
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs['result']).toBe('fail');
    expect(r.stdout).toMatch(/Validation Failed|422/);
  }, 200_000);
});

describe('scanner faults through the action bundle (Node 24, @actions/exec)', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    node24();
    actionBundle();
    fake = await new FakeGitHub().start();
  }, 300_000);
  afterEach(() => {
    expect(fake.violations).toEqual([]);
  });

  it('Trivy flooding stdout without end and TruffleHog hanging: both stopped, fail closed, bounded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-ws-'));
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    const trivy = fakeTool('trivy-flood-forever', '0.74.0', 'exec yes "garbage garbage garbage"');
    const th = fakeTool('th-hang-action', '3.97.0', 'sleep 600');
    const t0 = Date.now();
    const r = await runAction({
      workspace: dir,
      apiUrl: fake.url,
      event: 'push',
      payload: { ref: 'refs/heads/main', after: 'f'.repeat(40), repository: { full_name: 'acme/mcp-server' } },
      inputs: { 'image-tar': tar, offline: 'true', 'timeout-minutes': '0.25' },
      env: { DOCKER_HOST: env['DOCKER_HOST']!, MCG_TRIVY: trivy, MCG_TRUFFLEHOG: th, MCG_TRIVY_CACHE_DIR: env['MCG_TRIVY_CACHE_DIR']! },
    });
    const ms = Date.now() - t0;
    const why = `exit ${r.code} after ${ms} ms\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-1000)}`;
    expect(r.code, why).toBe(1);
    expect(r.outputs['result'], why).toBe('fail');
    expect(r.stdout).toMatch(/Trivy/);
    expect(r.stdout).toMatch(/TruffleHog/);
    expect(ms, why).toBeLessThan(120_000);
    await fake.close();
  }, 200_000);
});
