/**
 * Runs the bundled action (a fresh esbuild bundle of src/index.ts, built exactly as dist/index.js is)
 * under Node 24 the way the runner does: INPUT_* from action.yml defaults plus the step's `with:`,
 * GITHUB_* variables, an event payload file, GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY
 * files. `runPost` then runs the post step (dist/post.js) the way the runner does after the job:
 * the same environment, with the main step's saved state as STATE_<name> variables.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js';
import { node24 } from './node24.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let bundle: string | undefined;

/** Builds the action bundle once per test process, with the project's own bundler script. */
export function actionBundle(): string {
  if (bundle) return bundle;
  const out = mkdtempSync(join(tmpdir(), 'mcg-dist-'));
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs'), out], { cwd: repoRoot, stdio: 'pipe' });
  bundle = join(out, 'index.js');
  return bundle;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** What the main step saved for the post step (core.saveState), last value per name. */
  state: Record<string, string>;
  /** The environment the step ran with (runPost reuses it). */
  env: Record<string, string>;
}

/** The post step's bundle, built beside the main one. */
export function postBundle(): string {
  return join(dirname(actionBundle()), 'post.js');
}

export interface RunSpec {
  workspace: string;
  apiUrl: string;
  event: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  token?: string;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const [, name, delim] = m;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
    out[name!] = value.join('\n');
  }
  return out;
}

export async function runAction(spec: RunSpec): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-run-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  const statePath = join(dir, 'state');
  writeFileSync(eventPath, JSON.stringify(spec.payload));
  writeFileSync(outputPath, '');
  writeFileSync(statePath, '');
  writeFileSync(summaryPath, '');
  mkdirSync(join(dir, 'tmp'));
  const token = spec.token ?? 'ghs_e2eToken';
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/mcp-server',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_EVENT_NAME: spec.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: spec.workspace,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'scan',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'alice',
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_API_URL: spec.apiUrl,
    GITHUB_GRAPHQL_URL: `${spec.apiUrl}/graphql`,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STATE: statePath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: join(dir, 'tmp'),
    RUNNER_OS: 'Linux',
    MCG_TEST_SECOND_MS: '5',
    ...spec.env,
  };
  for (const [name, def] of Object.entries(action.inputs)) {
    // the runtime probe is off unless the test asks for it (it is tested in test/e2e/probe/; vitest.config.ts)
    const v = spec.inputs?.[name] ?? (name === 'runtime-probe' ? 'false' : def.default === '${{ github.token }}' ? token : (def.default ?? ''));
    env[`INPUT_${name.toUpperCase()}`] = v;
  }
  for (const k of Object.keys(spec.inputs ?? {})) if (!(k in action.inputs)) throw new Error(`test passes an input action.yml does not declare: ${k}`);
  const { code, stdout, stderr } = await node24Run(actionBundle(), spec.workspace, env);
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8'), state: parseOutputs(readFileSync(statePath, 'utf8')), env };
}

function node24Run(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(node24(), [script], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 }, (err, stdout, stderr) => {
      const c = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 99) : 0;
      resolve({ code: c, stdout, stderr });
    });
  });
}

/** The post step after `main` (a run of runAction): its environment, the saved state as STATE_*, no GITHUB_STATE of its own. */
export async function runPost(main: ActionRun, workspace: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const postEnv: Record<string, string> = { ...main.env, ...env };
  delete postEnv['GITHUB_STATE'];
  for (const [k, v] of Object.entries(main.state)) postEnv[`STATE_${k}`] = v;
  return node24Run(postBundle(), workspace, postEnv);
}

/**
 * For a describe block of action runs: Node 24 and the bundle built once, a fresh fake GitHub per
 * test, and after each test no request that broke GitHub's OpenAPI description. `restart(options)`
 * swaps in a fake configured differently for one test.
 */
export function useFakeGitHub(): { readonly fake: FakeGitHub; restart(options: FakeGitHubOptions): Promise<FakeGitHub> } {
  let fake: FakeGitHub | undefined;
  beforeAll(() => {
    node24();
    actionBundle();
  }, 300_000);
  beforeEach(async () => {
    fake = await new FakeGitHub().start();
  });
  afterEach(async () => {
    expect(fake?.violations).toEqual([]);
    await fake?.close();
  });
  return {
    get fake(): FakeGitHub {
      if (!fake) throw new Error('useFakeGitHub: the fake GitHub is only there inside a test');
      return fake;
    },
    async restart(options: FakeGitHubOptions): Promise<FakeGitHub> {
      await fake?.close();
      fake = await new FakeGitHub(options).start();
      return fake;
    },
  };
}
