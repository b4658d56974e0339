import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { failureWords, flagsText, startSite, startText, stderrQuote } from './util.js';

const meta: RuleMeta = {
  id: 'MCG404',
  name: 'needs-network',
  title: 'The stdio server needs the network to start',
  severity: 'medium',
  kind: 'probe',
  description:
    'The runtime probe started the stdio server with `--network none` and the MCP handshake did not complete; with the network it did. Often the start command fetches code (`npx -y`, `uvx`, `pip install`) at every start (see MCG012).',
  rationale:
    'A stdio server talks to its client over stdin/stdout and needs no network to start. One that fetches at start runs whatever the registry serves that day, fails offline, and cannot be isolated with `--network none`.',
  fix: 'Install the server into the image at build time and start the installed binary; if it must reach an API, give it only that network (an egress proxy), not the default bridge.',
  tags: ['security', 'runtime', 'supply-chain', 'mcp'],
  precision: 'high',
};

const FETCH = /\b(npx\s+(-y|--yes)|uvx|pipx\s+run|pip3?\s+install|npm\s+(i|install)|curl|wget)\b/;

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const v = ctx.verdict;
    if (v.status !== 'hardened-fails' || !v.culprits.includes('network')) return [];
    const first = v.attempts[0];
    const fetch = FETCH.exec(startText(ctx));
    const why = fetch ? ` The start command runs \`${fetch[0]}\`, which fetches at every start (MCG012).` : '';
    return [
      {
        ...startSite(ctx),
        message: `The stdio server does not complete the MCP handshake without a network (${failureWords(first)}); it does once ${flagsText(ctx, ['network'])} is taken away.${why} ${stderrQuote(first)}.`,
        key: 'probe|needs-network',
      },
    ];
  },
};
