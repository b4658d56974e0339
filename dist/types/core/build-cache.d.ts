/**
 * BuildKit's cache across runs (issue #23 item 1): the `cache-from` / `cache-to` values as BuildKit
 * takes them (`type=NAME,key=value,…`, one CSV record per value, each passed as one argv word after
 * `--cache-from` / `--cache-to`, never through a shell), and the defaults on GitHub: the Actions
 * cache backend scoped per Dockerfile and target, `mode=max` on the default branch, nothing for a
 * pull request from a fork (its token cannot write the cache) or for the plain `docker` driver
 * (which cannot export a cache). Pure.
 */
/** The exporters/importers BuildKit knows (moby/buildkit, `cache/remotecache`). */
export declare const CACHE_TYPES: readonly ["registry", "local", "inline", "gha", "s3", "azblob"];
/** One direction's setting: `auto` (the GitHub default), `off`, or the values given. */
export type CacheSetting = 'auto' | 'off' | string[];
export interface BuildCacheRequest {
    from: CacheSetting;
    to: CacheSetting;
}
export declare class CacheSpecError extends Error {
}
/**
 * Splits one value into its CSV fields as encoding/csv (what buildx reads it with) does: commas
 * separate, a field in double quotes may hold commas, `""` inside quotes is one quote.
 */
export declare function csvFields(value: string): string[];
export interface CacheSpec {
    type: string;
    attrs: Record<string, string>;
}
/** Validates one value as BuildKit's `type=…,key=value` record. Throws CacheSpecError saying why. */
export declare function parseCacheSpec(value: string): CacheSpec;
/** An input's text → its setting: empty or `auto` → auto, `none`/`off`/`false` → off, else one value per line. */
export declare function parseCacheSetting(text: string): CacheSetting;
/** `mcg-<dockerfile path slug>[-<build target>]`: the Actions cache scope of one image. */
export declare function cacheScope(dockerfile: string, buildTarget?: string): string;
/** Where the build runs, as far as the cache is concerned. */
export interface CacheEnvironment {
    /** The Dockerfile (repository path) and build target, for the scope. */
    dockerfile: string;
    buildTarget?: string;
    /** `docker buildx build` is used (no buildx: no cache flags at all). */
    buildx: boolean;
    /** buildx's driver (`docker`, `docker-container`, …), when known. */
    driver?: string;
    /** The GitHub Actions cache service is in the environment (ACTIONS_RUNTIME_TOKEN and a cache URL). */
    actionsCache: boolean;
    /** A pull request from a fork (or another read-only run): no cache at all by default. */
    readOnly: boolean;
    /** This run is on the repository's default branch: `mode=max`. */
    defaultBranch: boolean;
}
export interface ResolvedCache {
    from: string[];
    to: string[];
    /** What to log: why a cache is used or not. */
    notes: string[];
}
/** The cache flags' values for one build. Pure. */
export declare function resolveBuildCache(req: BuildCacheRequest, e: CacheEnvironment): ResolvedCache;
/** A value fit for the log: credentials given as attributes (s3 `secret_access_key`, azblob `secret_access_key`, `session_token`, gha `token`) shown as `***`. */
export declare function redactCacheValue(value: string): string;
/** The argv words: `--cache-from V` per value, then `--cache-to V` per value. */
export declare function cacheArgs(c: Pick<ResolvedCache, 'from' | 'to'>): string[];
