/**
 * Variable expansion as BuildKit's shell lexer does it (frontend/dockerfile/shell/lex.go at the
 * version the rig pins): `$NAME`, `${NAME}`, `${NAME:-w}`, `${NAME-w}`, `${NAME:+w}`, `${NAME+w}`,
 * `${NAME:?msg}`, `${NAME?msg}`, `${NAME#p}`, `${NAME##p}`, `${NAME%p}`, `${NAME%%p}`,
 * `${NAME/p/r}`, `${NAME//p/r}`, with single and double quotes and the escape character handled as
 * ProcessWord handles them. Written from the behaviour, not translated.
 *
 * Bounded: a value longer than MAX_EXPANDED (self-doubling ARG chains reach 2^60 characters in
 * under a kilobyte) stops the expansion with an ExpansionError instead of a RangeError, so the
 * caller can report that one value and go on.
 */
/** Longest value one expansion may produce (characters). */
export declare const MAX_EXPANDED: number;
/** Looks a variable up: undefined when it is not set (an ARG declared without a value is not set). */
export type Lookup = (name: string) => string | undefined;
export interface LexOptions {
    /** The Dockerfile's escape character (`\` or `` ` ``). */
    escape: string;
    /** Quotes are ordinary characters (BuildKit's SkipProcessQuotes). */
    skipQuotes?: boolean;
    /** The escape character is kept in the output (BuildKit's RawEscapes). */
    rawEscapes?: boolean;
    /** An unset variable stays as written instead of expanding to nothing (BuildKit's SkipUnsetEnv), except that `${X-d}` gives d. */
    keepUnset?: boolean;
}
export declare class ExpansionError extends Error {
    /** True when the value outgrew MAX_EXPANDED (the rest are BuildKit's own errors). */
    readonly overflow: boolean;
    constructor(message: string, overflow?: boolean);
}
/** One word as ProcessWord reads it; throws ExpansionError for BuildKit's errors and for a value over MAX_EXPANDED. */
export declare function processWord(text: string, lookup: Lookup, opt: LexOptions): string;
/** A lookup over a map whose undefined values (ARGs declared without one) count as unset. */
export declare function mapLookup(vars: ReadonlyMap<string, string | undefined>): Lookup;
/**
 * Substitutes variables into text the rules read as written (quotes and escapes left in place):
 * set variables take their value, with every BuildKit operator; unset ones stay as written, so a
 * rule can tell that a build argument decides them. A value BuildKit would reject, or one over
 * MAX_EXPANDED, is left as written (the model reports the overflow on its line).
 */
export declare function expand(text: string, vars: ReadonlyMap<string, string | undefined>): string;
