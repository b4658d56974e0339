/**
 * Plain scalars as compose reads them (go.yaml.in/yaml/v4, the YAML library of compose-go
 * v2.16.2) and the text compose makes of a value (Go's fmt.Sprint). Pure.
 *
 * go-yaml v4 types a plain scalar as: a null (`~`, `null` …, the empty scalar), a boolean only
 * for `true`/`True`/`TRUE` and the `false` ones (not `yes`/`on`), `.inf`/`.nan` floats, and for
 * text starting with a digit or a sign: an integer as Go's strconv reads one with base 0 after
 * dropping every `_` (so `0777` is octal 511, `0x1F`, `0o17`, `0b101`, `1_000` are integers), else a
 * float of the YAML form (`1.5`, `1e3`, `.5`); anything else is text. Dates (`2001-12-14`) are
 * times to it, which compose writes back as text; they are kept as the text here.
 */
import { type YDoc } from './ast.js';
export interface GoScalar {
    value: string | number | boolean | null;
    /** A float64 to Go (printed by fmt in its %g form), not an integer. */
    float: boolean;
}
/** The value go-yaml v4 gives a plain scalar of this text. */
export declare function goYamlScalar(s: string): GoScalar;
/** Go's fmt.Sprint of a float64 (%v: the shortest digits, in %e form when the exponent is below -4 or 6 and more). */
export declare function goFloatText(f: number): string;
/** The text compose makes of a plain scalar (an environment value, a label): fmt.Sprint of go-yaml's value. */
export declare function goScalarText(s: string): string | null;
/** A scalar's text as compose holds it: a plain one typed by go-yaml and printed by fmt; undefined for none. */
export declare function composeText(y: YDoc, node: unknown): string | undefined;
/** Whether go-yaml reads this node as a float64 (a plain `1.5`, not `"1.5"` nor `2`). */
export declare function isGoFloat(y: YDoc, node: unknown): boolean;
/** A float32 as Go widens it to float64 (what compose's `cpus` hold). */
export declare const float32: (v: number) => number;
