/**
 * Injection and path confinement through the real CLI process (a fresh bundle of src/cli.ts, the
 * same build as dist/cli.js): shell metacharacters in arguments, config values, file names and
 * Dockerfile text never run a command (a canary file that must not appear), and paths out of the
 * workspace — `..`, absolute paths, symlinked files and directories — are refused or not followed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sarifErrors } from '../support/sarif-schema.js';
import { INJECTION_COPY_DOCKERFILE, INJECTION_DOCKERFILE } from '../support/e2e-dockerfiles.js';

const repoRoot = join(import.meta.dirname, '..', '..');
let base: string;
let cli: string;
let root: string;
let outside: string;
let canaryDir: string;
let n = 0;

/** A fresh canary path per payload; the test fails if any of them ever exists. */
function canary(): string {
  return join(canaryDir, `pwned-${++n}`);
}
function payloads(): string[] {
  const c = canary();
  const d = canary();
  const e = canary();
  return [`$(touch ${c})`, `\`touch ${d}\``, `x; touch ${e}`, `x\ntouch ${e}`, `x && touch ${e} #`, `'"$(touch ${c})"'`];
}
function expectNoCanary(): void {
  expect(readdirSync(canaryDir)).toEqual([]);
}

function mcg(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'mcg-injection-'));
  const dist = join(base, 'dist');
  const b = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs'), dist], { cwd: repoRoot, encoding: 'utf8' });
  // the action entry may not exist on every branch: the CLI bundle is what is needed here
  cli = join(dist, 'cli.js');
  if (!existsSync(cli)) throw new Error(`bundling the CLI failed: ${b.stderr}`);
  canaryDir = join(base, 'canaries');
  mkdirSync(canaryDir);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => {
  root = mkdtempSync(join(base, 'repo-'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'Dockerfile'), INJECTION_DOCKERFILE);
  outside = mkdtempSync(join(base, 'outside-'));
  writeFileSync(join(outside, 'Dockerfile'), 'FROM outside-only-image-7f3a:1\nENV OUTSIDE_SECRET_TOKEN=outside-literal-9c1e\n');
  writeFileSync(join(outside, 'secret.txt'), 'outside-file-content-5d2b\n');
});

