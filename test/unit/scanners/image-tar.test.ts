import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageTarError, imageFactsOf, normPath, readImageTar, resolveInImage } from '../../../src/scanners/image-tar.js';
import { writeImageTar, type FileSpec } from '../../support/image-tar-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-imgtar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: FileSpec[] = [
  { path: 'bin', type: 'symlink', linkname: 'usr/bin' },
  { path: 'usr/', type: 'directory' },
  { path: 'usr/bin/', type: 'directory' },
  { path: 'usr/bin/sh', content: '#!sh', mode: 0o755 },
  { path: 'usr/bin/su', content: 'su', mode: 0o4755 },
  { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n' },
  { path: 'etc/ssl/certs/ca-certificates.crt', content: 'CERTS' },
  { path: 'opt/cache/a', content: 'aaaa' },
  { path: 'opt/cache/b', content: 'bbbb' },
];
const second: FileSpec[] = [
  { path: 'usr/bin/.wh.su' },
  { path: 'opt/cache/.wh..wh..opq' },
  { path: 'opt/cache/c', content: 'c' },
  { path: 'app/.env', content: 'X=1' },
  { path: './usr/bin/curl', content: 'curl', mode: 0o2755 },
];

describe.each([
  ['legacy', false],
  ['legacy', true],
  ['oci', false],
  ['oci', true],
] as const)('readImageTar %s layout (gzip %s)', (layout, gzip) => {
  it('applies whiteouts and opaque dirs, keeps modes, passwd and config', async () => {
    const out = join(dir, `${layout}-${gzip}.tar`);
    const diffIds = await writeImageTar(out, {
      layers: [base, second],
      layout,
      gzip,
      config: { User: 'app', Healthcheck: { Test: ['CMD', 'curl', '-f', 'http://x'] }, Env: ['A=b'] },
    });
    const img = await readImageTar(out);
    expect(img.diffIds).toEqual(diffIds);
    expect(img.config.user).toBe('app');
    expect(img.config.healthcheck).toEqual(['CMD', 'curl', '-f', 'http://x']);
    expect(img.config.env).toEqual(['A=b']);
    expect(img.files.has('/usr/bin/su')).toBe(false);
    expect(img.layerOfPath('/usr/bin/su')).toBe(0);
    expect(img.files.has('/opt/cache/a')).toBe(false);
    expect(img.files.get('/opt/cache/c')?.layer).toBe(1);
    expect(img.files.get('/usr/bin/curl')!.mode & 0o2000).toBeTruthy();
    expect(img.files.get('/app/.env')?.layer).toBe(1);
    expect(img.passwd).toContain('app:x:1000');
    expect(img.size).toBe(base.concat(second).reduce((n, f) => n + (f.type && f.type !== 'file' ? 0 : (f.content ?? '').length), 0));
    expect(img.unreadableLayers).toEqual([]);
    const facts = imageFactsOf(img);
    expect(facts.hasPath('/bin/sh')).toBe(true);
    expect(facts.hasPath('/bin/curl')).toBe(true);
    expect(facts.hasPath('/bin/su')).toBe(false);
    expect(facts.user).toBe('app');
  });
});

describe('readImageTar errors', () => {
  it('refuses a file that is not a tarball', async () => {
    const p = join(dir, 'garbage.tar');
    writeFileSync(p, 'not a tar at all'.repeat(100));
    await expect(readImageTar(p)).rejects.toBeInstanceOf(ImageTarError);
  });
  it('refuses a tarball without a manifest', async () => {
    const out = join(dir, 'nomanifest.tar');
    await writeImageTar(out, { layers: [base], layout: 'oci', tag: '' });
    // remove index.json too by building a plain tar of files
    const { tarBuffer } = await import('../../support/image-tar-builder.js');
    writeFileSync(out, await tarBuffer([{ path: 'hello.txt', content: 'x' }]));
    await expect(readImageTar(out)).rejects.toThrow(/no manifest/);
  });
  it('reads the OCI layout without manifest.json through index.json', async () => {
    const out = join(dir, 'ociindex.tar');
    await writeImageTar(out, { layers: [base], layout: 'oci', tag: '' });
    const img = await readImageTar(out);
    expect(img.files.has('/usr/bin/sh')).toBe(true);
  });
  it('reads Config.Labels (string values only) into the image facts', async () => {
    const out = join(dir, 'labels.tar');
    await writeImageTar(out, { layers: [base], config: { Labels: { 'io.modelcontextprotocol.server.name': 'io.github.o/s', odd: 3 } } });
    expect(imageFactsOf(await readImageTar(out)).labels).toEqual({ 'io.modelcontextprotocol.server.name': 'io.github.o/s' });
    await writeImageTar(out, { layers: [base] });
    expect(imageFactsOf(await readImageTar(out)).labels).toEqual({});
  });
});

describe('paths', () => {
  it('normalises tar names', () => {
    expect(normPath('./a/b/')).toBe('/a/b');
    expect(normPath('a/../b')).toBe('/b');
    expect(normPath('/')).toBe('/');
  });
  it('resolves relative and absolute symlinks and loops safely', () => {
    const files = new Map([
      ['/lib', { path: '/lib', type: 'symlink' as const, linkname: 'usr/lib', mode: 0o777, size: 0, uid: 0, gid: 0, layer: 0 }],
      ['/usr/lib/x.so', { path: '/usr/lib/x.so', type: 'file' as const, mode: 0o644, size: 1, uid: 0, gid: 0, layer: 0 }],
      ['/loop', { path: '/loop', type: 'symlink' as const, linkname: '/loop', mode: 0o777, size: 0, uid: 0, gid: 0, layer: 0 }],
    ]);
    expect(resolveInImage(files, '/lib/x.so')?.path).toBe('/usr/lib/x.so');
    expect(resolveInImage(files, '/loop')).toBeUndefined();
  });
});
