/**
 * The pipeline's orchestration with a scripted Exec (no Docker here; the real thing runs in
 * test/e2e): one save, one tar read, scanners in parallel, every failure an MCG990 finding on the
 * right line with the other results kept, the temp dir removed.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanPipeline, unionLength, type PipelineTools } from '../../../src/engine/pipeline.js';
import { defaultConfig } from '../../../src/core/config.js';
import type { Exec, ExecResult, Logger } from '../../../src/core/types.js';
import type { ScanOptions } from '../../../src/engine/scan.js';
import { writeImageTar } from '../../support/image-tar-builder.js';
import { readImageTar } from '../../../src/scanners/image-tar.js';

const root = mkdtempSync(join(tmpdir(), 'mcg-pipe-root-'));
const tmpRoot = mkdtempSync(join(tmpdir(), 'mcg-pipe-tmp-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(tmpRoot, { recursive: true, force: true });
});

const DF = 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\nCOPY . /app\nUSER app\n';
writeFileSync(join(root, 'Dockerfile'), DF);
writeFileSync(join(root, 'requirements.txt'), 'flask\nrequests==2.31.0\n');

const logger: Logger = { debug: () => undefined, info: () => undefined, warning: () => undefined, error: () => undefined };
const tools: PipelineTools = {
  docker: 'docker',
  trivy: async () => ({ path: '/x/trivy', version: '0.74.0' }),
  trufflehog: async () => ({ path: '/x/trufflehog', version: '3.97.0' }),
  trivyCacheDir: '/c',
};

type Script = (file: string, args: string[]) => Promise<ExecResult>;

async function diffIdsForImage(out: string): Promise<string[]> {
  return writeImageTar(out, {
    layers: [
      [{ path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }, { path: 'etc/ssl/certs/ca-certificates.crt', content: 'c' }],
      [{ path: 'usr/bin/curl', content: 'curl', mode: 0o755 }],
      [{ path: 'app/.env', content: 'X=1' }, { path: 'app/requirements.txt', content: 'requests' }],
    ],
    config: { User: 'app' },
    history: [
      { created_by: '/bin/sh -c #(nop) ADD file:x in /' },
      { created_by: '/bin/sh -c apt-get install -y curl' },
      { created_by: '/bin/sh -c #(nop) COPY dir:y in /app' },
      { created_by: '/bin/sh -c #(nop)  USER app', empty_layer: true },
    ],
  });
}

function scripted(overrides: Partial<Record<'build' | 'save' | 'trivy' | 'thImage' | 'thFs', Script>> = {}): { exec: Exec; calls: string[][] } {
  const calls: string[][] = [];
  let diffIds: string[] = [];
  const exec: Exec = async (file, args) => {
    calls.push([file, ...args]);
    const pick = (k: keyof typeof overrides, dflt: Script): Promise<ExecResult> => (overrides[k] ?? dflt)(file, args);
    if (file === 'docker' && args[0] === 'buildx') return { exitCode: 1, stdout: '', stderr: 'not installed' };
    if (file === 'docker' && args[0] === 'build') return pick('build', async () => ({ exitCode: 0, stdout: 'ok', stderr: '' }));
    if (file === 'docker' && args[0] === 'save')
      return pick('save', async () => {
        diffIds = await diffIdsForImage(args[2]!);
        return { exitCode: 0, stdout: '', stderr: '' };
      });
    if (file === '/x/trivy')
      return pick('trivy', async () => ({
        exitCode: 0,
        stderr: '',
        stdout: JSON.stringify({
          SchemaVersion: 2,
          Results: [
            { Class: 'os-pkgs', Type: 'debian', Vulnerabilities: [{ VulnerabilityID: 'CVE-1', PkgName: 'curl', InstalledVersion: '1', Severity: 'HIGH', Layer: { DiffID: diffIds[1] } }] },
            { Class: 'lang-pkgs', Type: 'python-pkg', Vulnerabilities: [{ VulnerabilityID: 'CVE-2', PkgName: 'requests', PkgPath: 'app/x/METADATA', InstalledVersion: '2.31.0', Severity: 'MEDIUM', Layer: { DiffID: diffIds[2] } }] },
          ],
        }),
      }));
    if (file === '/x/trufflehog' && args[0] === 'docker')
      return pick('thImage', async () => ({
        exitCode: 0,
        stderr: '',
        stdout: JSON.stringify({ SourceMetadata: { Data: { Docker: { file: '/app/.env' } } }, DetectorName: 'Github', Verified: false, Raw: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' }),
      }));
    if (file === '/x/trufflehog' && args[0] === 'filesystem')
      return pick('thFs', async () => ({
        exitCode: 0,
        stderr: '',
        stdout: JSON.stringify({ SourceMetadata: { Data: { Filesystem: { file: join(root, '.env'), line: 1 } } }, DetectorName: 'Github', Verified: false, Raw: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' }),
      }));
    return { exitCode: 127, stdout: '', stderr: `unexpected ${file}` };
  };
  return { exec, calls };
}

const opts: ScanOptions = { root, build: true, scanners: { trivy: true, trufflehog: true }, offline: true, timeoutMs: 60_000 };
const target = { name: 'Dockerfile', dockerfile: 'Dockerfile', context: '.', text: DF };
const lines = (fs: { ruleId: string; location: { path: string; startLine: number } }[]): string[] => fs.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`).sort();

describe('ScanPipeline', () => {
  it('builds, saves once, scans in parallel and maps everything to lines', async () => {
    const { exec, calls } = scripted();
    const r = await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, opts, defaultConfig());
    expect(lines(r.findings.filter((f) => f.source !== 'mcg'))).toEqual([
      'CVE-1 Dockerfile:2',
      'CVE-2 requirements.txt:2',
      'trufflehog/Github .env:1',
      'trufflehog/Github Dockerfile:3',
    ]);
    expect(r.findings.find((f) => f.ruleId === 'MCG050')?.location.startLine).toBe(4);
    expect(r.findings.filter((f) => f.ruleId === 'MCG052').map((f) => f.location.startLine)).toEqual([2]);
    expect(Object.fromEntries(r.scanners.map((s) => [s.name, s.status]))).toEqual({ docker: 'ran', trivy: 'ran', trufflehog: 'ran' });
    expect(calls.filter((c) => c[1] === 'save')).toHaveLength(1);
    // without verification the package-manager trees are not read at all (their hits are noise)
    expect(calls.find((c) => c[0] === '/x/trufflehog' && c[1] === 'docker')).toContain('--exclude-paths');
    expect(calls.find((c) => c[1] === 'build')).toContain('-t');
    expect(r.info.imageDigest).toMatch(/^sha256:/);
    expect(r.image?.user).toBe('app');
    expect(r.files?.has('requirements.txt')).toBe(true);
    expect(readdirSync(tmpRoot)).toEqual([]);
    expect(JSON.stringify(r.findings)).not.toContain('ghp_0123456789abcdefghij');
  });

  it('without verification TruffleHog reads only the layers the Dockerfile made; with it, the whole image', async () => {
    const seen: { verify: boolean; tar: string; diffIds: string[] }[] = [];
    const thImage = (verify: boolean) => async (_file: string, args: string[]): Promise<ExecResult> => {
      const tar = args[2]!.replace(/^file:\/\//, '');
      seen.push({ verify, tar, diffIds: (await readImageTar(tar)).diffIds });
      return { exitCode: 0, stderr: '', stdout: JSON.stringify({ SourceMetadata: { Data: { Docker: { file: '/app/.env' } } }, DetectorName: 'Github', Verified: false, Raw: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' }) };
    };
    for (const verify of [false, true]) {
      const { exec } = scripted({ thImage: thImage(verify) });
      const r = await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, { ...opts, verifySecrets: verify }, defaultConfig());
      // the same finding on the same line either way
      expect(lines(r.findings.filter((f) => f.source === 'trufflehog' && f.location.path === 'Dockerfile'))).toEqual(['trufflehog/Github Dockerfile:3']);
    }
    expect(seen).toHaveLength(2);
    // FROM's layer (the base image) left out: the RUN and COPY layers remain
    expect(seen[0]!.tar).toMatch(/image-own-layers\.tar$/);
    expect(seen[0]!.diffIds).toHaveLength(2);
    expect(seen[1]!.tar).toMatch(/image\.tar$/);
    expect(seen[1]!.diffIds).toHaveLength(3);
    expect(seen[1]!.diffIds.slice(1)).toEqual(seen[0]!.diffIds);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('with verification on, the whole image is scanned', async () => {
    const { exec, calls } = scripted();
    await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, { ...opts, verifySecrets: true }, defaultConfig());
    const th = calls.find((c) => c[0] === '/x/trufflehog' && c[1] === 'docker')!;
    expect(th).not.toContain('--exclude-paths');
    expect(th).not.toContain('--no-verification');
  });

  it('a Trivy crash is an MCG990 on FROM and a failed status; the other results stay', async () => {
    const { exec } = scripted({ trivy: async () => ({ exitCode: 2, stdout: '', stderr: 'panic: runtime error\npassword=hunter2hunter2hunter2' }) });
    const r = await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, opts, defaultConfig());
    const err = r.findings.filter((f) => f.ruleId === 'MCG990');
    expect(err).toHaveLength(1);
    expect(err[0]!.location.startLine).toBe(1);
    expect(err[0]!.error).toBe(true);
    expect(err[0]!.message).toMatch(/Trivy exited with status 2: panic: runtime error/);
    expect(err[0]!.message).not.toContain('hunter2hunter2hunter2');
    expect(r.scanners.find((s) => s.name === 'trivy')?.status).toBe('failed');
    expect(r.findings.some((f) => f.ruleId === 'trufflehog/Github')).toBe(true);
  });

  it('a TruffleHog timeout and unreadable Trivy output both fail closed', async () => {
    const { exec } = scripted({
      thImage: async () => ({ exitCode: 137, stdout: '', stderr: '', timedOut: true }),
      trivy: async () => ({ exitCode: 0, stdout: '<html>', stderr: '' }),
    });
    const r = await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, { ...opts, timeoutMs: 5000 }, defaultConfig());
    const msgs = r.findings.filter((f) => f.ruleId === 'MCG990').map((f) => f.message);
    expect(msgs.some((m) => /TruffleHog \(image\) timed out after 5 s/.test(m))).toBe(true);
    expect(msgs.some((m) => /Trivy printed output that is not JSON/.test(m))).toBe(true);
    expect(r.scanners.find((s) => s.name === 'trufflehog')?.status).toBe('failed');
    expect(r.findings.some((f) => f.ruleId === 'trufflehog/Github' && f.location.path === '.env')).toBe(true);
  });

  it('a failed build is an MCG990 on the failing instruction; the context is still scanned', async () => {
    const { exec } = scripted({
      build: async () => ({ exitCode: 1, stdout: 'Step 1/4 : FROM debian:bookworm-slim\nStep 2/4 : RUN apt-get install -y curl\nE: Unable to locate package curl', stderr: "The command '/bin/sh -c apt-get install -y curl' returned a non-zero code: 100" }),
    });
    const r = await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, opts, defaultConfig());
    const err = r.findings.find((f) => f.ruleId === 'MCG990')!;
    expect(err.location.startLine).toBe(2);
    expect(err.message).toContain('returned a non-zero code: 100');
    expect(r.scanners.find((s) => s.name === 'docker')?.status).toBe('failed');
    expect(r.scanners.find((s) => s.name === 'trivy')?.status).toBe('skipped');
    expect(r.findings.some((f) => f.ruleId === 'trufflehog/Github' && f.location.path === '.env')).toBe(true);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('--image-tar is read directly, nothing is built or saved; missing tools are MCG990', async () => {
    const tar = join(tmpRoot, '..', `mcg-given-${process.pid}.tar`);
    await diffIdsForImage(tar);
    const { exec, calls } = scripted();
    const noTrivy: PipelineTools = { ...tools, trivy: async () => Promise.reject(new Error('trivy 0.69.5 refused: malicious')) };
    const r = await new ScanPipeline({ exec, logger, tools: noTrivy, env: {}, tmpRoot }).run(target, { ...opts, build: false, imageTar: tar }, defaultConfig());
    expect(calls.some((c) => c[0] === 'docker')).toBe(false);
    expect(existsSync(tar)).toBe(true);
    expect(r.findings.find((f) => f.ruleId === 'MCG990')?.message).toMatch(/Trivy is not available: .*refused/);
    rmSync(tar);
  });

  it('MCG992 compares the image with the reading only when the pipeline built it', async () => {
    // the image runs as root while the Dockerfile's USER reads as app
    const rootImage = (out: string) => writeImageTar(out, { layers: [[{ path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/:/bin/sh\n' }]], config: { User: 'root' }, history: [{ created_by: '/bin/sh -c #(nop) ADD file:x in /' }] });
    const { exec } = scripted({ save: async (_f, args) => (await rootImage(args[2]!), { exitCode: 0, stdout: '', stderr: '' }) });
    const off = { ...opts, scanners: { trivy: false, trufflehog: false } };
    const built = await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, off, defaultConfig());
    expect(built.findings.filter((f) => f.ruleId === 'MCG992').map((f) => [f.location.startLine, f.severity])).toEqual([[4, 'high']]);
    const tar = join(tmpRoot, '..', `mcg-given-root-${process.pid}.tar`);
    await rootImage(tar);
    const given = await new ScanPipeline({ exec, logger, tools, env: {}, tmpRoot }).run(target, { ...off, build: false, imageTar: tar }, defaultConfig());
    expect(given.findings.filter((f) => f.ruleId === 'MCG992')).toEqual([]);
    rmSync(tar);
  });

  it('unionLength merges overlapping intervals', () => {
    expect(unionLength([[0, 10], [5, 20], [30, 40]])).toBe(30);
    expect(unionLength([])).toBe(0);
  });
});
