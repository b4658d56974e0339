/**
 * Compose-go's casts, at the paths it casts them (loader/interpolate.go of compose-go v2.16.2):
 * a boolean field holding a string is converted by its `toBoolean`, which takes `true`/`false`
 * in any letter case and also the YAML 1.1 spellings `y`/`yes`/`on` (true) and `n`/`no`/`off`
 * (false), whether plain or quoted. Anything else in such a field makes compose refuse the file.
 * Pure.
 *
 * Its YAML library (go.yaml.in/yaml/v4) resolves only the core-schema spellings `true`, `True`,
 * `TRUE` (and the `false` ones) to booleans; every other scalar reaches the cast as a string.
 */
import { type YDoc } from './ast.js';
/** Service keys compose-go casts with toBoolean (container and workload specs). */
export declare const COMPOSE_BOOLEAN_SERVICE_KEYS: readonly string[];
export interface ComposeBool {
    /** The value compose uses; undefined when compose refuses the value. */
    value: boolean | undefined;
    /** The text as written. */
    text: string;
    /**
     * True when a YAML 1.2 reader (the YAML spec, most other tools) reads something else: a YAML 1.1
     * spelling (`yes`, `on`, `Y` …), or a value compose refuses.
     */
    differs: boolean;
}
/**
 * Compose's reading of a boolean field's value. Undefined for an absent or empty value (compose
 * treats a null as unset), and for a map or sequence (compose's schema refuses those: the engine
 * does not guess).
 */
export declare function composeBool(y: YDoc, node: unknown): ComposeBool | undefined;
/** True when compose reads the boolean field as true. */
export declare function composeTrue(y: YDoc, node: unknown): boolean;
