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
/** A ustar header for a regular file (mode 0644, owner 0, mtime 0). Throws when the name does not fit. */
export declare function tarHeader(name: string, size: number): Buffer;
/** The entries of a tar file from its headers only (contents are skipped, not read). Throws on a malformed header. */
export declare function indexTar(path: string): Promise<TarEntryRef[]>;
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
export declare function writeLayerSubset(src: string, out: string, keep: (image: SubsetImage) => (layerIndex: number) => boolean, index?: TarEntryRef[]): Promise<LayerSubset | undefined>;
