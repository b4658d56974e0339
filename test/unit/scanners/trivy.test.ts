import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalStage, parseDockerfile } from '../../../src/core/dockerfile/model.js';
import { mapLayers, type HistoryEntry } from '../../../src/core/image/layer-map.js';
import { buildArgs, normalizeCheckId, parse, run, sameCheck } from '../../../src/scanners/trivy.js';
import { findPackageLine, locatePackage } from '../../../src/scanners/lockfiles.js';
import type { Exec } from '../../../src/core/types.js';

const fx = join(import.meta.dirname, '..', '..', 'fixtures', 'trivy');
const REPORT = readFileSync(join(fx, 'flawed-image.json'), 'utf8');
const CFG = JSON.parse(readFileSync(join(fx, 'flawed-image-config.json'), 'utf8')) as { rootfs: { diff_ids: string[] }; history: HistoryEntry[] };
const DF = readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'python-mcp-server', 'Dockerfile'), 'utf8');

function ctx(lockfiles = [{ path: 'examples/python-mcp-server/requirements.txt', lines: ['mcp==1.27.0', 'requests==2.31.0'] }]) {
  const m = parseDockerfile('examples/python-mcp-server/Dockerfile', DF);
  return { dockerfile: 'examples/python-mcp-server/Dockerfile', target: 't', layers: mapLayers(m, finalStage(m)!, CFG.history, CFG.rootfs.diff_ids), lockfiles };
}

describe('trivy buildArgs', () => {
  it('scans the saved tarball for vulnerabilities only, quietly, offline when asked', () => {
    expect(buildArgs({ input: '/t/i.tar', cacheDir: '/c' })).toEqual([
      'image', '--input', '/t/i.tar', '--format', 'json', '--skip-version-check', '--disable-telemetry', '--no-progress', '--scanners', 'vuln', '--cache-dir', '/c',
    ]);
    const a = buildArgs({ input: 'x', cacheDir: 'c', offline: true, ignoreUnfixed: true, timeoutMs: 90_500 });
    expect(a).toContain('--skip-db-update');
    expect(a).toContain('--skip-java-db-update');
    expect(a).toContain('--ignore-unfixed');
    expect(a.slice(a.indexOf('--timeout'), a.indexOf('--timeout') + 2)).toEqual(['--timeout', '91s']);
  });
});

describe('check ids', () => {
  it('accepts both id styles', () => {
    expect(normalizeCheckId('DS002')).toBe('DS-0002');
    expect(normalizeCheckId('DS-0002')).toBe('DS-0002');
    expect(normalizeCheckId('AVD-DS-0026')).toBe('DS-0026');
    expect(sameCheck('DS029', 'DS-0029')).toBe(true);
    expect(sameCheck('DS025', 'DS-0026')).toBe(false);
  });
});

