import type { RuleMeta } from '../../core/types.js';
/** Raised by the orchestration when a scanner or the build did not complete (fail-closed). */
export declare const meta: RuleMeta;