describe('shell metacharacters never run a command', () => {
  it('in CLI arguments (path, --dockerfile, --config, --target, --build-arg, --category, --output, --context)', () => {
    for (const p of payloads()) {
      const runs = [
        ['scan', p, '--no-build'],
        ['scan', '.', '--no-build', '--dockerfile', p],
        ['scan', '.', '--no-build', '--config', p],
        ['scan', '.', '--no-build', '--target', p, '--format', 'json'],
        ['scan', '.', '--no-build', '--build-arg', `A=${p}`, '--format', 'sarif'],
        ['scan', '.', '--no-build', '--category', p, '--format', 'sarif'],
        ['scan', '.', '--no-build', '--context', p],
        ['scan', '.', '--no-build', '--fail-on', p],
        ['scan', '.', '--no-build', '--severity-threshold', p],
        ['scan', '.', '--no-build', '--format', 'json', '--output', join('out', p.replace(/\n/g, '_'))],
      ];
      for (const args of runs) {
        const r = mcg(args);
        expect([0, 1, 2], `${JSON.stringify(args)}: ${r.stderr}`).toContain(r.status);
        expect(r.stderr).not.toMatch(/internal error/);
      }
    }
    expectNoCanary();
  });

  it('in config values (include, exclude, ignore ids, paths, reasons, owners)', () => {
    for (const p of payloads()) {
      writeFileSync(
        join(root, '.mcg.yml'),
        `include: [${JSON.stringify(p)}, "**"]\nexclude: [${JSON.stringify(p)}]\nignore:\n  - id: ${JSON.stringify(`MCG00*`)}\n    path: ${JSON.stringify(p)}\n    reason: ${JSON.stringify(p)}\n    owner: ${JSON.stringify(p)}\n`,
      );
      const r = mcg(['scan', '.', '--no-build', '--format', 'markdown']);
      expect([0, 1, 2], r.stderr).toContain(r.status);
      expect(r.stderr).not.toMatch(/internal error/);
    }
    expectNoCanary();
  });

  it('in Dockerfile text, file and directory names: static checks read, never execute; SARIF stays valid', () => {
    const [p1, p2, p3] = payloads();
    writeFileSync(join(root, 'Dockerfile'), `FROM node:22 AS b\nARG X=${JSON.stringify(p1)}\nRUN ${p1}\nRUN ${p2}\nHEALTHCHECK CMD ${p3}\nCMD ${p1}\n`);
    const dirName = p1!.replace(/\//g, '_');
    mkdirSync(join(root, dirName));
    writeFileSync(join(root, dirName, 'Dockerfile'), 'FROM python:3.12\nRUN pip install x\n');
    writeFileSync(join(root, `Dockerfile.${p2!.replace(/\//g, '_')}`), 'FROM alpine\nRUN apk add curl\n');
    for (const format of ['table', 'json', 'markdown', 'sarif']) {
      const r = mcg(['scan', '.', '--no-build', '--format', format]);
      expect(r.status, r.stderr).toBe(1);
      if (format === 'sarif') expect(sarifErrors(JSON.parse(r.stdout))).toEqual([]);
    }
    expectNoCanary();
  });
});

describe('paths stay inside the workspace', () => {
  const outsideMarkers = ['outside-only-image-7f3a', 'outside-literal-9c1e', 'OUTSIDE_SECRET_TOKEN', 'outside-file-content-5d2b'];
  const expectNoOutsideContent = (text: string): void => {
    for (const m of outsideMarkers) expect(text).not.toContain(m);
  };

  it('--dockerfile ../../etc/passwd and an absolute path outside are refused', () => {
    for (const d of ['../../etc/passwd', '/etc/passwd', join(outside, 'Dockerfile'), `../${outside.split('/').pop()}/Dockerfile`]) {
      const r = mcg(['scan', '.', '--no-build', '--dockerfile', d]);
      expect(r.status, `${d}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/outside the workspace/);
      expectNoOutsideContent(r.stdout + r.stderr);
      expect(r.stdout + r.stderr).not.toMatch(/root:x:0:0/);
    }
  });

  it('--config /etc/passwd and --config ../x are refused', () => {
    for (const c of ['/etc/passwd', '../../../../etc/passwd', join(outside, 'secret.txt')]) {
      const r = mcg(['scan', '.', '--no-build', '--config', c]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/outside the workspace/);
      expect(r.stderr).not.toMatch(/root:x:0:0|outside-file-content/);
    }
  });

  it('a scan path outside the root and --context outside are refused', () => {
    let r = mcg(['scan', outside, '--no-build', '--root', root]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/outside the workspace/);
    r = mcg(['scan', '.', '--no-build', '--dockerfile', 'Dockerfile', '--context', outside]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/outside the workspace/);
  });

  it('symlinked Dockerfiles and directories pointing outside are not followed by discovery', () => {
    symlinkSync(join(outside, 'Dockerfile'), join(root, 'Dockerfile.linked'));
    symlinkSync(outside, join(root, 'linked-dir'));
    symlinkSync('/etc', join(root, 'etc-link'));
    const r = mcg(['scan', '.', '--no-build', '--format', 'json']);
    expect([0, 1], r.stderr).toContain(r.status);
    const report = JSON.parse(r.stdout) as { targets: { name: string }[] };
    expect(report.targets.map((t) => t.name)).toEqual(['Dockerfile']);
    expectNoOutsideContent(r.stdout + r.stderr);
  });

  it('an explicit --dockerfile through a symlink (file or directory) to outside is refused', () => {
    symlinkSync(join(outside, 'Dockerfile'), join(root, 'Dockerfile.linked'));
    symlinkSync(outside, join(root, 'linked-dir'));
    for (const d of ['Dockerfile.linked', 'linked-dir/Dockerfile']) {
      const r = mcg(['scan', '.', '--no-build', '--dockerfile', d, '--format', 'json']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/outside the workspace/);
      expectNoOutsideContent(r.stdout + r.stderr);
    }
  });

  it('a .mcg.yml that is a symlink to outside is refused, not read', () => {
    symlinkSync(join(outside, 'secret.txt'), join(root, '.mcg.yml'));
    const r = mcg(['scan', '.', '--no-build']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/outside the workspace/);
    expectNoOutsideContent(r.stdout + r.stderr);
  });

  it('a .dockerignore symlinked to outside leaks nothing into the output', () => {
    writeFileSync(join(outside, 'ignore'), 'outside-file-content-5d2b\n!outside-only-image-7f3a\n');
    symlinkSync(join(outside, 'ignore'), join(root, '.dockerignore'));
    writeFileSync(join(root, '.env'), 'X=1\n');
    writeFileSync(join(root, 'Dockerfile'), INJECTION_COPY_DOCKERFILE);
    for (const format of ['json', 'sarif', 'markdown', 'table']) {
      const r = mcg(['scan', '.', '--no-build', '--format', format]);
      expect([0, 1], r.stderr).toContain(r.status);
      expectNoOutsideContent(r.stdout + r.stderr);
    }
  });

  it('an output path that is a symlink is never written through', () => {
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'original\n');
    symlinkSync(victim, join(root, 'report.json'));
    for (const flag of ['--output', '--sarif', '--report-json']) {
      const r = mcg(['scan', '.', '--no-build', '--format', 'json', flag, 'report.json']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/symbolic link/);
      expect(readFileSync(victim, 'utf8')).toBe('original\n');
    }
  });

  it('a normal output path is written (and an existing file replaced)', () => {
    writeFileSync(join(root, 'report.json'), 'old');
    const r = mcg(['scan', '.', '--no-build', '--format', 'json', '--output', 'report.json', '--sarif', 'out/r.sarif']);
    expect([0, 1], r.stderr).toContain(r.status);
    expect(JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'))).toHaveProperty('findings');
    expect(sarifErrors(JSON.parse(readFileSync(join(root, 'out', 'r.sarif'), 'utf8')))).toEqual([]);
    expect(readdirSync(root).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
