/**
 * Parser directives as BuildKit reads them (frontend/dockerfile/parser, DirectiveParser):
 *
 * - only `syntax`, `escape` and `check` are directives (name case-insensitive);
 * - a line is one when, after its leading blanks, it is `#`, optional blanks, then
 *   `name = value` with the value trimmed of blanks at both ends;
 * - the block ends at the first line that is not a known directive (an unknown key such as
 *   `# x-generated-by=renovate`, a plain comment, an empty line, an instruction);
 * - a directive given twice, or an escape character other than `\` and `` ` ``, is an error:
 *   BuildKit refuses the file.
 *
 * Lines end at `\n` only, as in BuildKit's scanner; a `\r` before it is dropped.
 */
export interface DirectiveError {
    /** 1-based line of the directive. */
    line: number;
    message: string;
}
export interface DirectiveBlock {
    /** Directive names lower-cased, values trimmed. */
    directives: Record<string, string>;
    /** The escape character in force for the rest of the file. */
    escape: '\\' | '`';
    /** Offset of the first character after the last directive line. */
    end: number;
    errors: DirectiveError[];
}
/** Blanks as Go's unicode.IsSpace sees them (what BuildKit trims at the start of a line). */
export declare function isGoSpace(c: number): boolean;
/** `name` and `value` of a `name = value` text, or undefined when it is not of that shape. */
export declare function nameValue(body: string): {
    name: string;
    value: string;
} | undefined;
/** Reads the directive block at the top of `text`, starting at `from` (after a byte-order mark). */
export declare function readDirectiveBlock(text: string, from: number): DirectiveBlock;
