/**
 * One layer tar of an image, read as a stream (tar-stream), never unpacked: its paths, whiteouts
 * and opaque directories, and the contents of `/etc/passwd` and `/etc/group` (every other file is
 * drained). With the stream helpers the outer tarball's reading uses too.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import { normPath, type FsType, type LayerEntry } from '../core/image/model.js';

const SMALL_FILES = new Set(['/etc/passwd', '/etc/group']);
const MAX_SMALL_FILE = 1024 * 1024;

export interface LayerRecord {
  entries: LayerEntry[];
  /** Paths deleted by `.wh.<name>` files. */
  whiteouts: string[];
  /** Directories made opaque by `.wh..wh..opq`. */
  opaque: string[];
  small: Map<string, string>;
  error?: string;
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

export type Chunks = AsyncIterable<Buffer>;

export async function drain(stream: Chunks): Promise<void> {
  for await (const _ of stream) {
    /* discard */
  }
}

/** tar-stream's extract is a streamx Writable, which node's pipeline drives like a node one. */
export function sink(ex: ReturnType<typeof extract>): Writable {
  return ex as unknown as Writable;
}

export async function collect(stream: Chunks, cap: number): Promise<Buffer | undefined> {
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
export async function readLayerTar(source: Chunks): Promise<LayerRecord> {
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

/** What a file of the tarball is, by its first bytes. */
export type Kind = 'gzip' | 'tar' | 'json' | 'zstd' | 'other';

export function sniff(head: Buffer): Kind {
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
export async function peek(stream: Chunks, min: number): Promise<{ head: Buffer; rest: Readable }> {
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
