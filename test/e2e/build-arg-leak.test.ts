/**
 * Issue #18, a secret build-arg value published raw: a real image build in the rig whose failing
 * `RUN` prints a build argument under `set -eux`. The bundled action (Node 24, fake GitHub) must
 * not publish that value anywhere: not raw and not as any 8-character substring, in the SARIF
 * upload, the check run, the comment, the summary, the step outputs, the log, the report JSON or
 * the artifacts. The password is generated fresh for each run; the argument's name is not
 * secret-like on purpose (every build-arg value is secret). The same build prints workflow commands
 * (`::error title=Forged::…`, `::add-mask::…`): the build output is shown in the job log, fenced in
 * `::stop-commands::<random token>`, so they stay text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionBundle, runAction, type ActionRun } from '../support/action-run.js';
import { FakeGitHub } from '../support/fake-github.js';
import { node24 } from '../support/node24.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { privateTrivyCache } from '../support/scan-rig.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const PASSWORD = [...randomBytes(16)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

function substrings(v: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= v.length; i++) out.push(v.slice(i, i + n));
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

let ws: string;
let fake: FakeGitHub;
let run: ActionRun;

beforeAll(async () => {
  const env: Record<string, string> = { ...rigEnv(), MCG_TRIVY_CACHE_DIR: privateTrivyCache() };
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'DOCKER_HOST']) rigValue(k);
  node24();
  actionBundle();
  ws = mkdtempSync(join(tmpdir(), 'mcg-leak-'));
  writeFileSync(join(ws, 'Dockerfile'), ['FROM debian:bookworm-slim', 'ARG DB_SETTING', 'RUN set -eux; echo "connecting with $DB_SETTING"; echo "\\033[31m$DB_SETTING\\033[0m"; echo "::error title=Forged::pwned-by-build"; echo "::add-mask::forged-mask"; exit 3', ''].join('\n'));
  fake = await new FakeGitHub().start();
  run = await runAction({
    workspace: ws,
    apiUrl: fake.url,
    event: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 5,
      pull_request: { number: 5, head: { sha: '1'.repeat(40), ref: 'feature', repo: { full_name: 'acme/mcp-server' } }, base: { sha: '2'.repeat(40), ref: 'main', repo: { full_name: 'acme/mcp-server' } } },
      repository: { full_name: 'acme/mcp-server' },
    },
    inputs: { build: 'true', offline: 'true', 'build-args': `DB_SETTING=${PASSWORD}`, comment: 'always', 'fail-on': 'any' },
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

/** The runner's reading of a log: the commands it would run, honouring `::stop-commands::<token>` … `::<token>::`. */
function commands(log: string): string[] {
  const out: string[] = [];
  let stopped: string | undefined;
  for (const raw of log.split(/\r?\n|\r/)) {
    const line = raw.trimStart();
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const m = /^::([^\s:]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    out.push(line);
    if (m[1] === 'stop-commands') stopped = m[2];
  }
  return out;
}

describe('a failing RUN that prints a build-arg (rig build, bundled action)', () => {
  it('shows the build output in the job log, where a ::error:: line it prints is not a command', () => {
    // the build output is there (so a person can see why it failed) …
    expect(run.stdout).toContain('pwned-by-build');
    expect(run.stdout).toMatch(/^::stop-commands::[0-9a-f]{32}$/m);
    // … and the runner reads none of its lines as a command
    const cmds = commands(run.stdout);
    // (our own MCG990 annotation quotes the build's error output as escaped data: that is fine)
    expect(cmds.filter((c) => c.startsWith('::error title=Forged') || c.startsWith('::add-mask::forged'))).toEqual([]);
    for (const c of cmds) expect(c).toMatch(/^::(add-mask|debug|warning|error|notice|stop-commands|group|endgroup)[ :]/);
  });


  it('fails closed with an MCG990 build error that is published', () => {
    expect(run.code, `${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`).toBe(1);
    expect(JSON.stringify([...fake.sarifs.values()])).toContain('MCG990');
    expect(fake.comments).toHaveLength(1);
    // the runner is told to mask it too
    expect(run.stdout.split('\n')).toContain(`::add-mask::${PASSWORD}`);
  });

  it(`the password (${PASSWORD.length} chars, fresh) is in no output, raw or as any 8-character substring`, () => {
    const log = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const outputs: [string, string][] = [
      ['stdout', log],
      ['stderr', run.stderr],
      ['step outputs', JSON.stringify(run.outputs)],
      ['summary', run.summary],
      ['sent to GitHub', JSON.stringify({ requests: fake.requests, checkRuns: [...fake.checkRuns.values()], comments: fake.comments, sarifs: [...fake.sarifs.values()] })],
      ...filesUnder(ws)
        .filter((p) => !p.endsWith('/Dockerfile'))
        .map((p): [string, string] => [p, readFileSync(p, 'utf8')]),
    ];
    expect(outputs.length).toBeGreaterThan(6); // the report JSON and SARIF files are among them
    const needles = substrings(PASSWORD, 8);
    const leaks = outputs.flatMap(([name, text]) => needles.filter((n) => text.includes(n)).map((n) => `${name}: ${n}`));
    expect(leaks).toEqual([]);
    // no colour residue in the published messages either
    expect(JSON.stringify([...fake.sarifs.values()])).not.toMatch(/\\u001b|\\u009b/);
  });
});
