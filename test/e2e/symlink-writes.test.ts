/**
 * Issue #18, writes through committed symlinks: a repository may hold `mcg-results/mcg.sarif ->
 * <a file elsewhere>` or `mcg-results -> <a directory elsewhere>`. The bundled action (Node 24,
 * fake GitHub) and the bundled CLI (`mcg scan`, `mcg merge`, `mcg discover --output`) refuse to
 * write through either, name the path, and leave the target untouched; `--output /proc/nope/x`
 * fails at once instead of spinning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionBundle, runAction, useFakeGitHub } from '../support/action-run.js';

const DOCKERFILE = 'FROM node:22\nCOPY . /app\nCMD ["node", "/app/index.js"]\n';
const VICTIM_TEXT = 'precious\n';

interface Setup {
  ws: string;
  victimFile: string;
  victimDir: string;
}

/** A workspace with a Dockerfile, and a file and a directory outside it that must stay untouched. */
function setup(): Setup {
  const base = mkdtempSync(join(tmpdir(), 'mcg-link-'));
  const ws = join(base, 'ws');
  mkdirSync(ws);
  writeFileSync(join(ws, 'Dockerfile'), DOCKERFILE);
  const victimFile = join(base, 'victim.txt');
  writeFileSync(victimFile, VICTIM_TEXT);
  const victimDir = join(base, 'victim-dir');
  mkdirSync(victimDir);
  return { ws, victimFile, victimDir };
}

function expectUntouched(s: Setup): void {
  expect(readFileSync(s.victimFile, 'utf8')).toBe(VICTIM_TEXT);
  expect(readdirSync(s.victimDir)).toEqual([]);
}

// fail-on: never: a failed step below is the refusal, not the findings
const QUIET = { build: 'false', 'upload-sarif': 'false', 'check-run': 'false', comment: 'never', 'fail-on': 'never' };
const gh = useFakeGitHub();

