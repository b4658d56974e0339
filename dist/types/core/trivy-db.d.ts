/**
 * Trivy's vulnerability DB when the registry is not kind (issue #23 item 3), the pure part: the
 * mirror lists (`db-repository`, `java-db-repository`, ordered, passed to Trivy's flags of the same
 * names), reading a failed download out of Trivy's output (rate limit: HTTP 429 / TOOMANYREQUESTS;
 * a 5xx answer) to decide on a retry, the backoff, and the age of the DB from its metadata.json.
 */
export declare class DbOptionError extends Error {
}
/** One repository per line (or comma-separated), in order; `#` lines skipped. Throws DbOptionError. */
export declare function parseRepositories(text: string): string[];
/** `max-db-age` in hours: empty → none; else a positive number up to a year. */
export declare function parseMaxDbAge(text: string): number | undefined;
export interface RepositoryAnswer {
    /** The repository as Trivy named it (`host/path:tag`), when it did. */
    repository?: string;
    /** The registry's answer as Trivy printed it (`TOOMANYREQUESTS: retry-after: 1s`, `unexpected status code 503 Service Unavailable`). */
    answer: string;
    /** A rate limit (429 / TOOMANYREQUESTS) or a 5xx answer: worth another try. */
    retryable: boolean;
}
export interface DbFailure {
    /** Some repository answered with a rate limit or a 5xx: another try may succeed. */
    retryable: boolean;
    /** Each repository tried and what it answered, in Trivy's order. */
    answers: RepositoryAnswer[];
}
/**
 * Reads a DB download failure out of Trivy's output (its `Failed to download artifact repo="…"
 * err="…"` lines, one per repository tried, as Trivy 0.74 prints them); undefined when the failure
 * is not a DB download. Pure.
 */
export declare function dbDownloadFailure(output: string): DbFailure | undefined;
/** The waits between attempts (ms): 2 s, 8 s, 30 s by default (`base` scales them, for tests). */
export declare function backoffDelays(base?: number): number[];
/** The message of the MCG990 finding when every attempt failed (fail closed): each repository and its answer. */
export declare function dbFailureMessage(f: DbFailure, configured: readonly string[], attempts: number): string;
/** metadata.json's UpdatedAt (Trivy writes it with the DB), undefined when unreadable. */
export declare function dbUpdatedAt(metadataJson: string): Date | undefined;
export interface DbAgeVerdict {
    /** The DB's age in hours (undefined: metadata.json unreadable). */
    ageHours?: number;
    /** A failing finding's message (too old, or age unknown, with max-db-age and not offline). */
    failure?: string;
    /** A log line instead (offline: true was asked for: an old DB is accepted, said). */
    note?: string;
}
/** The DB's age against max-db-age. Pure. */
export declare function checkDbAge(o: {
    metadataJson: string | undefined;
    now: Date;
    maxHours: number;
    offline: boolean;
}): DbAgeVerdict;
