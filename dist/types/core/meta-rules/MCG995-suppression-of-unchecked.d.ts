import type { RuleMeta } from '../types.js';
/** Raised centrally by the suppression logic (src/core/suppress.ts), after suppressions are applied, so nothing suppresses it. */
export declare const meta: RuleMeta;
