/** The workflow rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { WorkflowRule } from '../yaml-types.js';
import { rule as MCG301 } from './MCG301-build-without-scan.js';
import { rule as MCG302 } from './MCG302-unpinned-action.js';

export const workflowRules: readonly WorkflowRule[] = [MCG301, MCG302];

export const workflowRuleMetas: readonly RuleMeta[] = workflowRules.map((r) => r.meta);
