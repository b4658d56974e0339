import type { RuleMeta } from '../types.js';
/** Raised centrally by the suppression logic (src/core/suppress.ts). */
export declare const meta: RuleMeta;
