/**
 * Builds small `docker save`-shaped tarballs for tests (legacy `<id>/layer.tar` and OCI
 * `blobs/sha256/…` layouts, plain or gzip layers) with tar-stream.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

const EPOCH = new Date(0);

export interface FileSpec {
  path: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string;
  mode?: number;
  linkname?: string;
}

export async function tarBuffer(files: FileSpec[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((res) => p.on('end', () => res()));
  for (const f of files) {
    const type = f.type ?? 'file';
    // a fixed mtime: the same spec always gives the same layer digests (tar-stream stamps the current time otherwise)
    const header: Parameters<ReturnType<typeof pack>["entry"]>[0] = { name: f.path, mtime: EPOCH, type, mode: f.mode ?? (type === 'directory' ? 0o755 : 0o644), ...(f.linkname !== undefined ? { linkname: f.linkname } : {}) };
    if (type === 'file') p.entry(header, f.content ?? '');
    else p.entry(header);
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export interface ImageSpec {
  layers: FileSpec[][];
  config?: Record<string, unknown>;
  history?: Record<string, unknown>[];
  layout?: 'legacy' | 'oci';
  gzip?: boolean;
  tag?: string;
}

/** Writes a docker-save-like tarball to `out`; returns the layer diff ids. */
export async function writeImageTar(out: string, spec: ImageSpec): Promise<string[]> {
  const layerTars = await Promise.all(spec.layers.map((l) => tarBuffer(l)));
  const diffIds = layerTars.map((b) => `sha256:${sha(b)}`);
  const cfg = {
    architecture: 'amd64',
    os: 'linux',
    config: spec.config ?? {},
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: spec.history ?? spec.layers.map((_, i) => ({ created_by: `/bin/sh -c step${i}` })),
  };
  const cfgText = JSON.stringify(cfg);
  const cfgHex = sha(cfgText);
  const outer: FileSpec[] = [];
  const bin: { path: string; data: Buffer }[] = [];
  const layerPaths: string[] = [];
  if ((spec.layout ?? 'legacy') === 'legacy') {
    layerTars.forEach((b, i) => {
      const id = sha(`${i}:${diffIds[i]}`);
      const data = spec.gzip ? gzipSync(b) : b;
      bin.push({ path: `${id}/layer.tar`, data });
      outer.push({ path: `${id}/VERSION`, content: '1.0' });
      layerPaths.push(`${id}/layer.tar`);
    });
    outer.push({ path: `${cfgHex}.json`, content: cfgText });
    outer.push({ path: 'manifest.json', content: JSON.stringify([{ Config: `${cfgHex}.json`, RepoTags: [spec.tag ?? 'test/img:1'], Layers: layerPaths }]) });
  } else {
    const layerDescs: { mediaType: string; digest: string; size: number }[] = [];
    layerTars.forEach((b) => {
      const data = spec.gzip ? gzipSync(b) : b;
      const hex = sha(data);
      bin.push({ path: `blobs/sha256/${hex}`, data });
      layerPaths.push(`blobs/sha256/${hex}`);
      layerDescs.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${hex}`, size: data.length });
    });
    outer.push({ path: `blobs/sha256/${cfgHex}`, content: cfgText });
    const man = JSON.stringify({ schemaVersion: 2, config: { digest: `sha256:${cfgHex}`, size: cfgText.length }, layers: layerDescs });
    const manHex = sha(man);
    outer.push({ path: `blobs/sha256/${manHex}`, content: man });
    outer.push({ path: 'index.json', content: JSON.stringify({ schemaVersion: 2, manifests: [{ digest: `sha256:${manHex}`, size: man.length }] }) });
    if (spec.tag !== '') {
      outer.push({ path: 'manifest.json', content: JSON.stringify([{ Config: `blobs/sha256/${cfgHex}`, RepoTags: [spec.tag ?? 'test/img:1'], Layers: layerPaths }]) });
    }
  }
  // binary layers first, like docker save does (manifest.json comes last)
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((res) => p.on('end', () => res()));
  for (const b of bin) p.entry({ name: b.path, mode: 0o644, mtime: EPOCH }, b.data);
  for (const f of outer) p.entry({ name: f.path, mode: 0o644, mtime: EPOCH }, f.content ?? '');
  p.finalize();
  await done;
  writeFileSync(out, Buffer.concat(chunks));
  return diffIds;
}