describe('trivy parse (real report of the flawed example)', () => {
  const { findings, error } = parse(REPORT, ctx());
  it('maps curl to the apt-get RUN line and base packages to FROM', () => {
    expect(error).toBeUndefined();
    const curl = findings.filter((f) => f.message.startsWith('curl ') || f.message.startsWith('libcurl4 '));
    expect(curl).toHaveLength(4);
    for (const f of curl) expect(f.location).toMatchObject({ path: 'examples/python-mcp-server/Dockerfile', startLine: 7 });
    const expat = findings.find((f) => f.ruleId === 'CVE-2026-91003')!;
    expect(expat.location.startLine).toBe(3);
    expect(expat.severity).toBe('high');
    expect(expat.cvss).toBe(7.5);
    const crit = findings.find((f) => f.ruleId === 'CVE-2026-91001')!;
    expect(crit.severity).toBe('critical');
    expect(crit.cvss).toBe(9.8);
    expect(crit.message).toContain('fixed in 8.14.1-2');
    expect(crit.helpUri).toMatch(/^https:\/\//);
    expect(crit.rule?.title).toContain('curl');
  });
  it('maps requests to requirements.txt line 2 with the path inside the image as evidence', () => {
    const req = findings.find((f) => f.ruleId === 'CVE-2024-35195')!;
    expect(req.location).toMatchObject({ path: 'examples/python-mcp-server/requirements.txt', startLine: 2 });
    expect(req.location.evidence).toContain('/usr/local/lib/python3.11/dist-packages/requests-2.31.0.dist-info/METADATA');
    expect(req.fingerprintKey).toBe('CVE-2024-35195|requests|python-pkg|usr/local/lib/python3.11/dist-packages/requests-2.31.0.dist-info/METADATA');
    expect(req.fingerprintKey).not.toMatch(/2\.31\.0\.dist-info\/METADATA\|/);
  });
  it('falls back to the introducing instruction without a lockfile', () => {
    const req = parse(REPORT, ctx([])).findings.find((f) => f.ruleId === 'CVE-2024-35195')!;
    expect(req.location).toMatchObject({ path: 'examples/python-mcp-server/Dockerfile', startLine: 9 });
  });
  it('keeps fingerprint keys free of versions and lines', () => {
    for (const f of findings) {
      expect(f.fingerprintKey).not.toContain('7.88');
      expect(f.fingerprintKey).not.toMatch(/\|\d+$/);
    }
  });
});

describe('trivy parse errors', () => {
  it('reports garbage as an error, never throws', () => {
    expect(parse('{not json', ctx()).error).toMatch(/not JSON/);
    expect(parse('[1,2]', ctx()).error).toMatch(/not a Trivy report/);
    expect(parse('{"SchemaVersion":2,"Results":null}', ctx())).toEqual({ findings: [] });
    expect(parse('{"SchemaVersion":2,"Results":[{"Vulnerabilities":[null,1,{"VulnerabilityID":"X"}]}]}', ctx()).findings).toEqual([]);
  });
  it('run(): non-zero exit and timeouts become failures with the stderr tail', async () => {
    const exec: Exec = async () => ({ exitCode: 1, stdout: '', stderr: 'FATAL db error token=ghp_abcdefghijklmnopqrstuvwxyz0123456789' });
    const r = await run(exec, { trivy: 'trivy', input: 'i', cacheDir: 'c' }, ctx());
    expect(r.failure).toMatch(/Trivy exited with status 1: FATAL db error/);
    expect(r.failure).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    const t: Exec = async () => ({ exitCode: 137, stdout: '', stderr: '', timedOut: true });
    expect((await run(t, { trivy: 'trivy', input: 'i', cacheDir: 'c', timeoutMs: 5000 }, ctx())).failure).toMatch(/timed out after 5 s/);
    const g: Exec = async () => ({ exitCode: 0, stdout: 'garbage', stderr: '' });
    expect((await run(g, { trivy: 'trivy', input: 'i', cacheDir: 'c' }, ctx())).failure).toMatch(/not JSON/);
  });
});

describe('lockfiles', () => {
  it('finds packages in each format', () => {
    expect(findPackageLine('requirements-prod.txt', ['# x', 'Requests[socks]>=2', 'mcp'], 'requests')).toBe(2);
    expect(findPackageLine('requirements.txt', ['requests-oauthlib==1', 'requests==2'], 'requests')).toBe(2);
    expect(findPackageLine('requirements.txt', ['typing_extensions==4'], 'typing-extensions')).toBe(1);
    expect(findPackageLine('uv.lock', ['[[package]]', 'name = "requests"'], 'requests')).toBe(2);
    expect(findPackageLine('poetry.lock', ['[[package]]', 'name = "requests"'], 'requests')).toBe(2);
    expect(findPackageLine('Pipfile.lock', ['{', '  "requests": {'], 'requests')).toBe(2);
    expect(findPackageLine('package-lock.json', ['"packages": {', '  "node_modules/a/node_modules/zod": {', '  "node_modules/zod": {'], 'zod')).toBe(3);
    expect(findPackageLine('yarn.lock', ['"zod@^3.0.0":', 'zod@3'], 'zod')).toBe(1);
    expect(findPackageLine('pnpm-lock.yaml', ['packages:', '  zod@3.22.2:'], 'zod')).toBe(2);
    expect(findPackageLine('go.mod', ['module x', 'require (', '\tgolang.org/x/net v0.1.0', ')'], 'golang.org/x/net')).toBe(3);
    expect(findPackageLine('requirements.txt', ['flask'], 'requests')).toBeUndefined();
  });
  it('only looks in lockfiles of the package ecosystem', () => {
    const lfs = [
      { path: 'package-lock.json', lines: ['"node_modules/requests": {'] },
      { path: 'app/requirements.txt', lines: ['requests'] },
    ];
    expect(locatePackage(lfs, 'python-pkg', 'requests')).toEqual({ path: 'app/requirements.txt', line: 1 });
    expect(locatePackage(lfs, 'node-pkg', 'requests')).toEqual({ path: 'package-lock.json', line: 1 });
    expect(locatePackage(lfs, 'jar', 'requests')).toBeUndefined();
  });
});
