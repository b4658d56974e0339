import { type Document } from 'yaml';
export interface YScalar {
    readonly t: 'scalar';
    readonly line: number;
    /** Core-schema value: plain `true` is a boolean, `8080` a number, `~` null; quoted text is a string. */
    readonly value: string | number | boolean | null;
    /** The scalar's text as written (after quoting and folding are resolved), before typing. */
    readonly source: string;
    /** A plain `<<` key: a merge key. */
    readonly merge: boolean;
    /** True for a plain (unquoted, untagged) scalar; only plain scalars are typed by the schema. */
    readonly plain?: boolean;
    /** For a plain scalar whose YAML 1.2 core value differs from the value it was given (`yes` → true under `yaml11`). */
    readonly coreValue?: string | number | boolean | null;
}
export interface YPair {
    key: YNode | null;
    value: YNode | null;
}
export interface YMap {
    readonly t: 'map';
    readonly line: number;
    readonly pairs: YPair[];
}
export interface YSeq {
    readonly t: 'seq';
    readonly line: number;
    readonly items: (YNode | null)[];
}
export interface YAlias {
    readonly t: 'alias';
    readonly line: number;
    readonly name: string;
    /** The node of the last anchor of that name before the alias; undefined when there is none. */
    target: YNode | undefined;
}
export type YNode = YScalar | YMap | YSeq | YAlias;
/** One document of a file. */
export interface YDocument {
    /** Null for an empty document. */
    contents: YNode | null;
    /** Line where the document's contents (else the document) start. */
    line: number;
    /** First error of the document (the `yaml` package's message), with its line. */
    error?: {
        line: number;
        message: string;
    };
}
/** The YAML 1.2 core-schema value of a plain scalar, as the `yaml` package resolves it. */
export declare function plainValue(s: string): string | number | boolean | null;
/** How plain scalars are typed and what a document is read as. */
export interface ReadOptions {
    /** `core`: YAML 1.2 core schema (the default); `yaml11`: go-yaml v2's YAML 1.1 resolution (kubectl). */
    scalars?: 'core' | 'yaml11';
}
/**
 * The value go-yaml v2 (sigs.k8s.io/yaml's reader) gives a plain scalar decoded into an
 * interface: YAML 1.1 booleans (`yes`, `on`, `y` …), nulls, ints (decimal, `0` and `0o` octal, `0x`, `0b`,
 * `_` separators dropped), floats; everything else (timestamps and sexagesimal numbers included)
 * stays text.
 */
export declare function yaml11Value(s: string): string | number | boolean | null;
/**
 * Converts a parsed Document (parsed with `merge: true`) into the light tree. Aliases point at
 * the last node anchored with their name before them in document order, as `yaml` resolves them.
 */
export declare function fromDocument(doc: Document.Parsed, lineOf: (offset: number) => number, opts?: ReadOptions): YNode | null;
/** What `parseDocuments` gives for one document. */
export interface ParsedDoc extends YDocument {
    /** For a top that is not a mapping: what it is (`a list`, `a scalar (text)` …). */
    notMap?: string;
    /** The tree could not be built (nesting too deep for the converter). */
    failure?: unknown;
}
/**
 * Parses with the `yaml` package (merge keys on, duplicate keys left to makeYDoc) and converts
 * each document, plain scalars typed as `opts.scalars` says. Documents nested deeper than
 * SHALLOW_DEPTH are built without recursion from the parser's syntax tree. Throws what the parser throws.
 */
export declare function parseDocuments(text: string, lineOffset?: number, opts?: ReadOptions): ParsedDoc[];
/** The earlier name of parseDocuments (YAML 1.2 core reading unless told otherwise). */
export declare const slowParse: typeof parseDocuments;
