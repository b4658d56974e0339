/**
 * Position-keeping access to parsed YAML (the light tree of ./tree.ts), with aliases and merge
 * keys (`<<: *x`) resolved the way YAML 1.1 merge semantics define them. Pure.
 *
 * Nothing here ever expands a document as a whole: rules walk fixed key paths, aliases point at
 * their anchored node (one hop), and merged maps are memoised, so an alias bomb costs linear
 * time. A work budget bounds what is left. The document itself (its checks and budget) is built by
 * ./ydoc.ts, re-exported here.
 */
import type { YMap, YNode, YSeq } from './tree.js';
import { type Entry, type Node, type YDoc } from './ydoc.js';
export { DEFAULT_BUDGET, makeYDoc, YamlBudgetError, YamlDuplicateKeyError, type Ambiguity, type Entry, type Node, type ReadPolicy, type YAMLMap, type YAMLSeq, type YDoc } from './ydoc.js';
/** Line of a node (its first character); 1 when there is no node. */
export declare function lineOf(_y: YDoc, node: YNode | null | undefined): number;
/** Follows an alias to the node it names. */
export declare function deref(_y: YDoc, node: unknown): YNode | null;
export declare function asMap(y: YDoc, node: unknown): YMap | undefined;
export declare function asSeq(y: YDoc, node: unknown): YSeq | undefined;
/**
 * The entries of a map: its own keys, then keys supplied by `<<` merge keys that it does not
 * set itself (earlier merge sources win over later ones). Memoised per map node.
 */
export declare function entries(y: YDoc, node: unknown, depth?: number): Entry[];
export declare function get(y: YDoc, node: unknown, key: string): Entry | undefined;
/** Follows a path of keys; undefined as soon as one is missing. */
export declare function getPath(y: YDoc, node: unknown, ...keys: string[]): Entry | undefined;
export interface Item {
    index: number;
    node: Node | null;
    line: number;
}
/** Items of a sequence, aliases resolved. A non-sequence gives []. */
export declare function items(y: YDoc, node: unknown): Item[];
/** The text of a scalar (numbers and booleans as written), undefined for null / non-scalars. */
export declare function str(y: YDoc, node: unknown): string | undefined;
/** True for `true` (and the string "true" a template may produce). */
export declare function isTrue(y: YDoc, node: unknown): boolean;
export declare function isFalse(y: YDoc, node: unknown): boolean;
/** Scalar strings of a sequence (non-scalars skipped), with their lines. */
export declare function strings(y: YDoc, node: unknown): {
    value: string;
    line: number;
    index: number;
}[];
/**
 * Compose-style interpolation with nothing set: `${VAR:-d}` and `${VAR-d}` become their default,
 * `$$` an escaped `$`; other references stay as written (so the result still contains `$`).
 */
export declare function interpolateDefaults(text: string): string;
/** True when the node (aliases resolved) is a mapping. */
export declare function isMap(y: YDoc, node: unknown): boolean;
