import type { RuleMeta } from '../types.js';
/** Raised by the orchestration when a scanner or the build did not complete (fail-closed). */
export declare const meta: RuleMeta;
