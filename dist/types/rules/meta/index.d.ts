import type { RuleMeta } from '../../core/types.js';
export declare const metaRuleMetas: readonly RuleMeta[];
