/** The image pipeline's dependencies, its per-run context shared by the stages, and what a stage returns. */
import type { CoverageEntry, Exec, Finding, Logger, ScannerStatus } from '../core/types.js';
import type { McgConfig } from '../core/config.js';
import type { DockerfileModel, Stage } from '../core/dockerfile/model.js';
import type { ImageInspection } from '../core/image/model.js';
import type { LayerMap } from '../core/image/layer-map.js';
import type { ResolvedTool } from '../scanners/tools.js';
import type { DockerfileTarget } from '../core/discover.js';
import type { ImageScanResult, ScanOptions } from './scan-types.js';
/** Where the tools are; resolution (path input → PATH → cache → download) happens behind these. */
export interface PipelineTools {
    docker: string;
    /** Resolves the tool; `exec` runs its version check (so that the pipeline can time it). */
    trivy(exec: Exec): Promise<ResolvedTool>;
    trufflehog(exec: Exec): Promise<ResolvedTool>;
    trivyCacheDir: string;
}
/** Keeps Trivy's DB between runs (the action's @actions/cache); never throws. */
export interface TrivyDbCache {
    /** Fills `cacheDir` with a cached DB for this Trivy version, if there is one. Called once Trivy is resolved, before it runs. */
    restore(trivyVersion: string | undefined, cacheDir: string): Promise<void>;
}
export interface PipelineDeps {
    exec: Exec;
    logger: Logger;
    tools: PipelineTools;
    /** Environment for the tools (DOCKER_HOST …); default: the process environment. */
    env?: Record<string, string>;
    /** Extra `docker build` words (MCG_DOCKER_BUILD_EXTRA_ARGS, already split). */
    buildExtraArgs?: string[];
    /** Directory for the per-run temp dir (default: the OS temp dir). */
    tmpRoot?: string;
    /** Receives each raw secret value a scanner reported (the action masks them); never stored. */
    onSecret?: (raw: string) => void;
    /** Restores Trivy's DB before Trivy runs (overlapping the build). */
    trivyCache?: TrivyDbCache;
}
/** Where the time went, for the debug log and the benchmark. */
export interface PipelineTimings {
    buildMs: number;
    saveMs: number;
    readTarMs: number;
    /** Writing the copy of the tarball with the Dockerfile's own layers for TruffleHog. */
    layerSubsetMs: number;
    trivyMs: number;
    trufflehogImageMs: number;
    trufflehogContextMs: number;
    imageChecksMs: number;
    /** Converting Trivy's report into the SBOM documents (issue #22). */
    sbomMs: number;
    /** Wall time during which at least one external process (docker, trivy, trufflehog) ran. */
    externalMs: number;
    /** Pipeline wall time not spent waiting on an external process: our own code. */
    ownMs: number;
    totalMs: number;
}
/** Length of the union of time intervals. */
export declare function unionLength(intervals: readonly [number, number][]): number;
/** What one run of the pipeline shares with its stages: the target, its model, the timed exec and where temp files go. */
export interface PipelineRun {
    deps: PipelineDeps;
    target: DockerfileTarget;
    opts: ScanOptions;
    config: McgConfig;
    model: DockerfileModel;
    final: Stage | undefined;
    /** Runs an external process and records its interval (PipelineTimings.externalMs). */
    exec: Exec;
    env: Record<string, string>;
    timeoutMs: number;
    /** TruffleHog's timeout (its own config, else the scan's). */
    thTimeout: number;
    verify: boolean;
    /** The per-run temp directory (removed afterwards). */
    tmp: string;
    timings: PipelineTimings;
    /** An MCG990 finding for a tool that did not complete, at the final FROM unless a line is given. */
    fail(tool: string, message: string, key: string, line?: number): Finding;
}
/** What a stage found and which scanners it ran. */
export interface StageResult {
    findings: Finding[];
    scanners: ScannerStatus[];
    /** TruffleHog failures (image and context), summed into one scanner status. */
    failures?: string[];
    coverage?: CoverageEntry[];
    info?: Partial<ImageScanResult['info']>;
}
/** The image read once: its inspection (absent when the tarball could not be read) and the layer map. */
export interface ReadImage {
    img?: ImageInspection;
    layers: LayerMap;
}
export declare const noResult: () => StageResult;
export type { ResolvedTool };
