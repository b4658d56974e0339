/**
 * A small POSIX-shell word splitter, enough to read RUN/CMD/HEALTHCHECK lines:
 * quotes, backslash escapes, comments, and the operators that separate commands.
 * It does not expand anything; `$(…)` and backticks stay inside their word.
 */
export type ShellOp = '&&' | '||' | ';' | '|' | '&' | '\n' | '';
export interface ShellCommand {
    /** Words of the command with quotes removed; leading `VAR=value` assignments are kept in `assignments`. */
    argv: string[];
    assignments: string[];
    /** The operator that ends this command ('' for the last one). */
    op: ShellOp;
}
/**
 * `s` as a slice of a fresh flat copy (or a flat string, when short). The scripts handed to
 * tokenize come as slices, concatenations, JSON strings …: each is a different hidden class to V8,
 * and once a loop's `src.charCodeAt` has seen more than four of them, even optimised code looks
 * the method up the slow way for every character. One or two shapes keep it fast.
 */
export declare function uniformString(s: string): string;
/** Splits a shell script into simple commands with the operator after each. */
export declare function parseShell(src: string): ShellCommand[];
/** Command words with wrappers removed: `sudo`, `env X=1`, `exec`, `time`, `nohup`. */
export declare function effectiveArgv(argv: readonly string[]): readonly string[];
/** The program's base name: `/usr/bin/curl` → `curl`. */
export declare function programName(word: string | undefined): string;
