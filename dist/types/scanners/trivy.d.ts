import type { Exec, Finding } from '../core/types.js';
import type { LayerMap } from '../core/image/layer-map.js';
import { type Lockfile } from './lockfiles.js';
export interface TrivyArgsOptions {
    input: string;
    cacheDir: string;
    offline?: boolean;
    ignoreUnfixed?: boolean;
    timeoutMs?: number;
    /** Write the JSON report to this file instead of stdout. */
    output?: string;
    /** VEX documents Trivy applies; what they suppress is still reported, as suppressed (`--show-suppressed`). */
    vex?: readonly string[];
    /** List every package, vulnerable or not (the SBOM is converted from this report). */
    listAllPackages?: boolean;
    /** Mirrors of the vulnerability DB / the Java DB, in order (Trivy tries them in turn). */
    dbRepositories?: readonly string[];
    javaDbRepositories?: readonly string[];
}
export declare function buildArgs(o: TrivyArgsOptions): string[];
/** `DS002`, `AVD-DS-0002`, `DS-0002` → `DS-0002` (Trivy changed its check id style in 2025). */
export declare function normalizeCheckId(id: string): string;
/** The same check whatever id style each side uses. */
export declare function sameCheck(a: string, b: string): boolean;
export interface TrivyParseContext {
    /** Repository path of the Dockerfile. */
    dockerfile: string;
    target: string;
    layers: LayerMap;
    /** Lockfiles/manifests of the build context, in preference order. */
    lockfiles: readonly Lockfile[];
}
export interface ParseResult {
    findings: Finding[];
    /** Set when the output could not be read at all. */
    error?: string;
}
/** Trivy JSON report → findings. Never throws: unreadable output is returned as `error`. */
export declare function parse(json: string, ctx: TrivyParseContext): ParseResult;
/**
 * The environment Trivy runs with: the runner's, less every `TRIVY_*` variable. Trivy reads one for
 * each of its flags (TRIVY_SERVER sends the image to a remote server, TRIVY_SEVERITY,
 * TRIVY_IGNOREFILE, TRIVY_VEX, TRIVY_SKIP_FILES … change what it reports), so a variable left in
 * the job's environment — or set by an earlier step of a hostile pull request — would decide the
 * scan behind our arguments. Only our argv decides. Undefined → the process environment.
 */
export declare function trivyEnv(env: Readonly<Record<string, string | undefined>> | undefined): Record<string, string>;
export interface TrivyRunOptions extends TrivyArgsOptions {
    trivy: string;
    env?: Record<string, string>;
    /**
     * Trivy's working directory. Trivy reads `trivy.yaml` and `.trivyignore` from it by default (a
     * repository's `trivy.yaml` with `severity: [LOW]` hides every critical finding, measured on
     * 0.74), so it is never the workspace: default, a fresh empty directory, removed afterwards.
     */
    cwd?: string;
}
export interface ScannerRun {
    findings: Finding[];
    /** Set when the scanner failed (crash, timeout, non-zero exit, unreadable output). */
    failure?: string;
    durationMs: number;
    /** Trivy's JSON report as printed (set when it was read). */
    output?: string;
    /** Trivy's stderr when it failed (the DB download failure is read from it). */
    stderr?: string;
}
/** `ctx` may still be in the making (the image tarball is read while Trivy runs): it is awaited after the process ends. */
export declare function run(exec: Exec, o: TrivyRunOptions, ctx: TrivyParseContext | Promise<TrivyParseContext>): Promise<ScannerRun>;
