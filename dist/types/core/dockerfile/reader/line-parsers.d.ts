export interface Parsed {
    args: string[];
    json: boolean;
}
export declare class ParseError extends Error {
}
/** Words with quotes and escapes kept (parseWords), as ENV, LABEL and ARG split them. */
export declare function parseWords(rest: string, escape: string): string[];
/** Argument parsers by lower-case keyword; ONBUILD is handled by the reader (it parses a sub-instruction). */
export declare const DISPATCH: ReadonlyMap<string, (rest: string, escape: string) => Parsed>;
