/** Rule interfaces for the YAML-based rule kinds (compose, Kubernetes, workflows). */
import type { RuleHit, RuleMeta } from '../core/types.js';
import type { ComposeModel, K8sModel, WorkflowModel } from '../core/yaml/models.js';
export interface ComposeContext extends ComposeModel {
    /** Repository-relative path of the compose file. */
    path: string;
}
export interface K8sContext extends K8sModel {
    path: string;
}
export interface WorkflowContext extends WorkflowModel {
    path: string;
}
export interface ComposeRule {
    meta: RuleMeta;
    check(ctx: ComposeContext): RuleHit[];
}
export interface K8sRule {
    meta: RuleMeta;
    check(ctx: K8sContext): RuleHit[];
}
export interface WorkflowRule {
    meta: RuleMeta;
    check(ctx: WorkflowContext): RuleHit[];
}
