export type MNode = MObj | MArr | MScalar;
export interface MEntry {
    key: string;
    keyLine: number;
    value: MNode;
}
export interface MObj {
    t: 'obj';
    line: number;
    entries: MEntry[];
}
export interface MArr {
    t: 'arr';
    line: number;
    items: MNode[];
}
export interface MScalar {
    t: 'scalar';
    line: number;
    value: string | number | boolean | null;
}
/**
 * How a client reads its JSON: `json` strict (JSON.parse, Go encoding/json), `json-comments`
 * (comments stripped first, as Gemini CLI does; no trailing commas), `jsonc` (VS Code: comments
 * and trailing commas).
 */
export type JsonDialect = 'json' | 'json-comments' | 'jsonc';
export type ParseResult = {
    ok: true;
    root: MNode;
} | {
    ok: false;
    line: number;
    message: string;
};
export declare function lineAt(starts: readonly number[], offset: number): number;
export declare function parseJson(text: string, dialect: JsonDialect, lineOffset?: number): ParseResult;
export declare function parseYaml(text: string, lineOffset?: number): ParseResult;
/** The value of a key (the last one when the key repeats). */
export declare function field(n: MNode | undefined, key: string): MEntry | undefined;
export declare function strOf(n: MNode | undefined): string | undefined;
/** Keys in written order, last duplicate winning. */
export declare function entriesOf(n: MNode | undefined): MEntry[];
export declare function itemsOf(n: MNode | undefined): MNode[];
