/**
 * Through the real CLI: compose files are interpolated with the project's `.env` (compose's
 * dotenv syntax) and never with the environment mcg runs in; a `.env` compose refuses is a
 * failing input error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBundle } from '../../support/cli-run.js';

interface Finding {
  ruleId: string;
  severity: string;
  location: { path: string; startLine: number };
}

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-compose-env-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

function scan(dir: string, env: Record<string, string> = {}): { code: number | null; findings: Finding[]; stderr: string } {
  const r = spawnSync(process.execPath, [cliBundle(), 'scan', '.', '--no-build', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env['PATH'] ?? '', ...env } });
  const report = JSON.parse(r.stdout) as { findings: Finding[] };
  return { code: r.status, findings: report.findings, stderr: r.stderr };
}

const at = (fs: Finding[], id: string): [string, number][] => fs.filter((f) => f.ruleId === id).map((f) => [f.location.path, f.location.startLine]);
const compose = 'services:\n  a:\n    image: x:1\n    privileged: ${PRIV:-false}\n';

describe('compose interpolation environment', () => {
  it("takes the variables of the project's .env next to the compose file", () => {
    const r = scan(repo({ 'app/compose.yaml': compose, 'app/.env': '# settings\nexport PRIV="yes" # for the demo\n' }));
    expect(r.code, r.stderr).toBe(1);
    expect(at(r.findings, 'MCG101')).toEqual([['app/compose.yaml', 4]]);
  });

  it('never takes the environment mcg runs in', () => {
    const r = scan(repo({ 'compose.yaml': compose }), { PRIV: 'true' });
    expect(at(r.findings, 'MCG101')).toEqual([]);
  });

  it('a .env elsewhere in the repository is not the project one', () => {
    const r = scan(repo({ 'app/compose.yaml': compose, '.env': 'PRIV=true\n' }));
    expect(at(r.findings, 'MCG101')).toEqual([]);
  });

  it('a .env compose refuses is a failing MCG991 on its line, and the file is still checked', () => {
    const r = scan(repo({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n    privileged: true\n', '.env': 'A=1\nBAD KEY=2\n' }));
    expect(r.code, r.stderr).toBe(1);
    expect(at(r.findings, 'MCG991')).toEqual([['.env', 2]]);
    expect(at(r.findings, 'MCG101')).toEqual([['compose.yaml', 4]]);
  });
});
