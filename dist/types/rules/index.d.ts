/** The whole rule catalog (DESIGN §5): stable ids, one file per rule. */
import type { RuleMeta } from '../core/types.js';
import { dockerfileRules } from './dockerfile/index.js';
export declare const catalog: readonly RuleMeta[];
export declare function ruleMeta(id: string): RuleMeta | undefined;
export { dockerfileRules };
