/**
 * Compose interpolation as compose-go v2.16.2 performs it (its template package): `$$` is an
 * escaped `$`; `$VAR` and `${VAR}` take the variable (unset: empty); `${VAR:-d}` / `${VAR-d}`
 * the default when unset-or-empty / unset; `${VAR:+r}` / `${VAR+r}` the replacement when
 * set-and-non-empty / set; `${VAR:?e}` / `${VAR?e}` refuse the file when unset-or-empty / unset.
 * Defaults nest (`${A:-${B:-c}}`); a `${` that matches none of these refuses the file. Pure.
 *
 * Written from compose-go's documented behaviour and its grammar: one pattern
 * `\$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))` replaced left to
 * right, the operator picked by its first occurrence in the match, the match cut at its first
 * balanced `}` and the rest substituted on its own.
 */
import type { YNode, YScalar } from './tree.js';
/** The variables interpolation sees (name → value). */
export type ComposeEnv = ReadonlyMap<string, string>;
/** Why compose refuses a value. */
export interface InterpolationError {
    kind: 'required' | 'invalid';
    /** The variable (required) or the template (invalid). */
    subject: string;
    message: string;
}
export interface Substituted {
    value: string;
    error?: InterpolationError;
}
/** Compose's value of one string. On an error the first one is returned with what was substituted. */
export declare function substitute(template: string, env: ComposeEnv): Substituted;
/** An interpolation error with the line of the scalar holding it. */
export interface TreeError extends InterpolationError {
    line: number;
}
/**
 * The tree compose reads: every string scalar value (not keys, not numbers or booleans, which
 * compose's YAML library has already typed) substituted. Lines are kept; aliases point at the
 * substituted copy of their anchor (interpolation does not depend on where a value sits, so one
 * copy per node serves every alias to it, and an alias bomb stays linear).
 */
export declare function interpolateTree(root: YNode, env: ComposeEnv, errors: TreeError[]): YNode;
/** A scalar compose interpolated, with the text the file holds. */
export interface InterpolatedScalar extends YScalar {
    readonly written: string;
}
/**
 * The text a scalar has in the file, before interpolation (what is committed to the repository:
 * a rule about literals in the file reads this, not compose's value). Undefined for non-scalars.
 */
export declare function writtenText(node: YNode | null | undefined): string | undefined;
