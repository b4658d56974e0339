/**
 * Reads a `docker save` tarball in process, streaming (tar-stream), never unpacking to disk:
 * manifest.json (legacy `<id>/layer.tar` and OCI `blobs/sha256/…` layouts), the image config and
 * every layer tar (plain or gzip) → the final filesystem as an index of paths with whiteouts
 * applied (modes, sizes, symlink targets, the layer that wrote each path). Memory is bounded by
 * the number of paths: file contents are drained, except `/etc/passwd` and `/etc/group`.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import type { HistoryEntry } from '../core/image/layer-map.js';
import { normPath, type FsEntry, type ImageConfigFacts, type ImageInspection } from '../core/image/model.js';
import { collect, drain, peek, readLayerTar, sink, sniff, type Chunks, type LayerRecord } from './layer-tar.js';

export { imageFactsOf, normPath, resolveInImage, type FsEntry, type FsType, type ImageConfigFacts, type ImageInspection } from '../core/image/model.js';

export class ImageTarError extends Error {}

const MAX_JSON = 16 * 1024 * 1024;

interface ManifestEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

function resolveLink(from: string, target: string): string {
  if (target.startsWith('/')) return normPath(target);
  const dir = from.slice(0, from.lastIndexOf('/'));
  const parts: string[] = [];
  for (const p of `${dir}/${target}`.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** Reads a `docker save` tarball. Throws ImageTarError when it holds no readable image. */
