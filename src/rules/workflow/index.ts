/** The workflow rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';

export const workflowRuleMetas: readonly RuleMeta[] = [];
