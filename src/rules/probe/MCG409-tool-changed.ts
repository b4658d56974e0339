import type { RuleHit, RuleMeta } from '../../core/types.js';
import { isDestructive, quoteName } from '../../core/probe/surface.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { hintWords, startSite, surfaceDrift } from './util.js';

const meta: RuleMeta = {
  id: 'MCG409',
  name: 'tool-changed',
  title: "A tool's description or input schema changed since the baseline",
  severity: 'medium',
  kind: 'probe',
  description:
    "A tool the runtime probe listed has a different SHA-256 of its description, or of the canonical JSON of its input schema, than the same tool in the baseline's tool surface (the base branch's report JSON). Medium when the description changed or the tool may make destructive updates (not `readOnlyHint: true`, `destructiveHint` not false, by the MCP spec's defaults); info for a schema change of a read-only or non-destructive tool. Compared only when the baseline is a report JSON that recorded a probe of the same target.",
  rationale:
    "A tool's description is read by the model as instructions: a changed one can change what an agent does without any code a reviewer reads as behaviour (tool poisoning, a rug pull). A changed schema changes what the tool accepts.",
  fix: "Read the tool's new description and schema (the server's `tools/list`) and check the change is intended; once accepted, the next baseline from the base branch includes it.",
  tags: ['security', 'runtime', 'mcp', 'tool-surface'],
  precision: 'high',
};

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const drift = surfaceDrift(ctx);
    if (!drift) return [];
    return drift.changed.map((c) => {
      const what = c.description && c.schema ? 'description and input schema' : c.description ? 'description' : 'input schema';
      return {
        ...startSite(ctx),
        severity: c.description || isDestructive(c.tool.annotations) ? 'medium' : 'info',
        message: `The ${what} of the tool ${quoteName(c.tool.name)} (${hintWords(c.tool)}) changed since the baseline's tool surface.`,
        key: `probe|tool-changed|${c.tool.name}`,
      };
    });
  },
};