export async function readImageTar(tarPath: string): Promise<ImageInspection> {
  const layers = new Map<string, LayerRecord>();
  const jsons = new Map<string, string>();
  const aliases = new Map<string, string>();
  const outer = extract();
  const reading = pipeline(createReadStream(tarPath), sink(outer));
  try {
    for await (const entry of outer as AsyncIterable<Chunks & { header: Header }>) {
      const h = entry.header;
      const name = h.name.replace(/^\.\//, '');
      if (h.type === 'symlink' && h.linkname) {
        aliases.set(name, resolveLink(name, h.linkname));
        await drain(entry);
        continue;
      }
      if (h.type !== 'file' && h.type !== 'contiguous-file' && h.type !== undefined && h.type !== null) {
        await drain(entry);
        continue;
      }
      const { head, rest } = await peek(entry, 1024);
      const kind = sniff(head);
      if (kind === 'json' && (h.size ?? 0) <= MAX_JSON) {
        const buf = await collect(rest, MAX_JSON);
        if (buf) jsons.set(name, buf.toString('utf8'));
      } else if (kind === 'tar') {
        layers.set(name, await readLayerTar(rest));
      } else if (kind === 'gzip') {
        layers.set(name, await readLayerTar(rest.pipe(createGunzip())));
      } else if (kind === 'zstd') {
        layers.set(name, { entries: [], whiteouts: [], opaque: [], small: new Map(), error: 'zstd-compressed layer (not supported)' });
        await drain(rest);
      } else {
        await drain(rest);
      }
    }
    await reading;
  } catch (e) {
    reading.catch(() => undefined);
    throw new ImageTarError(`cannot read image tarball ${tarPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return assemble(tarPath, layers, jsons, aliases);
}

function manifestOf(jsons: Map<string, string>): ManifestEntry | undefined {
  const m = parseJson(jsons.get('manifest.json'));
  if (Array.isArray(m) && isRecord(m[0]) && typeof m[0]['Config'] === 'string') {
    const e = m[0];
    return { Config: e['Config'] as string, RepoTags: strings(e['RepoTags']), Layers: strings(e['Layers']) ?? [] };
  }
  // OCI layout only: index.json → (nested index →) manifest → config + layers
  const blob = (digest: unknown): unknown => (typeof digest === 'string' ? parseJson(jsons.get(`blobs/${digest.replace(':', '/')}`)) : undefined);
  let node: unknown = parseJson(jsons.get('index.json'));
  for (let depth = 0; depth < 4 && isRecord(node); depth++) {
    if (Array.isArray(node['manifests'])) {
      const first: unknown = node['manifests'][0];
      node = isRecord(first) ? blob(first['digest']) : undefined;
      continue;
    }
    const cfg = node['config'];
    const ls = node['layers'];
    if (isRecord(cfg) && typeof cfg['digest'] === 'string' && Array.isArray(ls)) {
      return {
        Config: `blobs/${cfg['digest'].replace(':', '/')}`,
        Layers: ls.filter(isRecord).map((l) => `blobs/${String(l['digest']).replace(':', '/')}`),
      };
    }
    break;
  }
  return undefined;
}

/** The container config of the image config (`config.User`, `Env`, …) as the checks read it. */
function configOf(cfg: Record<string, unknown>): ImageConfigFacts {
  const c = isRecord(cfg['config']) ? cfg['config'] : {};
  const hc = isRecord(c['Healthcheck']) ? strings(c['Healthcheck']['Test']) : undefined;
  return {
    user: typeof c['User'] === 'string' ? c['User'] : '',
    healthcheck: hc,
    env: strings(c['Env']) ?? [],
    cmd: strings(c['Cmd']),
    entrypoint: strings(c['Entrypoint']),
    workingDir: typeof c['WorkingDir'] === 'string' ? c['WorkingDir'] : undefined,
    shell: strings(c['Shell']),
    exposedPorts: isRecord(c['ExposedPorts']) ? Object.keys(c['ExposedPorts']) : [],
    labels: isRecord(c['Labels']) ? Object.fromEntries(Object.entries(c['Labels']).filter((e): e is [string, string] => typeof e[1] === 'string')) : {},
    architecture: typeof cfg['architecture'] === 'string' ? cfg['architecture'] : undefined,
    os: typeof cfg['os'] === 'string' ? cfg['os'] : undefined,
  };
}

/** The image config's `history`, one entry per build step. */
function historyOf(cfg: Record<string, unknown>): HistoryEntry[] {
  return Array.isArray(cfg['history'])
    ? cfg['history'].filter(isRecord).map((e) => ({
        created_by: typeof e['created_by'] === 'string' ? e['created_by'] : undefined,
        empty_layer: e['empty_layer'] === true,
        comment: typeof e['comment'] === 'string' ? e['comment'] : undefined,
        created: typeof e['created'] === 'string' ? e['created'] : undefined,
      }))
    : [];
}

/** The image: its config, and the manifest's layers applied in order (opaque directories, whiteouts, entries) as the final filesystem. */
function assemble(tarPath: string, layers: Map<string, LayerRecord>, jsons: Map<string, string>, aliases: Map<string, string>): ImageInspection {
  const manifest = manifestOf(jsons);
  if (!manifest) throw new ImageTarError(`${tarPath} is not a docker save tarball: no manifest.json or index.json`);
  const cfg = parseJson(jsons.get(manifest.Config));
  if (!isRecord(cfg)) throw new ImageTarError(`${tarPath}: the image config ${manifest.Config} is missing or not JSON`);
  const config = configOf(cfg);
  const rootfs = isRecord(cfg['rootfs']) ? cfg['rootfs'] : {};
  const diffIds = strings(rootfs['diff_ids']) ?? [];
  const history = historyOf(cfg);
  const files = new Map<string, FsEntry>();
  const newest = new Map<string, number>();
  const small = new Map<string, { layer: number; text: string }>();
  const unreadable: string[] = [];
  let size = 0;
  manifest.Layers.forEach((lp, idx) => {
    let key = lp;
    for (let i = 0; i < 8 && !layers.has(key) && aliases.has(key); i++) key = aliases.get(key)!;
    const rec = layers.get(key);
    if (!rec) {
      unreadable.push(`${lp}: not in the tarball`);
      return;
    }
    if (rec.error) unreadable.push(`${lp}: ${rec.error}`);
    const remove = (p: string, keepSelf: boolean): void => {
      const prefix = p === '/' ? '/' : `${p}/`;
      if (!keepSelf) files.delete(p);
      for (const k of [...files.keys()]) if (k.startsWith(prefix)) files.delete(k);
    };
    for (const d of rec.opaque) remove(d, true);
    for (const w of rec.whiteouts) remove(w, false);
    for (const e of rec.entries) {
      // a directory replaced by a file takes its contents with it
      if (e.type !== 'dir' && files.get(e.path)?.type === 'dir') remove(e.path, false);
      files.set(e.path, { ...e, layer: idx });
      newest.set(e.path, idx);
      size += e.size;
    }
    for (const [p, text] of rec.small) small.set(p, { layer: idx, text });
  });
  const fromFinal = (p: string): string | undefined => {
    const f = files.get(p);
    const s = small.get(p);
    return f && s && f.layer === s.layer ? s.text : undefined;
  };
  const configName = manifest.Config.replace(/^blobs\/sha256\//, '').replace(/\.json$/, '');
  return {
    config,
    files,
    passwd: fromFinal('/etc/passwd'),
    group: fromFinal('/etc/group'),
    size,
    diffIds,
    history,
    id: /^[0-9a-f]{64}$/.test(configName) ? `sha256:${configName}` : undefined,
    repoTags: manifest.RepoTags ?? [],
    layerOfPath: (p: string) => newest.get(normPath(p)),
    unreadableLayers: unreadable,
  };
}
