import type { Exec, Logger } from '../core/types.js';
import type { DockerfileTarget, ImagePipeline, ImageScanResult, ScanOptions } from '../core/scan.js';
import type { McgConfig } from '../core/config.js';
export interface ResolvedTool {
    path: string;
    version?: string;
}
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
export declare class ScanPipeline implements ImagePipeline {
    private readonly deps;
    constructor(deps: PipelineDeps);
    /**
     * Without verification every TruffleHog hit in a base-image layer is dropped as noise
     * (trufflehog.parseImage), so TruffleHog reads only the layers the Dockerfile made: a copy of the
     * tarball with those layers (the base layers are most of an image). Falls back to the whole
     * tarball when the layers cannot be told apart or the copy fails.
     */
    private ownLayersTar;
    run(target: DockerfileTarget, opts: ScanOptions, config: McgConfig): Promise<ImageScanResult>;
}
