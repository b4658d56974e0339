import { type Listings } from './files.js';
import type { DockerfileModel } from './dockerfile/model.js';
export declare class UsageError extends Error {
}
export interface DockerfileTarget {
    name: string;
    /** Repository-relative path of the Dockerfile. */
    dockerfile: string;
    /** Repository-relative context directory. */
    context: string;
    model?: DockerfileModel;
    text?: string;
}
/**
 * The names Docker and Podman build: `Dockerfile`, `dockerfile` (the fallback `docker build .`
 * reads), `Containerfile`, `containerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`
 * (not `.dockerignore`, notes or backups).
 */
export declare function isDockerfileName(name: string): boolean;
export interface DiscoverOptions {
    /** Workspace root (absolute, already confined). */
    root: string;
    /** What to look below (absolute or relative to root; default root). A file is taken as is. */
    path?: string;
    /** Explicit Dockerfiles (absolute or relative to root): no discovery of Dockerfiles. */
    dockerfiles?: string[];
    /**
     * Globs over repository-relative paths (picomatch, dotfiles included): every matching file below
     * `path` is a Dockerfile, whatever its name. Empty = the default Dockerfile names.
     */
    dockerfileGlobs?: string[];
    /** Build context for every Dockerfile (default: the Dockerfile's directory). */
    context?: string;
    /** `.mcg.yml` include/exclude globs over repository-relative paths. */
    include?: string[];
    exclude?: string[];
    /** Also list YAML files (compose, Kubernetes, workflows) for the manifest checks. */
    yaml?: boolean;
    /** Where the walk keeps the directory listings it reads (for the build-context listings). */
    listings?: Listings;
    /** Also list MCP launch/publication files (src/core/mcp/classify.ts names them). */
    mcp?: (rel: string) => boolean;
    /** Files the walk yields at most (default 200,000). */
    walkLimit?: number;
}
export interface Discovery {
    /** Sorted by Dockerfile path; unique. */
    dockerfiles: DockerfileTarget[];
    /** Absolute paths of YAML files, in walk order (sorted). */
    yamlFiles: string[];
    /** Absolute paths of MCP launch/publication files (server.json, client configs, catalog entries, Markdown), when asked for. */
    mcpFiles: string[];
    /** Directories the walk could not read, and where its file limit stopped it (absolute paths). */
    unread: {
        path: string;
        message: string;
    }[];
}
/** Splits list inputs: repeated flags, and commas or newlines inside one value (workflow inputs). */
export declare function splitList(values: readonly string[] | undefined): string[];
export declare function discover(opts: DiscoverOptions): Discovery;
/** One leg of the reusable workflow's scan matrix. */
export interface MatrixEntry {
    /** Unique, artifact-name-safe label: `[a-z0-9._-]`, at most 64 characters. */
    target: string;
    /** Repository-relative Dockerfile path. */
    dockerfile: string;
    /** Repository-relative build context. */
    context: string;
}
export interface Matrix {
    include: MatrixEntry[];
}
export declare const MAX_SLUG = 64;
/** GitHub Actions: "A matrix can generate a maximum of 256 jobs per workflow run" (workflow syntax docs). */
export declare const MAX_MATRIX_JOBS = 256;
/**
 * Target labels for Dockerfile paths, in the given order: readable (`servers/weather/Dockerfile`
 * → `servers-weather`), safe in artifact names and SARIF categories, and unique even when case or
 * punctuation differ (`a-b/Dockerfile` and `a/b/Dockerfile` → `a-b`, `a-b-2`).
 */
export declare function targetSlugs(dockerfiles: readonly string[]): string[];
/** The `strategy.matrix` value (`fromJSON`) for the Dockerfiles, in stable (path) order. */
export declare function matrixOf(dockerfiles: readonly DockerfileTarget[]): Matrix;
/** Reads a matrix written by `matrixOf` back (untrusted text): the Dockerfile paths it lists. */
export declare function parseMatrix(text: string): MatrixEntry[];
