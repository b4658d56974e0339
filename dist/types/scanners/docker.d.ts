import type { Exec } from '../core/types.js';
import type { DockerfileModel } from '../core/dockerfile/model.js';
export interface BuildOptions {
    /** Absolute context directory. */
    context: string;
    /** Absolute Dockerfile path. */
    dockerfile: string;
    target?: string;
    buildArgs?: Record<string, string>;
    platform?: string;
    tag: string;
    /** Extra words (from MCG_DOCKER_BUILD_EXTRA_ARGS), inserted right after `build`. */
    extraArgs?: string[];
    /** Use `docker buildx build --load`. */
    buildx?: boolean;
    /** `--cache-from V` / `--cache-to V` words (src/core/build-cache.ts cacheArgs), buildx only. */
    cacheArgs?: string[];
}
/** Splits MCG_DOCKER_BUILD_EXTRA_ARGS into words (whitespace; no shell, no quoting). */
export declare function splitExtraArgs(value: string | undefined): string[];
/** `mcg-scan/<slug>:<hash>` — a tag of our own per Dockerfile, context and target. */
export declare function imageTag(dockerfileRepoPath: string, contextRepoPath: string, target?: string): string;
export declare function buildArgs(o: BuildOptions): string[];
export declare function saveArgs(ref: string, out: string): string[];
/** True when `docker buildx version` works. */
export declare function hasBuildx(exec: Exec, docker: string, env?: Record<string, string>): Promise<boolean>;
/** buildx's current driver (`docker`, `docker-container`, …) from `docker buildx inspect`; undefined when unknown. */
export declare function buildxDriver(exec: Exec, docker: string, env?: Record<string, string>): Promise<string | undefined>;
/** The `Driver:` line of `docker buildx inspect`. Pure. */
export declare function parseBuildxDriver(out: string): string | undefined;
export interface BuildFailure {
    /** 1-based Dockerfile line of the failing instruction (undefined: not found). */
    line?: number;
    /** What the builder said, redacted. */
    message: string;
}
/** Reads the failing instruction out of a failed build's output. Pure. */
export declare function parseBuildFailure(output: string, model: DockerfileModel, dockerfileName: string): BuildFailure;
export interface DockerRunOptions {
    docker: string;
    env?: Record<string, string>;
    timeoutMs?: number;
}
export interface DockerStep {
    ok: boolean;
    /** Human-readable failure (redacted), when not ok. */
    failure?: string;
    output: string;
    durationMs: number;
}
export declare function build(exec: Exec, o: DockerRunOptions, b: BuildOptions): Promise<DockerStep>;
export declare function save(exec: Exec, o: DockerRunOptions, ref: string, out: string): Promise<DockerStep>;
