/**
 * Reads a `docker save` tarball in process, streaming (tar-stream), never unpacking to disk:
 * manifest.json (legacy `<id>/layer.tar` and OCI `blobs/sha256/…` layouts), the image config and
 * every layer tar (plain or gzip) → the final filesystem as an index of paths with whiteouts
 * applied (modes, sizes, symlink targets, the layer that wrote each path). Memory is bounded by
 * the number of paths: file contents are drained, except `/etc/passwd` and `/etc/group`.
 */
import { createReadStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import type { HistoryEntry } from './layer-map.js';
import type { ImageFacts } from '../rules/types.js';

export type FsType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** One path of the final filesystem: its entry in the layer that wrote it last. */
export interface FsEntry extends LayerEntry {
  /** Index of the layer (manifest order) that wrote this path last. */
  layer: number;
}

export interface ImageConfigFacts {
  user: string;
  healthcheck?: string[];
  env: string[];
  cmd?: string[];
  entrypoint?: string[];
  workingDir?: string;
  /** `Config.Shell` (SHELL instruction), when set. */
  shell?: string[];
  /** `Config.Labels` (the MCP registry's ownership label among them). */
  labels?: Record<string, string>;
  /** `Config.ExposedPorts` keys (`8080/tcp`); [] when none. */
  exposedPorts?: string[];
  architecture?: string;
  os?: string;
}

/** The built image as the image checks and the scanner adapters see it. */
export interface ImageInspection {
  config: ImageConfigFacts;
  /** Final filesystem, whiteouts applied. */
  files: ReadonlyMap<string, FsEntry>;
  /** `/etc/passwd` of the final filesystem (undefined when absent). */
  passwd?: string;
  group?: string;
  /** Sum of the sizes of every regular file in every layer (what `docker images` reports, roughly). */
  size: number;
  /** rootfs.diff_ids in order. */
  diffIds: string[];
  history: HistoryEntry[];
  /** Image id (`sha256:` of the config), when known. */
  id?: string;
  repoTags: string[];
  /** Newest layer (manifest order) whose tar holds the path, whiteouts NOT applied. */
  layerOfPath(path: string): number | undefined;
  /** Layers that could not be read (compressed with an unsupported algorithm …). */
  unreadableLayers: string[];
}

export class ImageTarError extends Error {}

const SMALL_FILES = new Set(['/etc/passwd', '/etc/group']);
const MAX_SMALL_FILE = 1024 * 1024;
const MAX_JSON = 16 * 1024 * 1024;

interface LayerEntry {
  /** Absolute path inside the image, e.g. `/usr/bin/curl`. */
  path: string;
  type: FsType;
  mode: number;
  size: number;
  uid: number;
  gid: number;
  /** Symlink or hardlink target as written in the tar. */
  linkname?: string;
}

interface LayerRecord {
  entries: LayerEntry[];
  /** Paths deleted by `.wh.<name>` files. */
  whiteouts: string[];
  /** Directories made opaque by `.wh..wh..opq`. */
  opaque: string[];
  small: Map<string, string>;
  error?: string;
}

/** `./a/b/` → `/a/b`. */
export function normPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

function typeOf(h: Header): FsType {
  switch (h.type) {
    case 'file':
    case 'contiguous-file':
    case undefined:
    case null:
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

type Chunks = AsyncIterable<Buffer>;

async function drain(stream: Chunks): Promise<void> {
  for await (const _ of stream) {
    /* discard */
  }
}

/** tar-stream's extract is a streamx Writable, which node's pipeline drives like a node one. */
function sink(ex: ReturnType<typeof extract>): Writable {
  return ex as unknown as Writable;
}

async function collect(stream: Chunks, cap: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let n = 0;
  let over = false;
  for await (const c of stream) {
    if (over) continue;
    n += c.length;
    if (n > cap) {
      over = true;
      parts.length = 0;
      continue;
    }
    parts.push(c);
  }
  return over ? undefined : Buffer.concat(parts);
}

/** Reads one layer tar (already decompressed) into a record: paths, whiteouts, small files. */
async function readLayerTar(source: Chunks): Promise<LayerRecord> {
  const rec: LayerRecord = { entries: [], whiteouts: [], opaque: [], small: new Map() };
  const ex = extract();
  const piping = pipeline(source, sink(ex));
  try {
    for await (const entry of ex as AsyncIterable<Chunks & { header: Header }>) {
      const h = entry.header;
      const path = normPath(h.name);
      const base = path.slice(path.lastIndexOf('/') + 1);
      const dir = path.slice(0, path.lastIndexOf('/')) || '/';
      if (base === '.wh..wh..opq') {
        rec.opaque.push(dir);
        await drain(entry);
        continue;
      }
      if (base.startsWith('.wh.')) {
        rec.whiteouts.push(normPath(`${dir}/${base.slice(4)}`));
        await drain(entry);
        continue;
      }
      const type = typeOf(h);
      rec.entries.push({
        path,
        type,
        mode: h.mode ?? 0,
        size: type === 'file' ? (h.size ?? 0) : 0,
        uid: h.uid ?? 0,
        gid: h.gid ?? 0,
        linkname: h.linkname ? h.linkname : undefined,
      });
      if (type === 'file' && SMALL_FILES.has(path) && (h.size ?? 0) <= MAX_SMALL_FILE) {
        const buf = await collect(entry, MAX_SMALL_FILE);
        if (buf) rec.small.set(path, buf.toString('utf8'));
      } else {
        await drain(entry);
      }
    }
    await piping;
  } catch (e) {
    piping.catch(() => undefined);
    rec.error = e instanceof Error ? e.message : String(e);
  }
  return rec;
}

type Kind = 'gzip' | 'tar' | 'json' | 'zstd' | 'other';

function sniff(head: Buffer): Kind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  const first = head.subarray(0, 64).toString('utf8').trimStart()[0];
  if (first === '{' || first === '[') return 'json';
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  // an empty layer tar is 1024 (or more) zero bytes
  if (head.length >= 512 && head.subarray(0, 512).every((b) => b === 0)) return 'tar';
  return 'other';
}

/** Reads at least `min` bytes (or the whole stream) and returns them with a stream of the rest. */
async function peek(stream: Chunks, min: number): Promise<{ head: Buffer; rest: Readable }> {
  const it = stream[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let n = 0;
  let done = false;
  while (n < min) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    parts.push(r.value);
    n += r.value.length;
  }
  const head = Buffer.concat(parts);
  async function* restGen(): AsyncGenerator<Buffer> {
    yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, rest: Readable.from(restGen(), { objectMode: false }) };
}

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

function assemble(tarPath: string, layers: Map<string, LayerRecord>, jsons: Map<string, string>, aliases: Map<string, string>): ImageInspection {
  const manifest = manifestOf(jsons);
  if (!manifest) throw new ImageTarError(`${tarPath} is not a docker save tarball: no manifest.json or index.json`);
  const cfg = parseJson(jsons.get(manifest.Config));
  if (!isRecord(cfg)) throw new ImageTarError(`${tarPath}: the image config ${manifest.Config} is missing or not JSON`);
  const c = isRecord(cfg['config']) ? cfg['config'] : {};
  const hc = isRecord(c['Healthcheck']) ? strings(c['Healthcheck']['Test']) : undefined;
  const config: ImageConfigFacts = {
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
  const rootfs = isRecord(cfg['rootfs']) ? cfg['rootfs'] : {};
  const diffIds = strings(rootfs['diff_ids']) ?? [];
  const history: HistoryEntry[] = Array.isArray(cfg['history'])
    ? cfg['history'].filter(isRecord).map((e) => ({
        created_by: typeof e['created_by'] === 'string' ? e['created_by'] : undefined,
        empty_layer: e['empty_layer'] === true,
        comment: typeof e['comment'] === 'string' ? e['comment'] : undefined,
        created: typeof e['created'] === 'string' ? e['created'] : undefined,
      }))
    : [];
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

/** Resolves a path through symlinks in the image (bounded), returning the entry it ends at. */
export function resolveInImage(files: ReadonlyMap<string, FsEntry>, path: string): FsEntry | undefined {
  let p = normPath(path);
  for (let hops = 0; hops < 16; hops++) {
    // resolve symlinked parent directories first
    const parts = p.split('/').filter(Boolean);
    let cur = '';
    let changed = false;
    for (let i = 0; i < parts.length; i++) {
      cur = `${cur}/${parts[i]}`;
      const e = files.get(cur);
      if (e?.type === 'symlink' && e.linkname !== undefined && i < parts.length - 1) {
        const target = e.linkname.startsWith('/') ? normPath(e.linkname) : normPath(`${cur.slice(0, cur.lastIndexOf('/'))}/${e.linkname}`);
        p = normPath(`${target}/${parts.slice(i + 1).join('/')}`);
        changed = true;
        break;
      }
    }
    if (changed) continue;
    const e = files.get(p);
    if (!e) return undefined;
    if (e.type !== 'symlink' || e.linkname === undefined) return e;
    p = e.linkname.startsWith('/') ? normPath(e.linkname) : normPath(`${p.slice(0, p.lastIndexOf('/'))}/${e.linkname}`);
  }
  return undefined;
}

/** The ImageFacts the Dockerfile rules read (MCG001/MCG005/MCG016). */
export function imageFactsOf(img: ImageInspection): ImageFacts {
  return {
    user: img.config.user,
    healthcheck: img.config.healthcheck,
    labels: img.config.labels,
    passwd: img.passwd,
    hasPath: (p: string) => resolveInImage(img.files, p) !== undefined,
  };
}
