import type { Exec, Finding } from '../core/types.js';
import type { LayerMap } from '../core/image/layer-map.js';
import type { ScannerRun } from './trivy.js';
export interface TruffleHogArgsOptions {
    /** Ask the services whether the secrets are live (never for fork pull requests). */
    verify: boolean;
}
/** `excludePaths`: globs of paths inside the image left out of the scan (comma-joined, as TruffleHog's docker source takes them). */
export declare function imageArgs(tar: string, o: TruffleHogArgsOptions & {
    excludePaths?: readonly string[];
}): string[];
/**
 * Package-manager-owned trees of the image, as globs for `--exclude-paths`. Used only without
 * verification: every hit there would be unverified and dropped as noise (PACKAGE_OWNED below), so
 * not reading them loses nothing and saves most of TruffleHog's time (25 s → 6 s on the flawed
 * example). With verification on, they are scanned so that a live credential is never missed.
 */
export declare const IMAGE_NOISE_GLOBS: string[];
/** `excludeFile`: a file of newline-separated path regexes (TruffleHog's `--exclude-paths`). */
export declare function filesystemArgs(dir: string, o: TruffleHogArgsOptions & {
    excludeFile?: string;
}): string[];
/**
 * Dependency and VCS directories left out of the build-context scan: installed packages are not
 * the project's secrets (and are scanned in the image), `.git` history is a repository scan's job.
 */
export declare const CONTEXT_EXCLUDES: string[];
export interface TruffleHogResult {
    detector: string;
    description?: string;
    verified: boolean;
    raw: string;
    docker?: {
        file?: string;
        layer?: string;
    };
    filesystem?: {
        file?: string;
        line?: number;
    };
}
/** Line-delimited JSON → results; non-JSON lines (banners, logs) are skipped and counted. */
export declare function parseLines(stdout: string): {
    results: TruffleHogResult[];
    skipped: number;
};
/** First 16 hex of sha256(raw): identifies the secret in fingerprints without revealing it. */
export declare function secretHash(raw: string): string;
/** At most the first 4 characters followed by ****, and nothing for short secrets. */
export declare function redactedHint(raw: string): string;
export interface ImageContext {
    /** Repository path of the Dockerfile. */
    dockerfile: string;
    target: string;
    layers: LayerMap;
    /** Index (manifest order) of the newest layer whose tar holds the path. */
    layerOfPath(path: string): number | undefined;
}
export interface ParsedFindings {
    findings: Finding[];
    /** Unverified hits left out as package-manager noise. */
    dropped: number;
}
export interface ParseCounts {
    /** Results read. */
    parsed: number;
    /** stdout lines that were not a result. */
    skipped: number;
    /** The raw secret values TruffleHog reported: for masking in the runtime's log only, never for output. */
    raws: string[];
}
/** Image results → findings on the instruction of the layer (or history entry) that holds them. */
export declare function parseImage(stdout: string, ctx: ImageContext): ParsedFindings & ParseCounts;
export interface FilesystemContext {
    /** Absolute directory that was scanned. */
    scannedDir: string;
    /** Its repository-relative path ('.' for the root). */
    repoDir: string;
    target: string;
}
/** Context results → findings on the file and line. */
export declare function parseFilesystem(stdout: string, ctx: FilesystemContext): ParsedFindings & ParseCounts;
export interface TruffleHogRunOptions extends TruffleHogArgsOptions {
    trufflehog: string;
    excludeFile?: string;
    excludePaths?: readonly string[];
    timeoutMs?: number;
    env?: Record<string, string>;
    /** Called with each raw secret value found (the action masks them in the log); the value goes nowhere else. */
    onSecret?: (raw: string) => void;
}
/** `ctx` may still be in the making (the image tarball is read while TruffleHog runs): it is awaited after the process ends. */
export declare function runImage(exec: Exec, tar: string, o: TruffleHogRunOptions, ctx: ImageContext | Promise<ImageContext>): Promise<ScannerRun & {
    dropped: number;
}>;
export declare function runFilesystem(exec: Exec, o: TruffleHogRunOptions, ctx: FilesystemContext): Promise<ScannerRun>;
