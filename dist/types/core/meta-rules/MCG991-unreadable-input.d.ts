import type { RuleMeta } from '../types.js';
/** Raised by the engine when a file cannot be read or parsed; the other files are still checked. */
export declare const meta: RuleMeta;
