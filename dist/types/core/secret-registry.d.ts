/** The runner masks values down to this length; shorter values would redact ordinary words. */
export declare const MIN_SECRET_LENGTH = 4;
/** What a registered value is replaced with. */
export declare const REDACTED = "***";
export declare class SecretRegistry {
    private readonly values;
    private pattern;
    private readonly listeners;
    /** Called once for each new value (the action registers `core.setSecret` here). */
    onAdd(listener: (value: string) => void): void;
    /**
     * Registers a secret value; values shorter than {@link MIN_SECRET_LENGTH} (after trimming) are
     * ignored. A multi-line value is registered whole and line by line (the runner masks per line).
     * Returns whether anything new was registered.
     */
    add(value: string | undefined | null): boolean;
    /**
     * Registers the values of environment variables whose names are secret-like. Action inputs
     * (`INPUT_*`) are left to the caller, which knows which input is a secret (`verify-secrets:
     * true` is not), and so are values that are plain words of configuration (`true`, `auto` …).
     */
    addSecretEnv(env: Record<string, string | undefined>): void;
    get size(): number;
    /** The text with every registered value (raw, JSON-escaped or URL-encoded) replaced by `***`. */
    redact(text: string): string;
    /** A deep copy of a JSON-like value with every string (keys included) redacted; class instances are kept as they are. */
    redactDeep<T>(value: T): T;
    private walk;
}
/** Prefixes of well-known token formats (GitHub, Slack, AWS, OpenAI, GitLab, npm), as a regex source. */
export declare const KNOWN_TOKEN_PREFIXES = "gh[pousr]_|github_pat_|xox[abpr]-|AKIA|ASIA|sk-|glpat-|npm_";
/**
 * An identifier (a YAML key, a resource name, an unknown Dockerfile instruction) that looks like a
 * secret → its first four characters and an ellipsis (`GHP_…`); anything else unchanged. Looks
 * like a secret: a known token prefix with at least 8 more characters, or a run of 20+ key-like
 * characters mixing letters and digits.
 */
export declare function shortenSecretLike(identifier: string): string;
