import type { RuleHit, RuleMeta } from '../../core/types.js';
import { isDestructive, quoteName } from '../../core/probe/surface.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { hintWords, startSite, surfaceDrift } from './util.js';

const meta: RuleMeta = {
  id: 'MCG407',
  name: 'tool-added',
  title: 'The server lists a tool the baseline did not',
  severity: 'medium',
  kind: 'probe',
  description:
    "The runtime probe's `tools/list` names a tool that the baseline's tool surface (the base branch's report JSON) did not. Medium when the tool may make destructive updates (not `readOnlyHint: true`, and `destructiveHint` not false: the MCP spec's defaults count an unannotated tool as destructive); info for a read-only or non-destructive one. Compared only when the baseline is a report JSON that recorded a probe of the same target.",
  rationale:
    'A tool is a capability an agent can call with the permissions the server runs with. A new one, above all one that writes or deletes, should be seen by a reviewer in the pull request that adds it, not found later in a client.',
  fix: 'Review the new tool: what it can change and whether its annotations say so (`readOnlyHint`, `destructiveHint`). Once accepted, the next baseline from the base branch includes it; suppress only to accept it before then.',
  tags: ['security', 'runtime', 'mcp', 'tool-surface'],
  precision: 'high',
};

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const drift = surfaceDrift(ctx);
    if (!drift) return [];
    return drift.added.map((t) => ({
      ...startSite(ctx),
      severity: isDestructive(t.annotations) ? 'medium' : 'info',
      message: `The server lists a new tool ${quoteName(t.name)} (${hintWords(t)}) that the baseline's tool surface does not have.`,
      key: `probe|tool-added|${t.name}`,
    }));
  },
};
