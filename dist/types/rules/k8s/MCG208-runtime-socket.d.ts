import type { K8sRule } from '../yaml-types.js';
export declare const rule: K8sRule;
