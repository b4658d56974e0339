/** The whole rule catalog (DESIGN §5): stable ids, one file per rule. */
import type { RuleMeta } from '../core/types.js';
import { dockerfileRules } from './dockerfile/index.js';
import { imageRuleMetas } from './image/index.js';
import { composeRuleMetas } from './compose/index.js';
import { k8sRuleMetas } from './k8s/index.js';
import { workflowRuleMetas } from './workflow/index.js';
import { mcpRuleMetas } from './mcp/index.js';
import { probeRuleMetas } from './probe/index.js';
import { metaRuleMetas } from './meta/index.js';

export const catalog: readonly RuleMeta[] = [
  ...dockerfileRules.map((r) => r.meta),
  ...imageRuleMetas,
  ...composeRuleMetas,
  ...k8sRuleMetas,
  ...workflowRuleMetas,
  ...mcpRuleMetas,
  ...probeRuleMetas,
  ...metaRuleMetas,
].sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(catalog.map((m) => [m.id, m]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

export { dockerfileRules };
