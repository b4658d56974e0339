import type { RuleHit, RuleMeta } from '../../core/types.js';
import { quoteName } from '../../core/probe/surface.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { startSite, surfaceDrift } from './util.js';

const meta: RuleMeta = {
  id: 'MCG408',
  name: 'tool-removed',
  title: 'The server no longer lists a tool the baseline had',
  severity: 'info',
  kind: 'probe',
  description:
    "A tool in the baseline's tool surface (the base branch's report JSON) is missing from the runtime probe's `tools/list`. Compared only when the baseline is a report JSON that recorded a probe of the same target.",
  rationale:
    'Clients, prompts and agent configurations that call the tool by name break when it disappears; a removal that was not meant (a tool registered only when configuration is present) shows up here first.',
  fix: 'If the removal is intended, note it for the server\'s users; if not, check what the server needs at start to register the tool (`probe-env`).',
  tags: ['reliability', 'runtime', 'mcp', 'tool-surface'],
  precision: 'high',
};

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const drift = surfaceDrift(ctx);
    if (!drift) return [];
    return drift.removed.map((t) => ({
      ...startSite(ctx),
      message: `The server no longer lists the tool ${quoteName(t.name)} that the baseline's tool surface has.`,
      key: `probe|tool-removed|${t.name}`,
    }));
  },
};
