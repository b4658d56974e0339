import type { RuleMeta } from '../../core/types.js';
import type { ComposeRule } from '../yaml-types.js';
/**
 * Raised where compose (compose-go, the loader of `docker compose`) reads a compose file
 * differently from the YAML specification, or refuses it: YAML 1.1 boolean spellings it casts,
 * values it cannot cast, quoted `"<<"` keys, duplicate keys, malformed `${…}` interpolation.
 * The other rules are evaluated on compose's reading.
 */
export declare const meta: RuleMeta;
export declare const rule: ComposeRule;
