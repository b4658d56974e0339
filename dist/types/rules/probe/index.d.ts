/** The runtime probe rules, in id order: pure functions over the probe's verdict. */
import type { Finding, RuleMeta } from '../../core/types.js';
import { type RuleSettings } from '../../core/rule-hits.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
export declare const probeRules: readonly ProbeRule[];
export declare const probeRuleMetas: readonly RuleMeta[];
/** Runs the probe rules; findings land in the Dockerfile the image was built from. */
export declare function checkProbe(ctx: ProbeRuleContext, target: string, settings?: RuleSettings): Finding[];
