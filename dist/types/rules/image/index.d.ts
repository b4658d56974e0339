/** The image rules, in id order. Each lives in its own file with its metadata. */
import type { Finding, RuleMeta } from '../../core/types.js';
import { type RuleSettings } from '../../core/rule-hits.js';
import type { ImageRule, ImageRuleContext } from './types.js';
export declare const imageRules: readonly ImageRule[];
export declare const imageRuleMetas: readonly RuleMeta[];
/** Runs the image rules; findings land in the Dockerfile the image was built from. */
export declare function checkImage(ctx: ImageRuleContext, target: string, settings?: RuleSettings): Finding[];
