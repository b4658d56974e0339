/**
 * The package as a library: built the way `npm run bundle` builds it (scripts/bundle.mjs into a
 * temporary node_modules/mcp-container-guard beside the repository's package.json), imported BY ITS
 * NAME from a consumer outside the repository, so that Node resolves it through package.json
 * `exports`. Importing it and scanning with it print nothing and leave the exit code alone; the
 * action's bundle cannot be reached through the package; the declarations type-check a consumer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'mcg-lib-'));
const pkg = join(work, 'node_modules', 'mcp-container-guard');
const repo = join(work, 'repo');

beforeAll(() => {
  mkdirSync(pkg, { recursive: true });
  copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), join(pkg, 'dist')], { cwd: root, stdio: 'pipe' });
  // the packages the declarations name (yaml, @types/sarif), as an installed package finds them
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
  mkdirSync(repo);
  writeFileSync(join(repo, 'Dockerfile'), 'FROM node:latest\nCOPY . /app\nCMD ["node", "/app/server.js"]\n');
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a consumer module in `work` (outside the repository); its results go to a file, never to stdout. */
function consume(code: string): { stdout: string; stderr: string; status: number | null; out: Record<string, unknown> } {
  const file = join(work, `consumer-${Math.random().toString(36).slice(2)}.mjs`);
  const out = `${file}.json`;
  writeFileSync(file, `import { writeFileSync } from 'node:fs';\nconst out = ${JSON.stringify(out)};\n${code}\n`);
  const r = spawnSync(process.execPath, [file], { cwd: work, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  let result: Record<string, unknown> = {};
  try {
    result = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
  } catch {
    /* the consumer failed before writing: the status and stderr say why */
  }
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, out: result };
}

describe('the package as a library', () => {
  it('imports by its name without printing anything or touching the exit code', () => {
    const r = consume(`
const mcg = await import('mcp-container-guard');
writeFileSync(out, JSON.stringify({ exports: Object.keys(mcg).sort(), exitCode: process.exitCode ?? null }));`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(r.out['exitCode']).toBeNull();
    expect(r.out['exports']).toEqual(expect.arrayContaining(['scan', 'mergeReports', 'toSarif', 'sarifText', 'catalog']));
  });

  it('scans, merges and writes SARIF in process, silently, with a failing report and exit code untouched', () => {
    const r = consume(`
import { scan, mergeReports, toSarif } from 'mcp-container-guard';
const report = await scan({ root: ${JSON.stringify(repo)} });
const merged = mergeReports([{ label: 'a', report }]);
const sarif = toSarif(merged.report);
writeFileSync(out, JSON.stringify({
  exitCode: process.exitCode ?? null,
  rules: [...new Set(report.findings.map((f) => f.ruleId))].sort(),
  result: report.result,
  mergedFindings: merged.report.findings.length,
  findings: report.findings.length,
  sarifVersion: sarif.version,
  sarifResults: sarif.runs.reduce((n, run) => n + run.results.length, 0),
}));`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(r.out['exitCode']).toBeNull();
    // node:latest is an unpinned base (MCG001) and the image runs as root (MCG002)
    expect(r.out['rules']).toEqual(expect.arrayContaining(['MCG001', 'MCG002']));
    expect(r.out['result']).toBe('fail');
    expect(r.out['mergedFindings']).toBe(r.out['findings']);
    expect(r.out['sarifVersion']).toBe('2.1.0');
    expect(r.out['sarifResults']).toBe(r.out['findings']);
  });

  it('does not expose the action bundle (it runs only from action.yml)', () => {
    const r = consume(`
let code = 'none';
try { await import('mcp-container-guard/dist/index.js'); } catch (e) { code = e.code; }
writeFileSync(out, JSON.stringify({ code, exitCode: process.exitCode ?? null }));`);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.out).toEqual({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED', exitCode: null });
  });

  it('ships declarations a TypeScript consumer type-checks against', () => {
    const file = join(work, 'consumer.ts');
    writeFileSync(
      file,
      [
        "import { scan, toSarif, type Finding, type Report } from 'mcp-container-guard';",
        "const report: Report = await scan({ root: '/repo', severityThreshold: 'high' });",
        'const first: Finding | undefined = report.findings[0];',
        'const runs: number = toSarif(report).runs.length;',
        'export { first, runs };',
        '// @ts-expect-error: the options are typed (no such severity)',
        "await scan({ root: '/repo', severityThreshold: 'urgent' });",
        '',
      ].join('\n'),
    );
    const opts = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(root, 'node_modules', '@types')];
    writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ...opts, file], { cwd: work, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
