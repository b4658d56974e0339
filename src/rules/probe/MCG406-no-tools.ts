import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { passedAttempt, startSite } from './util.js';

const meta: RuleMeta = {
  id: 'MCG406',
  name: 'no-tools',
  title: 'The server lists no tools',
  severity: 'low',
  kind: 'probe',
  description: 'The runtime probe completed the MCP handshake, but `tools/list` returned no tools (or the server does not advertise the tools capability).',
  rationale:
    'A server with no tools at start usually needs configuration it was not given (an API key, a path argument) and registers its tools only then, or was built from the wrong entry point. Clients show it as connected and useless.',
  fix: 'Pass what the server needs at start with `probe-env` (and document it), or check that ENTRYPOINT/CMD starts the right program. Suppress when the server only serves prompts or resources.',
  tags: ['reliability', 'runtime', 'mcp'],
  precision: 'medium',
};

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const a = passedAttempt(ctx);
    if (!a || (a.tools ?? []).length > 0) return [];
    return [{ ...startSite(ctx), message: `The server${a.serverName ? ` "${a.serverName}"` : ''} completed the MCP handshake but lists no tools.`, key: 'probe|no-tools' }];
  },
};
