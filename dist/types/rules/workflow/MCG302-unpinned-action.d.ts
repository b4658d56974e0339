import type { WorkflowRule } from '../yaml-types.js';
export declare const rule: WorkflowRule;
