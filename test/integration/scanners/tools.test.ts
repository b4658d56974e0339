import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PINNED, RELEASES, ToolError, assetFor, directoryCache, downloadUrl, fetchDownloader, parseVersion, resolveTool, type ReleaseTable,
} from '../../../src/scanners/tools.js';
import { spawnExec } from '../../../src/scanners/exec.js';
import { tarBuffer } from '../../support/image-tar-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-tools-'));
let server: Server;
let base = '';
const served = new Map<string, Buffer>();
let good: Buffer;
let table: ReleaseTable;

beforeAll(async () => {
  good = gzipSync(await tarBuffer([{ path: 'LICENSE', content: 'x' }, { path: 'trivy', content: '#!/bin/sh\necho "Version: 9.9.9"\n', mode: 0o755 }]));
  const sha = createHash('sha256').update(good).digest('hex');
  table = { trivy: { '9.9.9': { assets: { 'linux-x64': { file: 'trivy_9.9.9_Linux-64bit.tar.gz', sha256: sha } } } }, trufflehog: {} };
  served.set('/v9.9.9/trivy_9.9.9_Linux-64bit.tar.gz', good);
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const opts = (sub: string, extra: Partial<Parameters<typeof resolveTool>[1]> = {}) => ({
  exec: spawnExec,
  pathDirs: [],
  cache: directoryCache(join(dir, sub, 'cache')),
  download: fetchDownloader,
  tmpDir: join(dir, sub, 'tmp'),
  platform: 'linux-x64' as const,
  table,
  baseUrl: base,
  version: '9.9.9',
  ...extra,
});

describe('pinned release table', () => {
  it('pins every supported platform of both tools with a SHA-256', () => {
    for (const tool of ['trivy', 'trufflehog'] as const) {
      const rel = RELEASES[tool][PINNED[tool]]!;
      for (const p of ['linux-x64', 'linux-arm64', 'darwin-arm64'] as const) {
        expect(rel.assets[p]!.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(rel.assets[p]!.file).toContain(PINNED[tool]);
      }
    }
    expect(downloadUrl('trivy', '0.74.0', assetFor('trivy', '0.74.0', 'linux-x64'))).toBe(
      'https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz',
    );
  });
  it('refuses latest, unknown versions and the malicious Trivy releases', () => {
    expect(() => assetFor('trivy', 'latest', 'linux-x64')).toThrow(/refused: pin an exact version/);
    expect(() => assetFor('trivy', '0.73.9', 'linux-x64')).toThrow(/not a version this action has checksums for/);
    for (const v of ['0.69.4', '0.69.5', 'v0.69.6']) expect(() => assetFor('trivy', v, 'linux-x64')).toThrow(/malicious/);
    expect(() => assetFor('trufflehog', '3.97.0', undefined)).toThrow(ToolError);
  });
  it('reads versions from both tools', () => {
    expect(parseVersion('Version: 0.74.0\nVulnerability DB:\n  Version: 2')).toBe('0.74.0');
    expect(parseVersion('trufflehog 3.97.0')).toBe('3.97.0');
  });
});

describe('resolveTool against a local release server', () => {
  it('downloads, verifies, extracts and caches a good archive; the second time comes from the cache', async () => {
    const r = await resolveTool('trivy', opts('good'));
    expect(r.source).toBe('download');
    expect(readFileSync(r.path, 'utf8')).toContain('Version: 9.9.9');
    const again = await resolveTool('trivy', opts('good', { download: async () => { throw new Error('must not download'); } }));
    expect(again).toMatchObject({ source: 'cache', path: r.path });
  });
  it('refuses a tampered archive and caches nothing', async () => {
    const bad = Buffer.from(good);
    bad[bad.length - 10] = (bad[bad.length - 10] ?? 0) ^ 0xff;
    served.set('/v9.9.9/trivy_9.9.9_Linux-64bit.tar.gz', bad);
    try {
      await expect(resolveTool('trivy', opts('bad'))).rejects.toThrow(/checksum mismatch/);
      expect(existsSync(join(dir, 'bad', 'cache', 'trivy'))).toBe(false);
    } finally {
      served.set('/v9.9.9/trivy_9.9.9_Linux-64bit.tar.gz', good);
    }
  });
  it('refuses unknown versions and latest before downloading anything', async () => {
    const never = async (): Promise<void> => {
      throw new Error('must not download');
    };
    await expect(resolveTool('trivy', opts('unknown', { version: '1.2.3', download: never }))).rejects.toThrow(/not a version/);
    await expect(resolveTool('trivy', opts('latest', { version: 'latest', download: never }))).rejects.toThrow(/refused/);
  });
  it('a download error (404) fails', async () => {
    await expect(resolveTool('trivy', opts('404', { baseUrl: `${base}/nothing` }))).rejects.toThrow(/HTTP 404/);
  });
  it('uses PATH only with the pinned version, and an explicit path as given', async () => {
    const pathDir = join(dir, 'pathbin');
    mkdirSync(pathDir, { recursive: true });
    const fake = join(pathDir, 'trivy');
    writeFileSync(fake, '#!/bin/sh\necho "Version: 9.9.9"\n');
    chmodSync(fake, 0o755);
    expect(await resolveTool('trivy', opts('path', { pathDirs: [pathDir] }))).toMatchObject({ source: 'path', path: fake, version: '9.9.9' });
    writeFileSync(fake, '#!/bin/sh\necho "Version: 9.9.8"\n');
    expect((await resolveTool('trivy', opts('path2', { pathDirs: [pathDir] }))).source).toBe('download');
    expect(await resolveTool('trivy', opts('explicit', { explicitPath: fake }))).toMatchObject({ source: 'input', version: '9.9.8' });
    writeFileSync(fake, '#!/bin/sh\necho "Version: 0.69.5"\n');
    await expect(resolveTool('trivy', opts('explicit2', { explicitPath: fake }))).rejects.toThrow(/malicious/);
  });
});
