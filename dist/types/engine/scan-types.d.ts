/** The scan's options and the checkers it is composed with (the image pipeline, YAML, MCP). */
import type { CoverageEntry, Exec, FailOn, Finding, Logger, ScannerStatus, Severity, TargetInfo } from '../core/types.js';
import type { ProbeOptions } from '../core/probe/options.js';
import type { RuleSettings } from '../core/rule-hits.js';
import type { SbomRequest } from '../core/sbom.js';
import type { DockerfileTarget } from '../core/discover.js';
import type { Baseline } from '../core/merge.js';
import type { McgConfig } from '../core/config.js';
import type { ImageFacts } from '../core/image/model.js';
import type { BuildCacheRequest } from '../core/build-cache.js';
export interface TrivyDbOptions {
    repositories?: string[];
    javaRepositories?: string[];
    /** A DB older than this (hours, from db/metadata.json UpdatedAt) is an MCG990 finding unless offline. */
    maxAgeHours?: number;
    /** The first backoff wait (ms; default 2000); tests shorten it. */
    retryBaseMs?: number;
}
/** The cache request and what the caller knows of the run (the action: fork or not, default branch or not). */
export interface BuildCacheOptions extends BuildCacheRequest {
    readOnly?: boolean;
    defaultBranch?: boolean;
}
export interface ScanOptions {
    /** Workspace root (absolute). Every path is confined to it. */
    root: string;
    /** What to scan below root (default: root itself). */
    path?: string;
    /** Explicit Dockerfiles (relative to root); default: discovered below `path`. */
    dockerfiles?: string[];
    /** Globs (repository-relative) selecting the Dockerfiles instead of the default names. */
    dockerfileGlobs?: string[];
    /** Build context for explicit Dockerfiles (default: the Dockerfile's directory). */
    context?: string;
    buildTarget?: string;
    buildArgs?: Record<string, string>;
    platform?: string;
    /** BuildKit's cache across runs (src/core/build-cache.ts); absent: none. */
    buildCache?: BuildCacheOptions;
    /** Build the image(s) and run the image checks and scanners (needs an image pipeline). */
    build: boolean;
    image?: string;
    imageTar?: string;
    scanners: {
        trivy: boolean;
        trufflehog: boolean;
    };
    configPath?: string;
    severityThreshold?: Severity;
    failOn?: FailOn;
    baseline?: Baseline;
    ignoreUnfixed?: boolean;
    verifySecrets?: boolean;
    offline?: boolean;
    timeoutMs?: number;
    now?: Date;
    /** Also check compose files, Kubernetes manifests and workflows (default true). */
    manifests?: boolean;
    /** The runtime probe of the built image (default: auto). */
    probe?: ProbeOptions;
    /** VEX documents (repository paths, OpenVEX or CycloneDX) that decide on image vulnerabilities. */
    vex?: string[];
    /** Trivy's DB: mirrors in order, and the oldest DB accepted (issue #23 item 3). */
    trivyDb?: TrivyDbOptions;
    /** The image's SBOM: which documents, and who receives them (issue #22). */
    sbom?: SbomRequest;
}
/** What the image pipeline (src/engine/pipeline.ts) returns for one Dockerfile target. */
export interface ImageScanResult {
    findings: Finding[];
    scanners: ScannerStatus[];
    image?: ImageFacts;
    info: Partial<TargetInfo>;
    /** Extra repository files findings point at (lockfiles), for inline suppressions. */
    files?: Map<string, string[]>;
    /** Ledger lines the pipeline adds (the runtime probe: checked, or not checked and why). */
    coverage?: CoverageEntry[];
}
export interface ImagePipeline {
    run(target: DockerfileTarget, opts: ScanOptions, config: McgConfig): Promise<ImageScanResult>;
}
export interface ScanDeps {
    logger: Logger;
    exec: Exec;
    imagePipeline?: ImagePipeline;
    /** Checks for compose/Kubernetes/workflow YAML (src/engine/yaml-engine.ts), when present. */
    yaml?: YamlChecker;
    /** Checks for MCP launch and publication files (src/engine/mcp-engine.ts), when present. */
    mcp?: McpChecker;
}
export interface McpChecker {
    /** True when the repository-relative path names a file the checker reads. */
    wants(path: string): boolean;
    /** `image`: the image this scan built that a server.json describes; `profile`: what the probe proved for the image the file launches (src/core/mcp/built-image.ts). */
    check(input: {
        path: string;
        text: string;
        target: string;
        image?: {
            ref?: string;
            labels: Readonly<Record<string, string>>;
        };
        profile?: readonly string[];
    }, settings?: RuleSettings): {
        findings: Finding[];
        fatal: boolean;
    };
}
export interface YamlChecker {
    classify(path: string, text: string, place?: {
        chartTemplate?: boolean;
    }): 'compose' | 'k8s' | 'workflow' | 'helm-template' | undefined;
    check(input: {
        path: string;
        text: string;
        kind: 'compose' | 'k8s' | 'workflow';
        target: string;
        env?: ReadonlyMap<string, string>;
    }, settings?: RuleSettings): {
        findings: Finding[];
        fatal: boolean;
        notes: string[];
        /** For kind `k8s`: no document is a Kubernetes object. */
        notKubernetes?: boolean;
    };
}
