/** The k8s rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';

export const k8sRuleMetas: readonly RuleMeta[] = [];
