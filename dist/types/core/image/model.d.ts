/**
 * The built image as the image rules and the scanner adapters see it: its config, its final
 * filesystem and the facts the Dockerfile rules read. Types and pure path helpers only; reading a
 * `docker save` tarball is the scanners' part (scanners/image-tar.ts).
 */
import type { HistoryEntry } from './layer-map.js';
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
export interface LayerEntry {
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
/** What is known of the built image (from `docker save`): evidence that outranks the static guess. */
export interface ImageFacts {
    /** `Config.User` of the image ('' when unset). */
    user: string;
    /** `Config.Healthcheck.Test`, when set. */
    healthcheck?: string[];
    /** `Config.Labels` of the image, when read. */
    labels?: Readonly<Record<string, string>>;
    /** `/etc/passwd` of the image's final filesystem, when it has one (names in USER are resolved there). */
    passwd?: string;
    /** True when the path exists in the image's final filesystem (symlinks followed where known). */
    hasPath(path: string): boolean;
}
/** `./a/b/` → `/a/b`. */
export declare function normPath(p: string): string;
/** Resolves a path through symlinks in the image (bounded), returning the entry it ends at. */
export declare function resolveInImage(files: ReadonlyMap<string, FsEntry>, path: string): FsEntry | undefined;
/** The ImageFacts the Dockerfile rules read (MCG001/MCG005/MCG016). */
export declare function imageFactsOf(img: ImageInspection): ImageFacts;
