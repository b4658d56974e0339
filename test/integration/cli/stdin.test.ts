/**
 * `mcg scan --stdin` through the real CLI (a fresh bundle run as a child process): the stream is
 * checked under its name (given or sniffed), findings land on its lines, and the verdicts of the
 * compose cases of issue 17 are the ones compose's reading implies.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBundle } from '../../support/cli-run.js';

interface Finding {
  ruleId: string;
  severity: string;
  location: { path: string; startLine: number };
}

function scanStdin(input: string, args: string[] = [], cwd = mkdtempSync(join(tmpdir(), 'mcg-stdin-cwd-'))): { code: number | null; report?: { result: string; findings: Finding[] }; stderr: string } {
  const r = spawnSync(process.execPath, [cliBundle(), 'scan', '--stdin', '--format', 'json', ...args], { input, cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env['PATH'] ?? '' } });
  let report: { result: string; findings: Finding[] } | undefined;
  try {
    report = JSON.parse(r.stdout) as { result: string; findings: Finding[] };
  } catch {
    report = undefined;
  }
  return { code: r.status, stderr: r.stderr, ...(report ? { report } : {}) };
}

const at = (fs: Finding[], id: string): [string, number][] => fs.filter((f) => f.ruleId === id).map((f) => [f.location.path, f.location.startLine]);

describe('mcg scan --stdin', () => {
  it('checks a rendered manifest under --stdin-name, findings on the stream lines', () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: c', '      image: x:1', '      securityContext:', '        privileged: true', ''].join('\n');
    const r = scanStdin(text, ['--stdin-name', 'rendered.yaml']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.report!.result).toBe('fail');
    const privileged = r.report!.findings.filter((f) => f.severity === 'critical');
    expect(privileged.length).toBeGreaterThan(0);
    for (const f of r.report!.findings) expect(f.location.path).toBe('rendered.yaml');
    expect(privileged.map((f) => f.location.startLine)).toContain(10);
  });

  it('sniffs a Dockerfile and a compose file without a name', () => {
    const df = scanStdin('FROM node:22-slim\nUSER root\nCMD ["node"]\n');
    expect(df.code, df.stderr).toBe(1);
    expect(at(df.report!.findings, 'MCG001')).toEqual([['stdin.Dockerfile', 2]]);
    const compose = scanStdin('services:\n  a:\n    image: x:1\n    privileged: true\n');
    expect(compose.code, compose.stderr).toBe(1);
    expect(at(compose.report!.findings, 'MCG101')).toEqual([['stdin.compose.yaml', 4]]);
  });

  it('refuses a name it could not read the stream by, and a path with --stdin', () => {
    const bad = scanStdin('x', ['--stdin-name', 'notes.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--stdin-name "notes.txt" is neither a Dockerfile name/);
    const r = spawnSync(process.execPath, [cliBundle(), 'scan', '--stdin', '.'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--stdin checks standard input/);
    const outside = scanStdin('x', ['--stdin-name', '../Dockerfile']);
    expect(outside.code).toBe(2);
  });

  it('reads the .mcg.yml of the directory it runs in', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mcg-stdin-cfg-'));
    writeFileSync(join(cwd, '.mcg.yml'), 'rules:\n  MCG001:\n    enabled: false\n');
    const r = scanStdin('FROM node:22-slim\nUSER root\n', ['--stdin-name', 'Dockerfile'], cwd);
    expect(r.stderr).not.toMatch(/error/i);
    expect(at(r.report!.findings, 'MCG001')).toEqual([]);
    expect(r.report!.findings.map((f) => f.location.path)).toContain('Dockerfile');
  });
});

describe('issue 17 compose cases: the verdict compose reading implies', () => {
  for (const spelling of ['yes', 'on', 'y', 'Y', 'YES', 'On', '"yes"']) {
    it(`privileged: ${spelling} is MCG101 critical and fails the default policy`, () => {
      const r = scanStdin(`services:\n  a:\n    image: x:1\n    privileged: ${spelling}\n`, ['--stdin-name', 'compose.yaml']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.report!.result).toBe('fail');
      expect(r.report!.findings.filter((f) => f.ruleId === 'MCG101').map((f) => [f.severity, f.location.startLine])).toEqual([['critical', 4]]);
      // a YAML 1.2 reader sees a string: the ambiguity is reported as well (the quoted form is a string to everyone but compose)
      expect(at(r.report!.findings, 'MCG994')).toEqual([['compose.yaml', 4]]);
    });
  }

  it('privileged: no / off stays unprivileged but is reported as read differently', () => {
    for (const spelling of ['no', 'off', 'n']) {
      const r = scanStdin(`services:\n  a:\n    image: x:1\n    privileged: ${spelling}\n`, ['--stdin-name', 'compose.yaml']);
      expect(at(r.report!.findings, 'MCG101')).toEqual([]);
      expect(at(r.report!.findings, 'MCG994')).toEqual([['compose.yaml', 4]]);
    }
  });

  it('a duplicate key (compose refuses the file) fails the policy', () => {
    const r = scanStdin('services:\n  a:\n    image: x:1\n    privileged: false\n    privileged: true\n', ['--stdin-name', 'compose.yaml']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.report!.result).toBe('fail');
    expect(at(r.report!.findings, 'MCG994')).toEqual([['compose.yaml', 5]]);
  });

  it('a quoted "<<" key (compose refuses the file) fails the policy', () => {
    const r = scanStdin('x-safe: &safe {privileged: false}\nservices:\n  a:\n    image: x:1\n    "<<": *safe\n', ['--stdin-name', 'compose.yaml']);
    expect(r.code, r.stderr).toBe(1);
    expect(at(r.report!.findings, 'MCG994')).toEqual([['compose.yaml', 5]]);
  });

  it('a merge after an explicit key: the explicit key wins for compose, as for us', () => {
    const r = scanStdin('x-p: &p {privileged: true}\nservices:\n  a:\n    privileged: false\n    <<: *p\n    image: x:1\n', ['--stdin-name', 'compose.yaml']);
    expect(at(r.report!.findings, 'MCG101')).toEqual([]);
    const merged = scanStdin('x-p: &p {privileged: on}\nservices:\n  a:\n    <<: *p\n    image: x:1\n', ['--stdin-name', 'compose.yaml']);
    expect(merged.code, merged.stderr).toBe(1);
    expect(merged.report!.findings.filter((f) => f.ruleId === 'MCG101').map((f) => f.severity)).toEqual(['critical']);
  });
});
