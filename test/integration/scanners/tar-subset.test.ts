/**
 * The header-only tar index and the own-layers copy of an image tarball that TruffleHog reads
 * without verification: the copy must be a readable image holding exactly the kept layers (bytes
 * unchanged, diff ids paired), the history whole, and anything it cannot do safely must say so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pack } from 'tar-stream';
import { indexTar, tarHeader, writeLayerSubset } from '../../../src/scanners/tar-subset.js';
import { readImageTar } from '../../../src/scanners/image-tar.js';
import { writeImageTar, type ImageSpec } from '../../support/image-tar-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-tar-subset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec: ImageSpec = {
  layers: [
    [{ path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }, { path: 'usr/lib/big', content: 'x'.repeat(5000) }],
    [{ path: 'usr/bin/python3', content: 'py', mode: 0o755 }],
    [{ path: 'app/.env', content: 'TOKEN=1' }],
    [{ path: 'app/server.py', content: 'print(1)\n' }],
  ],
  config: { User: 'app' },
  history: [
    { created_by: '/bin/sh -c #(nop) ADD file:x in /' },
    { created_by: '/bin/sh -c install python' },
    { created_by: '/bin/sh -c #(nop)  ENV A=1', empty_layer: true },
    { created_by: 'COPY .env /app/ # buildkit' },
    { created_by: 'COPY server.py /app/ # buildkit' },
  ],
};

async function tarOf(entries: { name: string; content?: string; type?: 'file' | 'symlink'; linkname?: string }[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((res) => p.on('end', () => res()));
  for (const e of entries) {
    if (e.type === 'symlink') p.entry({ name: e.name, type: 'symlink', linkname: e.linkname ?? '' });
    else p.entry({ name: e.name, mode: 0o644 }, e.content ?? '');
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

describe('indexTar', () => {
  it('lists every entry with its data offset and size, long (PAX) names included, reading headers only', async () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(90)}.txt`;
    const nameless = 'n'.repeat(140);
    const buf = await tarOf([{ name: 'a.txt', content: 'hello' }, { name: long, content: 'x'.repeat(700) }, { name: nameless, content: 'yy' }, { name: 'l', type: 'symlink', linkname: 'a.txt' }]);
    const f = join(dir, 'plain.tar');
    writeFileSync(f, buf);
    const idx = await indexTar(f);
    expect(idx.map((e) => [e.name, e.size])).toEqual([
      ['a.txt', 5],
      [long, 700],
      [nameless, 2],
      ['l', 0],
    ]);
    for (const e of idx.filter((x) => x.type !== '2')) {
      const want = e.name === 'a.txt' ? 'hello' : e.name === long ? 'x'.repeat(700) : 'yy';
      expect(buf.subarray(e.offset, e.offset + e.size).toString()).toBe(want);
    }
    expect(idx[3]).toMatchObject({ type: '2', linkname: 'a.txt' });
  });

  it('rejects a corrupted header instead of guessing', async () => {
    const buf = await tarOf([{ name: 'a.txt', content: 'hello' }]);
    buf[10] = buf[10]! ^ 0xff;
    const f = join(dir, 'bad.tar');
    writeFileSync(f, buf);
    await expect(indexTar(f)).rejects.toThrow(/checksum/);
  });

  it('our own headers are valid ustar (GNU tar reads them), long names split into prefix', () => {
    const name = `${'p'.repeat(120)}/layer.tar`;
    const data = Buffer.from('abc');
    const f = join(dir, 'own.tar');
    writeFileSync(f, Buffer.concat([tarHeader(name, 3), data, Buffer.alloc(509), Buffer.alloc(1024)]));
    const r = spawnSync('tar', ['tvf', f], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(name);
    expect(() => tarHeader('q'.repeat(200), 1)).toThrow(/too long/);
  });
});

describe('writeLayerSubset', () => {
  for (const layout of ['legacy', 'oci'] as const) {
    it(`${layout}: keeps the chosen layers byte for byte, diff ids paired, history whole`, async () => {
      const src = join(dir, `${layout}.tar`);
      const diffIds = await writeImageTar(src, { ...spec, layout });
      const out = join(dir, `${layout}-sub.tar`);
      let seen: { diffIds: string[]; historyLength: number } | undefined;
      const r = await writeLayerSubset(src, out, (im) => {
        seen = { diffIds: im.diffIds, historyLength: im.history.length };
        return (i) => i >= 2;
      });
      expect(seen).toEqual({ diffIds, historyLength: 5 });
      expect(r).toMatchObject({ kept: [2, 3], total: 4 });
      const img = await readImageTar(out);
      expect(img.diffIds).toEqual(diffIds.slice(2));
      expect(img.history).toHaveLength(5);
      expect([...img.files.keys()].sort()).toEqual(['/app/.env', '/app/server.py']);
      expect(img.config.user).toBe('app');
      // the layer bytes are unchanged: their digests still are the diff ids
      const man = JSON.parse(spawnSync('tar', ['xOf', out, 'manifest.json'], { encoding: 'utf8' }).stdout) as { Config: string; Layers: string[] }[];
      expect(man).toHaveLength(1);
      expect(man[0]!.Layers).toHaveLength(2);
      const { createHash } = await import('node:crypto');
      man[0]!.Layers.forEach((l, k) => {
        const bytes = spawnSync('tar', ['xOf', out, l]).stdout;
        expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(diffIds[2 + k]);
      });
    });
  }

  it('follows a symlinked layer (docker save links a repeated layer)', async () => {
    const layer = await tarOf([{ name: 'app/x', content: 'x' }]);
    const { createHash } = await import('node:crypto');
    const d = `sha256:${createHash('sha256').update(layer).digest('hex')}`;
    const cfg = JSON.stringify({ rootfs: { type: 'layers', diff_ids: [d, d] }, history: [{ created_by: 'a' }, { created_by: 'b' }], config: {} });
    const p = pack();
    const chunks: Buffer[] = [];
    p.on('data', (c: unknown) => chunks.push(c as Buffer));
    const done = new Promise<void>((res) => p.on('end', () => res()));
    p.entry({ name: 'one/layer.tar' }, layer);
    p.entry({ name: 'two/layer.tar', type: 'symlink', linkname: '../one/layer.tar' });
    p.entry({ name: 'c.json' }, cfg);
    p.entry({ name: 'manifest.json' }, JSON.stringify([{ Config: 'c.json', RepoTags: null, Layers: ['one/layer.tar', 'two/layer.tar'] }]));
    p.finalize();
    await done;
    const src = join(dir, 'linked.tar');
    writeFileSync(src, Buffer.concat(chunks));
    const out = join(dir, 'linked-sub.tar');
    expect(await writeLayerSubset(src, out, () => (i) => i === 1)).toMatchObject({ kept: [1], bytes: layer.length });
    expect((await readImageTar(out)).files.has('/app/x')).toBe(true);
  });

  it('nothing to leave out, nothing to keep, no manifest.json or a diff-id count that does not pair: undefined', async () => {
    const src = join(dir, 'all.tar');
    await writeImageTar(src, spec);
    expect(await writeLayerSubset(src, join(dir, 'x1.tar'), () => () => true)).toBeUndefined();
    expect(await writeLayerSubset(src, join(dir, 'x2.tar'), () => () => false)).toBeUndefined();
    const oci = join(dir, 'oci-only.tar');
    await writeImageTar(oci, { ...spec, layout: 'oci', tag: '' });
    expect(await writeLayerSubset(oci, join(dir, 'x3.tar'), () => (i) => i > 1)).toBeUndefined();
    const bad = join(dir, 'mismatch.tar');
    writeFileSync(
      bad,
      await tarOf([
        { name: 'l.tar', content: '' },
        { name: 'c.json', content: JSON.stringify({ rootfs: { diff_ids: ['sha256:a', 'sha256:b'] } }) },
        { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['l.tar'] }]) },
      ]),
    );
    expect(await writeLayerSubset(bad, join(dir, 'x4.tar'), () => () => true)).toBeUndefined();
    expect(readFileSync(src).length).toBeGreaterThan(0);
  });
});
