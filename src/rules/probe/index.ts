/** The runtime probe rules, in id order: pure functions over the probe's verdict. */
import type { Finding, RuleMeta } from '../../core/types.js';
import { hitToFinding, ruleEnabled, type RuleSettings } from '../../core/rule-hits.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { rule as MCG401 } from './MCG401-fails-hardened.js';
import { rule as MCG402 } from './MCG402-non-json-stdout.js';
import { rule as MCG403 } from './MCG403-needs-root.js';
import { rule as MCG404 } from './MCG404-needs-network.js';
import { rule as MCG405 } from './MCG405-does-not-start.js';
import { rule as MCG406 } from './MCG406-no-tools.js';
import { rule as MCG407 } from './MCG407-tool-added.js';
import { rule as MCG408 } from './MCG408-tool-removed.js';
import { rule as MCG409 } from './MCG409-tool-changed.js';

export const probeRules: readonly ProbeRule[] = [MCG401, MCG402, MCG403, MCG404, MCG405, MCG406, MCG407, MCG408, MCG409];

export const probeRuleMetas: readonly RuleMeta[] = probeRules.map((r) => r.meta);

/** Runs the probe rules; findings land in the Dockerfile the image was built from. */
export function checkProbe(ctx: ProbeRuleContext, target: string, settings?: RuleSettings): Finding[] {
  const out: Finding[] = [];
  for (const r of probeRules) {
    if (!ruleEnabled(settings, r.meta.id)) continue;
    for (const hit of r.check(ctx)) out.push(hitToFinding(r.meta, hit, { path: ctx.path, target: target, settings }));
  }
  return out;
}
