/**
 * Trivy reads a TRIVY_* variable for every flag it has: the runner's environment must never decide
 * the scan behind our arguments (a hostile step exporting TRIVY_SERVER would send the image away,
 * TRIVY_SEVERITY=LOW or TRIVY_IGNOREFILE would hide findings). Both the image scan and the SBOM
 * converts run without them; everything else of the environment (DOCKER_HOST, PATH …) is kept.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, trivyEnv } from '../../../src/scanners/trivy.js';
import { runSbom } from '../../../src/scanners/sbom.js';
import type { Exec } from '../../../src/core/types.js';

const hostile = {
  PATH: '/usr/bin',
  DOCKER_HOST: 'unix:///var/run/docker.sock',
  TRIVY_SERVER: 'http://127.0.0.1:4954',
  TRIVY_SEVERITY: 'LOW',
  TRIVY_IGNOREFILE: '/tmp/ignore-everything',
  TRIVY_VEX: '/tmp/hostile.vex.json',
  trivy_skip_files: '/app/**',
  TRIVY_CACHE_DIR: '/tmp/poisoned-db',
  NOT_TRIVY_X: 'kept',
  UNSET: undefined,
};

const ctx = {
  dockerfile: 'Dockerfile',
  target: 't',
  lockfiles: [],
  layers: { history: [], layers: [], byDiffId: new Map(), from: { line: 1, endLine: 1, key: 'FROM', keyword: 'FROM', base: true } },
};

describe('trivyEnv', () => {
  it('drops every TRIVY_* variable, whatever its case, and keeps the rest', () => {
    expect(trivyEnv(hostile)).toEqual({ PATH: '/usr/bin', DOCKER_HOST: 'unix:///var/run/docker.sock', NOT_TRIVY_X: 'kept' });
  });

  it('without an explicit environment it filters the process environment', () => {
    process.env['TRIVY_SERVER_TEST_PROBE'] = 'http://127.0.0.1:1';
    try {
      const env = trivyEnv(undefined);
      expect(env['TRIVY_SERVER_TEST_PROBE']).toBeUndefined();
      expect(env['PATH']).toBe(process.env['PATH']);
    } finally {
      delete process.env['TRIVY_SERVER_TEST_PROBE'];
    }
  });

  it('the image scan and the SBOM converts are started with the filtered environment', async () => {
    const seen: Array<Record<string, string> | undefined> = [];
    const exec: Exec = async (_cmd, args, o) => {
      seen.push(o?.env);
      if (args[0] === 'convert') return { exitCode: 0, stdout: '{"bomFormat":"CycloneDX","components":[]}', stderr: '' };
      return { exitCode: 0, stdout: '{"Results":[]}', stderr: '' };
    };
    const env = Object.fromEntries(Object.entries(hostile).filter((e): e is [string, string] => e[1] !== undefined));
    await run(exec, { trivy: 'trivy', input: 'i.tar', cacheDir: 'c', env }, ctx);
    await runSbom(exec, { trivy: 'trivy', tmp: mkdtempSync(join(tmpdir(), 'mcg-trivy-env-')), env }, { json: '{"Results":[]}', formats: ['cyclonedx'], image: { tarName: 'i.tar' } }, ctx);
    expect(seen).toHaveLength(2);
    for (const e of seen) {
      expect(Object.keys(e ?? {}).filter((k) => /^trivy_/i.test(k))).toEqual([]);
      expect(e?.['DOCKER_HOST']).toBe('unix:///var/run/docker.sock');
    }
  });
});

describe('Trivy\'s working directory', () => {
  it('is a fresh empty directory, never the workspace (Trivy reads trivy.yaml and .trivyignore from it), removed afterwards', async () => {
    let cwd: string | undefined;
    let listing: string[] = [];
    let args: string[] = [];
    const exec: Exec = async (_cmd, a, o) => {
      cwd = o?.cwd;
      listing = cwd ? readdirSync(cwd) : [];
      args = a;
      return { exitCode: 0, stdout: '{"Results":[]}', stderr: '' };
    };
    await run(exec, { trivy: 'trivy', input: 'image.tar', cacheDir: 'cache', vex: ['a.vex.json'] }, ctx);
    expect(cwd).toBeDefined();
    expect(cwd).not.toBe(process.cwd());
    expect(listing).toEqual([]);
    expect(existsSync(cwd!)).toBe(false);
    // relative paths keep meaning what the caller meant
    for (const flag of ['--input', '--cache-dir', '--vex']) expect(isAbsolute(args[args.indexOf(flag) + 1]!), flag).toBe(true);
  });
});
