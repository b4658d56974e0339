/**
 * One layer tar of an image, read as a stream (tar-stream), never unpacked: its paths, whiteouts
 * and opaque directories, and the contents of `/etc/passwd` and `/etc/group` (every other file is
 * drained). With the stream helpers the outer tarball's reading uses too.
 */
import { Readable, type Writable } from 'node:stream';
import { extract } from 'tar-stream';
import { type LayerEntry } from '../core/image/model.js';
export interface LayerRecord {
    entries: LayerEntry[];
    /** Paths deleted by `.wh.<name>` files. */
    whiteouts: string[];
    /** Directories made opaque by `.wh..wh..opq`. */
    opaque: string[];
    small: Map<string, string>;
    error?: string;
}
export type Chunks = AsyncIterable<Buffer>;
export declare function drain(stream: Chunks): Promise<void>;
/** tar-stream's extract is a streamx Writable, which node's pipeline drives like a node one. */
export declare function sink(ex: ReturnType<typeof extract>): Writable;
export declare function collect(stream: Chunks, cap: number): Promise<Buffer | undefined>;
/** Reads one layer tar (already decompressed) into a record: paths, whiteouts, small files. */
export declare function readLayerTar(source: Chunks): Promise<LayerRecord>;
/** What a file of the tarball is, by its first bytes. */
export type Kind = 'gzip' | 'tar' | 'json' | 'zstd' | 'other';
export declare function sniff(head: Buffer): Kind;
/** Reads at least `min` bytes (or the whole stream) and returns them with a stream of the rest. */
export declare function peek(stream: Chunks, min: number): Promise<{
    head: Buffer;
    rest: Readable;
}>;
