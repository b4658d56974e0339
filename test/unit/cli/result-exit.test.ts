/**
 * The CLI's `Result:` line agrees with its exit code on every path (pass 0, fail 1, error 2, and
 * fail-on: never), an unreadable Dockerfile and an unreadable compose file get the same outcome, an
 * excluded file is not read, and a run that checked nothing exits 2 unless --allow-empty.
 * In-process through src/cli/main.ts, static checks only.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { outcomeFor } from '../../../src/core/outcome.js';
import { makeReport } from '../../support/report-builder.js';
import type { Report } from '../../../src/core/types.js';

const GOOD = 'FROM python:3.12-slim\nUSER 10001\nHEALTHCHECK CMD ["python", "-c", "print(1)"]\nCMD ["python", "-m", "server"]\n';
const LEAKY = 'FROM python:3.12-slim\nENV DB_PASSWORD=hunter2\nUSER 10001\nCMD ["python", "-m", "server"]\n';
const BINARY = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x0a, 0x00, 0x01, 0x02]);

function repo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-cli-result-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), body);
  }
  return dir;
}

async function run(dir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; result?: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['scan', dir, '--no-build', '--no-color', ...args], {
    stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: {}, cwd: dir, isTTY: false,
  });
  return { code, stdout, stderr, result: /^Result: (\w+)/m.exec(stdout)?.[1] };
}

async function json(dir: string, ...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await run(dir, '--format', 'json', ...args);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const VERDICT: Record<number, string> = { 0: 'PASS', 1: 'FAIL', 2: 'ERROR' };

describe('Result: agrees with the exit code', () => {
  it.each<[string, Record<string, string | Buffer>, string[], number]>([
    ['pass', { Dockerfile: GOOD }, [], 0],
    ['fail', { Dockerfile: LEAKY }, [], 1],
    ['fail-on never', { Dockerfile: LEAKY }, ['--fail-on', 'never'], 0],
    ['error: nothing found', { 'README.txt': 'hello' }, [], 2],
    ['empty accepted with --allow-empty', { 'README.txt': 'hello' }, ['--allow-empty'], 0],
    ['error: the only file is unreadable', { Dockerfile: BINARY }, [], 2],
    ['fail: an unreadable file next to a checked one', { Dockerfile: GOOD, 'bad/Dockerfile': BINARY }, [], 1],
  ])('%s', async (_n, files, args, code) => {
    const r = await run(repo(files), ...args);
    expect(r.code, r.stdout + r.stderr).toBe(code);
    expect(r.result).toBe(VERDICT[code]);
  });

  it('a run that checked nothing says so, in every format', async () => {
    const r = await run(repo({ 'README.txt': 'hello' }));
    expect(r.stdout).toMatch(/Result: ERROR — no file was checked: .*--allow-empty/);
    const j = await json(repo({ 'README.txt': 'hello' }));
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/mcg: no file was checked/);
  });

  it('with --output the stderr line carries the same verdict', async () => {
    const dir = repo({ Dockerfile: LEAKY });
    const r = await run(dir, '--format', 'json', '--output', join(dir, 'out.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^FAIL: failed: /m);
  });

  it('a scanner that did not complete is ERROR with exit 2 (PASS/0 under fail-on: never)', () => {
    const failed = (failOn: 'new' | 'never'): Report => ({
      ...makeReport({ policy: { threshold: 'high', failOn } }),
      checkedFiles: 1,
      scanners: [{ name: 'trivy', status: 'failed', reason: 'exit 1' }],
    });
    expect(outcomeFor(failed('new'), { allowEmpty: false })).toMatchObject({ code: 2, verdict: 'ERROR', reason: expect.stringContaining('trivy did not complete') });
    expect(outcomeFor(failed('never'), { allowEmpty: false })).toMatchObject({ code: 0, verdict: 'PASS' });
  });
});

describe('an unreadable Dockerfile and an unreadable compose file get the same outcome', () => {
  it.each(['bad/Dockerfile', 'bad/compose.yaml'])('%s: a failing MCG991 with file:line and reason, the other file still reported', async (path) => {
    const { code, report } = await json(repo({ Dockerfile: LEAKY, [path]: BINARY }));
    expect(code).toBe(1);
    const f = report.findings.find((x) => x.ruleId === 'MCG991');
    expect(f).toMatchObject({ location: { path, startLine: 2 }, failing: true, message: expect.stringContaining('binary') });
    expect(report.findings.some((x) => x.ruleId === 'MCG009' && x.location.path === 'Dockerfile')).toBe(true);
    expect(report.coverage.find((c) => c.path === path)).toMatchObject({ status: 'not-checked' });
  });
  it.each(['bad/Dockerfile', 'bad/compose.yaml'])('%s alone: exit 2, the same way', async (path) => {
    const { code, report } = await json(repo({ [path]: BINARY }));
    expect(code).toBe(2);
    expect(report.findings.map((x) => `${x.ruleId} ${x.location.path}:${x.location.startLine}`)).toEqual([`MCG991 ${path}:2`]);
  });
});

describe('.mcg.yml exclude', () => {
  it('an excluded file is not read: no MCG991, not in the ledger', async () => {
    const { code, report } = await json(repo({ Dockerfile: GOOD, 'vendor/Dockerfile': BINARY, 'vendor/compose.yaml': BINARY, '.mcg.yml': 'exclude:\n  - vendor/**\n' }));
    expect(code).toBe(0);
    expect(report.findings.filter((x) => x.ruleId === 'MCG991')).toEqual([]);
    expect(report.coverage.map((c) => c.path)).not.toContain('vendor/Dockerfile');
    expect(report.coverage.map((c) => c.path)).not.toContain('vendor/compose.yaml');
  });
});
