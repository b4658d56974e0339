/** The workflow rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { WorkflowRule } from '../yaml-types.js';
export declare const workflowRules: readonly WorkflowRule[];
export declare const workflowRuleMetas: readonly RuleMeta[];
