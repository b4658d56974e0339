export interface ReadHeredoc {
    name: string;
    fd: number;
    expand: boolean;
    chomp: boolean;
    /** The body as written: every line with its line end, the terminator left out. */
    content: string;
    /** 1-based line of the body's first line. */
    line: number;
}
export interface ReadNode {
    /** The keyword as written; `lower` as BuildKit compares it. */
    keyword: string;
    lower: string;
    /** The instruction's logical line (continuations joined). */
    original: string;
    line: number;
    endLine: number;
    /** Leading `--flag` words, `--` included, quotes removed. */
    flags: string[];
    /** The text after the flags, trimmed. */
    rest: string;
    args: string[];
    json: boolean;
    heredocs: ReadHeredoc[];
    sub?: ReadNode;
}
export interface ReadProblem {
    message: string;
    /** Where BuildKit reports it (its own count: a directive error is on the line before). */
    line: number;
    endLine: number;
}
export interface ReadResult {
    escape: '\\' | '`';
    directives: {
        name: string;
        value: string;
        line: number;
    }[];
    nodes: ReadNode[];
    /** BuildKit refuses the file: nothing after the error is read. */
    error?: ReadProblem;
    warnings: ReadProblem[];
}
/**
 * Reads a Dockerfile as BuildKit does. Never throws for bad input. With `sink`, each instruction
 * goes there as soon as it is read (with the file's escape character, settled by then) instead of
 * into `nodes`, so that a caller converting them need not hold every node at once.
 */
export declare function readDockerfile(text: string, sink?: (node: ReadNode, escape: '\\' | '`') => void): ReadResult;