describe('committed symlinks where the action writes (bundled action)', () => {
  it('mcg-results/mcg.sarif -> a file outside: refused, the file is untouched', async () => {
    const s = setup();
    mkdirSync(join(s.ws, 'mcg-results'));
    symlinkSync(s.victimFile, join(s.ws, 'mcg-results', 'mcg.sarif'));
    const r = await runAction({ workspace: s.ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: QUIET });
    expect(r.code, r.stdout).not.toBe(0);
    expect(r.stdout).toMatch(/mcg-results\/mcg\.sarif.*symbolic link/);
    expectUntouched(s);
  });

  it('mcg-results -> a directory outside (a directory component): refused in mode: scan too', async () => {
    for (const mode of ['full', 'scan']) {
      const s = setup();
      symlinkSync(s.victimDir, join(s.ws, 'mcg-results'));
      const r = await runAction({ workspace: s.ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { ...QUIET, mode } });
      expect(r.code, r.stdout).not.toBe(0);
      expect(r.stdout).toMatch(/mcg-results.*is a symbolic link/);
      expectUntouched(s);
    }
  });

  it('sarif-file through a nested symlinked directory, even one pointing inside the workspace: refused', async () => {
    const s = setup();
    mkdirSync(join(s.ws, 'out'));
    mkdirSync(join(s.ws, 'real'));
    symlinkSync(join(s.ws, 'real'), join(s.ws, 'out', 'x'));
    const r = await runAction({ workspace: s.ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { ...QUIET, 'sarif-file': 'out/x/y.sarif' } });
    expect(r.code, r.stdout).not.toBe(0);
    expect(r.stdout).toMatch(/sarif-file "out\/x\/y\.sarif".*out\/x" is a symbolic link/);
    expect(readdirSync(join(s.ws, 'real'))).toEqual([]);
  });

  it('GITHUB_STEP_SUMMARY is a link (or inside the workspace through a committed link): not followed, a warning, the verdict unchanged', async () => {
    const s = setup();
    const runnerDir = mkdtempSync(join(tmpdir(), 'mcg-runner-files-'));
    symlinkSync(s.victimFile, join(runnerDir, 'step_summary'));
    const r = await runAction({ workspace: s.ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: QUIET, env: { GITHUB_STEP_SUMMARY: join(runnerDir, 'step_summary') } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^::warning::Could not write the job summary: GITHUB_STEP_SUMMARY ".*step_summary": it is a symbolic link/m);
    symlinkSync(s.victimDir, join(s.ws, 'logs'));
    const inner = await runAction({ workspace: s.ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: QUIET, env: { GITHUB_STEP_SUMMARY: join(s.ws, 'logs', 'summary.md') } });
    expect(inner.code, inner.stdout).toBe(0);
    expect(inner.stdout).toMatch(/Could not write the job summary: .*logs" is a symbolic link/);
    expectUntouched(s);
    // the control: a plain runner file gets the summary, appended after what was there
    writeFileSync(join(runnerDir, 'plain'), 'earlier step\n');
    const ok = await runAction({ workspace: s.ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: QUIET, env: { GITHUB_STEP_SUMMARY: join(runnerDir, 'plain') } });
    expect(ok.stdout).not.toMatch(/Could not write the job summary/);
    expect(readFileSync(join(runnerDir, 'plain'), 'utf8')).toMatch(/^earlier step\n.*MCP Container Guard/s);
  });

  it('without links the same run writes its files (the refusals above are not a broken writer)', async () => {
    const s = setup();
    const r = await runAction({ workspace: s.ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { ...QUIET, mode: 'scan' } });
    expect(r.code, r.stdout).toBe(0);
    expect(readdirSync(join(s.ws, 'mcg-results')).sort()).toEqual(['mcg-meta.json', 'mcg-report.json', 'mcg.sarif', 'mcg.vex.json']);
    expect(r.outputs['sarif-file']).toBe('mcg-results/mcg.sarif');
  });
});

function cli(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const t = Date.now();
  const r = spawnSync(process.execPath, [join(dirname(actionBundle()), 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cwd } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

describe('committed symlinks where the CLI writes (bundled CLI)', () => {
  it('mcg scan --output, --sarif and --report-json through a symlinked directory: refused', () => {
    const s = setup();
    mkdirSync(join(s.ws, '.git'));
    symlinkSync(s.victimDir, join(s.ws, 'mcg-results'));
    for (const flag of ['--output', '--sarif', '--report-json']) {
      const r = cli(s.ws, ['scan', '.', '--offline', '--no-build', ...(flag === '--output' ? ['--format', 'json'] : []), flag, 'mcg-results/out']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`mcg: ${flag} "mcg-results/out": "${join(s.ws, 'mcg-results')}" is a symbolic link`);
      expect(r.stderr).not.toContain('internal error');
    }
    expectUntouched(s);
  });

  it('mcg discover --output to a committed link, and into a symlinked directory: refused', () => {
    const s = setup();
    mkdirSync(join(s.ws, '.git'));
    symlinkSync(s.victimFile, join(s.ws, 'matrix.json'));
    symlinkSync(s.victimDir, join(s.ws, 'sub'));
    let r = cli(s.ws, ['discover', '.', '--format', 'json', '--output', 'matrix.json']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('mcg: --output "matrix.json" is a symbolic link: refusing to write through it');
    r = cli(s.ws, ['discover', '.', '--format', 'json', '--output', 'sub/deeper/matrix.json']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expectUntouched(s);
    // and a plain path works, creating its directories
    r = cli(s.ws, ['discover', '.', '--format', 'json', '--output', 'a/b/matrix.json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(s.ws, 'a', 'b', 'matrix.json'), 'utf8'))).toMatchObject({ include: [{ dockerfile: 'Dockerfile' }] });
  });

  it('mcg merge --output, --sarif and --report-json to committed links: refused, written without them', () => {
    const s = setup();
    mkdirSync(join(s.ws, '.git'));
    const scanned = cli(s.ws, ['scan', '.', '--offline', '--no-build', '--format', 'json', '--output', 'art/mcg-report.json']);
    expect(scanned.status, scanned.stderr).not.toBe(2);
    symlinkSync(s.victimFile, join(s.ws, 'merged.json'));
    symlinkSync(s.victimFile, join(s.ws, 'merged.sarif'));
    symlinkSync(s.victimDir, join(s.ws, 'out'));
    for (const [flag, p] of [['--output', 'merged.json'], ['--sarif', 'merged.sarif'], ['--report-json', 'out/r.json']] as const) {
      const r = cli(s.ws, ['merge', 'art', '--format', 'json', flag, p]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/is a symbolic link/);
      expect(r.stderr).toContain(`"${p}"`);
    }
    expectUntouched(s);
    const ok = cli(s.ws, ['merge', 'art', '--format', 'json', '--output', 'fresh/merged.json', '--sarif', 'fresh/merged.sarif']);
    expect(ok.status, ok.stderr).not.toBe(2);
    expect(existsSync(join(s.ws, 'fresh', 'merged.sarif'))).toBe(true);
    expect(JSON.parse(readFileSync(join(s.ws, 'fresh', 'merged.json'), 'utf8'))).toHaveProperty('findings');
  });

  it('--output /proc/nope/x fails at once with a message naming the path', () => {
    const s = setup();
    const r = cli(s.ws, ['discover', '.', '--output', '/proc/nope/x']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('mcg: --output "/proc/nope/x": /proc is a system pseudo-filesystem');
    expect(r.ms).toBeLessThan(15_000);
  });
});
