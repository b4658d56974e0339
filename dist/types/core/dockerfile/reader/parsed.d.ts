export interface ParsedProperty {
    name: string;
    value: string | undefined;
    line: number;
}
export interface ParsedInstruction {
    /** Upper-cased keyword (ONBUILD's trigger is its own instruction in `sub`). */
    keyword: string;
    written: string;
    line: number;
    endLine: number;
    flags: {
        name: string;
        value: string | null;
        text: string;
    }[];
    rest: string;
    properties: ParsedProperty[];
    /** Exec form, when BuildKit reads the arguments as a JSON array. */
    json?: string[];
    /** COPY/ADD: the sources and the destination as BuildKit splits them (before expansion). */
    words?: string[];
    heredocs: {
        name: string;
        body: string;
        line: number;
    }[];
}
export interface ParsedDockerfile {
    escape: string;
    directives: Record<string, string>;
    instructions: ParsedInstruction[];
    /** Why BuildKit refuses the file (it reads nothing after it). */
    errors: {
        line: number;
        message: string;
    }[];
}
/** Reads `text` as BuildKit does, in the model's shape. */
export declare function parseText(text: string): ParsedDockerfile;
