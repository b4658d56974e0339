/** The k8s rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { K8sRule } from '../yaml-types.js';
export declare const k8sRules: readonly K8sRule[];
export declare const k8sRuleMetas: readonly RuleMeta[];
