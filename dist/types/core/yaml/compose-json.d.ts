/**
 * A compose document as compose-go v2.16.2 holds it when it validates it against its schema:
 * plain JSON, merge keys applied, plain scalars typed as go-yaml v4 types them
 * (./compose-scalars.ts), interpolated, then cast where compose casts (loader/interpolate.go:
 * `privileged: "yes"` becomes true, `cpus: "0.5"` 0.5 …), then the lists compose keeps one entry
 * of per key (override/uncity.go) without their repeats. Every value keeps the line of its key or
 * item, so a refusal lands on the line. Iterative, so deep documents cannot overflow the stack. Pure.
 */
import { type YDoc } from './ast.js';
export type Json = null | boolean | number | string | Json[] | {
    [k: string]: Json;
};
export type Segment = string | number;
/** Line of each key of a JSON object and each item of a JSON array, by the container. */
export type Lines = WeakMap<object, Map<Segment, number>>;
/** The line of the deepest part of `path` that exists in `root` (undefined when not even the first). */
export declare function lineAt(root: Json, lines: Lines, path: readonly Segment[]): number | undefined;
/** Plain JSON of a node, merges applied, lines recorded. */
export declare function toJson(y: YDoc, root: unknown): {
    value: Json;
    lines: Lines;
};
