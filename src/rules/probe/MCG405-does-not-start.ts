import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { failureWords, startSite, stderrQuote } from './util.js';

const meta: RuleMeta = {
  id: 'MCG405',
  name: 'does-not-start',
  title: 'The image does not work as an MCP server at all',
  severity: 'high',
  kind: 'probe',
  description:
    'The runtime probe started the built image with no hardening at all and it still did not complete the MCP handshake (initialize, tools/list) within the timeout: it exited, never answered, or answered with an error.',
  rationale:
    'An image that does not answer `initialize` is not an MCP server a client can use, whatever its scan says; and nothing about its behaviour under least privilege could be checked. The run fails closed, like a scanner that did not run.',
  fix: 'Read the quoted stderr. Check that the ENTRYPOINT/CMD starts the server on stdio (not HTTP, unless `probe-transport: http`), that it needs no argument or variable the probe did not give (`probe-env`), and raise `probe-timeout-seconds` for a slow start.',
  tags: ['reliability', 'runtime', 'mcp'],
  precision: 'high',
};

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const v = ctx.verdict;
    if (v.status !== 'broken') return [];
    const bare = v.attempts[1] ?? v.attempts[0];
    return [
      {
        ...startSite(ctx),
        message: `The image does not complete the MCP handshake even without any hardening: ${failureWords(bare)}. ${stderrQuote(bare)}.`,
        key: 'probe|does-not-start',
      },
    ];
  },
};
