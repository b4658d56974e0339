/**
 * Deeply nested documents (DESIGN §5, issue 17 item 5). The `yaml` package's composer recurses
 * once per level and overflows the call stack near 1,000 levels; kubectl (go-yaml v2) reads up to
 * 10,000. A document nested deeper than SHALLOW_DEPTH is therefore built here from the `yaml`
 * package's concrete syntax tree (its parser is iterative) without recursion; beyond MAX_NESTING
 * it is an error naming the limit. Pure, linear time.
 */
import { CST } from 'yaml';
import { type ReadOptions, type YNode } from './tree.js';
/** Nesting depth up to which the `yaml` package's own composer is used. */
export declare const SHALLOW_DEPTH = 200;
/** Deepest nesting read: kubectl's limit (go-yaml v2: 10,000 flow levels and 10,000 block indents). */
export declare const MAX_NESTING = 10000;
type Tok = CST.Token;
/** Nesting of a document's tree: all collections, flow ones and block ones (kubectl limits the last two apart). */
export interface Depth {
    total: number;
    flow: number;
    block: number;
}
/** Collection nesting depth of a document's tree, counted without recursion; stops early past `stopAt` levels of either kind. */
export declare function cstDepth(doc: Tok, stopAt: number): Depth;
export interface DeepDoc {
    contents: YNode | null;
    line: number;
    error?: {
        line: number;
        message: string;
    };
    notMap?: string;
}
/** Builds the light tree of one CST document iteratively (anchors in document order, as `yaml` resolves them). */
export declare function composeDeep(doc: CST.Document, lineOf: (offset: number) => number, opts?: ReadOptions): DeepDoc;
/** Error tokens anywhere in a document (the parser's own complaints). */
export declare function firstCstError(doc: Tok): CST.ErrorToken | undefined;
export {};
