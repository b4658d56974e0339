import type { YMap, YNode, YSeq } from './tree.js';
/** A node of a parsed document (the light tree). */
export type Node = YNode;
export type YAMLMap = YMap;
export type YAMLSeq = YSeq;
/** Thrown when a document needs more alias/merge work than any real manifest does. */
export declare class YamlBudgetError extends Error {
}
/**
 * How a consumer reads maps. `yaml` (the default): a repeated key is an error
 * (YamlDuplicateKeyError), a `<<` key merges whether quoted or not, and a map's own keys win over
 * merged ones (earlier merge sources first). `go-yaml-v2` (kubectl, through sigs.k8s.io/yaml):
 * keys apply in document order and the later one wins — a repeated key, and a merge that comes
 * after the key it sets; the sources of one `<<: [*a, *b]` apply last to first (so `*a` wins);
 * only a plain `<<` merges (a quoted `"<<"` is an ordinary key).
 */
export interface ReadPolicy {
    /** `go-yaml-v4` (compose-go): as `yaml`, but only a plain `<<` merges. */
    maps: 'yaml' | 'go-yaml-v2' | 'go-yaml-v4';
}
/** A place where the consumer's reading departs from the YAML 1.2 spec or another consumer's. */
export interface Ambiguity {
    line: number;
    kind: 'duplicate-key' | 'quoted-merge' | 'late-merge' | 'yaml11-boolean';
    /** What the consumer reads there, for the message. */
    message: string;
}
/** One parsed document, with what is needed to resolve merge keys within a budget. */
export interface YDoc {
    /** The document's top node. */
    root: YNode | null;
    /** Index (0-based) of the document in its file. */
    index: number;
    mergeCache: WeakMap<YMap, Entry[]>;
    budget: {
        left: number;
    };
    /** How maps are read; absent = `yaml`. */
    policy?: ReadPolicy;
    /** Ambiguities found while checking the document (go-yaml-v2 reading only). */
    ambiguities?: Ambiguity[];
}
/** A key of a map, after merge keys are applied. */
export interface Entry {
    key: string;
    /** Line of the key (1-based): where a finding about this key is reported. */
    line: number;
    /** The value, aliases resolved; null when the value is empty. */
    value: Node | null;
    /** True when the key came in through a `<<` merge key. */
    merged: boolean;
}
export declare const DEFAULT_BUDGET = 2000000;
/** Thrown by makeYDoc when a map repeats a key (tools disagree on which value wins). */
export declare class YamlDuplicateKeyError extends Error {
    readonly key: string;
    readonly line: number;
    constructor(key: string, line: number);
}
/**
 * Checks a document once, in document order (outer maps before inner ones, as a pre-order walk
 * visits them): a repeated key throws YamlDuplicateKeyError, and every node costs one unit of the
 * budget. Iterative, so deep nesting cannot overflow the stack.
 */
export declare function makeYDoc(root: YNode, index: number, budget?: {
    left: number;
}, policy?: ReadPolicy): YDoc;
