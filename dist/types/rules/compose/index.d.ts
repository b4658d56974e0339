/** The compose rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { ComposeRule } from '../yaml-types.js';
export declare const composeRules: readonly ComposeRule[];
export declare const composeRuleMetas: readonly RuleMeta[];
