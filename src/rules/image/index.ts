/** The image rules, in id order. Each lives in its own file with its metadata. */
import type { Finding, RuleMeta } from '../../core/types.js';
import { hitToFinding, ruleEnabled, type RuleSettings } from '../../core/rule-hits.js';
import type { ImageRule, ImageRuleContext } from './types.js';
import { rule as MCG050 } from './MCG050-user-not-in-passwd.js';
import { rule as MCG051 } from './MCG051-no-ca-bundle.js';
import { rule as MCG052 } from './MCG052-shell-or-package-manager.js';
import { rule as MCG053 } from './MCG053-setuid-files.js';
import { rule as MCG054 } from './MCG054-image-size-budget.js';
import { rule as MCG992 } from '../meta/MCG992-read-differently-from-builder.js';

export const imageRules: readonly ImageRule[] = [MCG050, MCG051, MCG052, MCG053, MCG054, MCG992];

export const imageRuleMetas: readonly RuleMeta[] = imageRules.map((r) => r.meta);

/** Runs the image rules; findings land in the Dockerfile the image was built from. */
export function checkImage(ctx: ImageRuleContext, target: string, settings?: RuleSettings): Finding[] {
  const out: Finding[] = [];
  for (const r of imageRules) {
    if (!ruleEnabled(settings, r.meta.id)) continue;
    for (const hit of r.check(ctx)) out.push(hitToFinding(r.meta, hit, { path: ctx.path, target: target, settings }));
  }
  return out;
}
