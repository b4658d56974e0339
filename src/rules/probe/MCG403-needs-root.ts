import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { failureWords, flagsText, stderrQuote, userSite } from './util.js';

const meta: RuleMeta = {
  id: 'MCG403',
  name: 'needs-root',
  title: 'The server only starts as root',
  severity: 'medium',
  kind: 'probe',
  description:
    'The runtime probe started the image as a non-root user (the image\'s own, or 65532 when it has none) and the MCP handshake did not complete; with the image\'s default user (root) it did.',
  rationale:
    'A server that needs root cannot run with `runAsNonRoot` or `--user`, so any escape from it lands as root in the container. Most servers need root only for one file they read or a port below 1024 they bind.',
  fix: 'Create a user and give it what it reads (`RUN useradd --system --uid 10001 app && chown app /etc/…`, `USER 10001`), bind a port above 1024, or serve stdio.',
  tags: ['security', 'runtime', 'least-privilege', 'mcp'],
  precision: 'high',
};

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const v = ctx.verdict;
    if (v.status !== 'hardened-fails' || !v.culprits.includes('user')) return [];
    const first = v.attempts[0];
    return [
      {
        ...userSite(ctx),
        message: `The server does not complete the MCP handshake as a non-root user (${failureWords(first)}); it does once ${flagsText(ctx, ['user'])} is taken away, i.e. as root. ${stderrQuote(first)}.`,
        key: 'probe|needs-root',
      },
    ];
  },
};
