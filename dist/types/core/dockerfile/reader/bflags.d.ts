/**
 * BuildKit's BFlags.Parse (frontend/dockerfile/instructions/bflag.go): the flags an instruction
 * accepts, each a boolean, a string or a repeatable string, and the errors BuildKit refuses a
 * file for (an unknown flag, a flag given twice, a missing or wrong value).
 */
export type FlagKind = 'bool' | 'string' | 'strings';
export interface FlagValues {
    /** The last value of each string or boolean flag given ("true"/"false" for booleans). */
    readonly value: ReadonlyMap<string, string>;
    /** Every value of each repeatable flag, in order. */
    readonly values: ReadonlyMap<string, readonly string[]>;
}
/** Reads `flags` (as the reader split them: `--name[=value]`) against what an instruction accepts; a string is BuildKit's error. */
export declare function parseFlags(flags: readonly string[], accepted: Readonly<Record<string, FlagKind>>): FlagValues | string;
