/**
 * A `docker save` tarball cut down to some of its layers, for TruffleHog's image scan without
 * verification: the pipeline drops every unverified hit in a base-image layer as noise
 * (src/scanners/trufflehog.ts parseImage), so those layers need not be read at all. The index reads
 * only the 512-byte tar headers (seeking over the contents), the subset copies the kept layers'
 * bytes unchanged, with the image config (history kept whole, `rootfs.diff_ids` trimmed to the kept
 * layers) and a `manifest.json` naming them — the legacy docker-archive layout that TruffleHog's
 * `file://` reader (go-containerregistry's tarball) reads. Anything unexpected → undefined, and the
 * caller scans the whole tarball as before.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import type { HistoryEntry } from '../core/image/layer-map.js';

export interface TarEntryRef {
  name: string;
  /** Tar type flag: '0' (or '\0') regular file, '2' symlink, '5' directory … */
  type: string;
  linkname: string;
  /** Byte offset of the entry's data. */
  offset: number;
  size: number;
}

const BLOCK = 512;
const COPY_CHUNK = 8 * 1024 * 1024;

/** A ustar header for a regular file (mode 0644, owner 0, mtime 0). Throws when the name does not fit. */
export function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  let base = name;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0) throw new Error(`tar name too long: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`tar name too long: ${name}`);
  }
  if (size > 0o77777777777) throw new Error('tar entry over 8 GiB');
  h.write(base, 0, 100, 'utf8');
  h.write('0000644\0', 100, 8, 'ascii');
  h.write('0000000\0', 108, 8, 'ascii');
  h.write('0000000\0', 116, 8, 'ascii');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
  h.write('00000000000\0', 136, 12, 'ascii');
  h.write('        ', 148, 8, 'ascii');
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i]!;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

async function writeAll(fh: FileHandle, buf: Buffer, pos: number): Promise<void> {
  for (let off = 0; off < buf.length; ) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off, pos + off);
    off += bytesWritten;
  }
}

function cstr(buf: Buffer, start: number, len: number): string {
  const s = buf.subarray(start, start + len);
  const nul = s.indexOf(0);
  return (nul === -1 ? s : s.subarray(0, nul)).toString('utf8');
}

function octal(buf: Buffer, start: number, len: number): number {
  const s = buf.subarray(start, start + len);
  if ((s[0]! & 0x80) !== 0) {
    // base-256 (GNU) for sizes over 8 GiB
    let n = s[0]! & 0x7f;
    for (let i = 1; i < s.length; i++) n = n * 256 + s[i]!;
    return n;
  }
  const t = cstr(buf, start, len).trim();
  if (t === '') return 0;
  if (!/^[0-7]+$/.test(t)) throw new Error(`bad octal field "${t}"`);
  return parseInt(t, 8);
}

function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === octal(h, 148, 8);
}

/** PAX extended header records → key/value. */
function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp === -1) break;
    const len = Number(data.subarray(i, sp).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0 || i + len > data.length) break;
    const rec = data.subarray(sp + 1, i + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(buf, got, len - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/** The entries of a tar file from its headers only (contents are skipped, not read). Throws on a malformed header. */
export async function indexTar(path: string): Promise<TarEntryRef[]> {
  const fh = await open(path, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    const out: TarEntryRef[] = [];
    let pos = 0;
    let longName: string | undefined;
    let pax: Map<string, string> | undefined;
    while (pos + BLOCK <= fileSize) {
      const h = await readAt(fh, pos, BLOCK);
      if (h.length < BLOCK) throw new Error('truncated tar header');
      if (h.every((b) => b === 0)) break;
      if (!checksumOk(h)) throw new Error(`bad tar header checksum at byte ${pos}`);
      const type = String.fromCharCode(h[156]!);
      let size = octal(h, 124, 12);
      if (pax?.has('size')) size = Number(pax.get('size'));
      const dataAt = pos + BLOCK;
      const next = dataAt + Math.ceil(size / BLOCK) * BLOCK;
      if (next > fileSize) throw new Error('tar entry runs past the end of the file');
      if (type === 'L' || type === 'x') {
        const data = await readAt(fh, dataAt, size);
        if (type === 'L') longName = cstr(data, 0, data.length);
        else pax = paxRecords(data);
        pos = next;
        continue;
      }
      if (type !== 'g') {
        const magic = cstr(h, 257, 6);
        const prefix = magic.startsWith('ustar') ? cstr(h, 345, 155) : '';
        const base = cstr(h, 0, 100);
        const name = pax?.get('path') ?? longName ?? (prefix ? `${prefix}/${base}` : base);
        const linkname = pax?.get('linkpath') ?? cstr(h, 157, 100);
        out.push({ name: name.replace(/^\.\//, ''), type, linkname, offset: dataAt, size });
      }
      longName = undefined;
      pax = undefined;
      pos = next;
    }
    return out;
  } finally {
    await fh.close();
  }
}

function isRegular(e: TarEntryRef): boolean {
  return e.type === '0' || e.type === '\0' || e.type === '7';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The regular-file entry a name stands for, following symlinks (docker save links repeated layers). */
function fileEntry(byName: ReadonlyMap<string, TarEntryRef>, name: string): TarEntryRef | undefined {
  let cur = byName.get(name);
  for (let hops = 0; cur && cur.type === '2' && hops < 8; hops++) {
    const target = posix.normalize(posix.join(posix.dirname(cur.name), cur.linkname));
    cur = byName.get(target);
  }
  return cur && isRegular(cur) ? cur : undefined;
}

/** What the caller decides on: the image config's layers and history. */
export interface SubsetImage {
  diffIds: string[];
  history: HistoryEntry[];
}

export interface LayerSubset {
  /** Manifest indexes of the layers written. */
  kept: number[];
  total: number;
  bytes: number;
}

/**
 * Writes to `out` a docker-archive holding only the layers (manifest order) for which `keep` is
 * true. Undefined (nothing written that matters) when the tarball has no legacy `manifest.json`
 * with one image, a layer cannot be found, the config's diff ids do not pair with the layers, or
 * nothing would be left out or kept.
 */
export async function writeLayerSubset(src: string, out: string, keep: (image: SubsetImage) => (layerIndex: number) => boolean, index?: TarEntryRef[]): Promise<LayerSubset | undefined> {
  const entries = index ?? (await indexTar(src));
  const byName = new Map(entries.map((e) => [e.name, e]));
  const readJson = async (name: string): Promise<unknown> => {
    const e = fileEntry(byName, name);
    if (!e || e.size > 8 * 1024 * 1024) return undefined;
    const fh = await open(src, 'r');
    try {
      return JSON.parse((await readAt(fh, e.offset, e.size)).toString('utf8')) as unknown;
    } catch {
      return undefined;
    } finally {
      await fh.close();
    }
  };
  const manifest = await readJson('manifest.json');
  if (!Array.isArray(manifest) || manifest.length !== 1 || !isRecord(manifest[0])) return undefined;
  const m = manifest[0];
  const layerNames = m['Layers'];
  if (typeof m['Config'] !== 'string' || !Array.isArray(layerNames) || !layerNames.every((l): l is string => typeof l === 'string')) return undefined;
  const config = await readJson(m['Config']);
  if (!isRecord(config) || !isRecord(config['rootfs'])) return undefined;
  const diffIds = config['rootfs']['diff_ids'];
  if (!Array.isArray(diffIds) || diffIds.length !== layerNames.length) return undefined;
  if (!diffIds.every((d): d is string => typeof d === 'string')) return undefined;
  const history = Array.isArray(config['history']) ? (config['history'].filter(isRecord) as HistoryEntry[]) : [];
  const keepLayer = keep({ diffIds, history });
  const kept = layerNames.map((_, i) => i).filter((i) => keepLayer(i));
  if (kept.length === 0 || kept.length === layerNames.length) return undefined;
  const layerEntries = kept.map((i) => fileEntry(byName, layerNames[i]!));
  if (layerEntries.some((e) => e === undefined)) return undefined;

  const newConfig = { ...config, rootfs: { ...config['rootfs'], diff_ids: kept.map((i) => diffIds[i]!) } };
  const configBytes = Buffer.from(JSON.stringify(newConfig));
  const newManifest = [{ Config: 'config.json', RepoTags: Array.isArray(m['RepoTags']) ? m['RepoTags'] : null, Layers: kept.map((i) => layerNames[i]!) }];
  const out_ = await open(out, 'w');
  const from = await open(src, 'r');
  let bytes = 0;
  try {
    let pos = 0;
    const put = async (buf: Buffer): Promise<void> => {
      await writeAll(out_, buf, pos);
      pos += buf.length;
    };
    const pad = async (size: number): Promise<void> => {
      const r = size % BLOCK;
      if (r !== 0) await put(Buffer.alloc(BLOCK - r));
    };
    const written = new Set<string>();
    const chunk = Buffer.allocUnsafe(COPY_CHUNK);
    for (let k = 0; k < kept.length; k++) {
      const name = layerNames[kept[k]!]!;
      const e = layerEntries[k]!;
      if (written.has(name)) continue;
      written.add(name);
      bytes += e.size;
      await put(tarHeader(name, e.size));
      for (let done = 0; done < e.size; ) {
        const want = Math.min(COPY_CHUNK, e.size - done);
        const { bytesRead } = await from.read(chunk, 0, want, e.offset + done);
        if (bytesRead === 0) throw new Error(`${name}: the tarball ended early`);
        await put(chunk.subarray(0, bytesRead));
        done += bytesRead;
      }
      await pad(e.size);
    }
    for (const [name, data] of [
      ['config.json', configBytes],
      ['manifest.json', Buffer.from(JSON.stringify(newManifest))],
    ] as const) {
      await put(tarHeader(name, data.length));
      await put(data);
      await pad(data.length);
    }
    await put(Buffer.alloc(2 * BLOCK));
  } finally {
    await from.close();
    await out_.close();
  }
  return { kept, total: layerNames.length, bytes };
}
