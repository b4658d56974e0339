import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { startSite } from './util.js';

const meta: RuleMeta = {
  id: 'MCG402',
  name: 'non-json-stdout',
  title: 'The server prints non-JSON output on stdout',
  severity: 'high',
  kind: 'probe',
  description:
    'When the runtime probe started the image over stdio, the server wrote lines to stdout that are not JSON-RPC messages (a banner, a log line, a progress bar).',
  rationale:
    'Over stdio, stdout is the protocol channel. Clients that read it strictly drop the connection at the first line that is not a JSON-RPC message; lenient ones skip it but can lose a message that shares its line. Logs belong on stderr.',
  fix: 'Send banners and logs to stderr (`print(..., file=sys.stderr)`, `console.error`, a logging handler on stderr), or turn them off when the server runs over stdio.',
  tags: ['reliability', 'runtime', 'mcp'],
  precision: 'very-high',
};

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const a = ctx.verdict.attempts.find((x) => x.nonJson.length > 0);
    if (!a) return [];
    const line = a.nonJson[0]!;
    const shown = line.length > 200 ? `${line.slice(0, 200)}…` : line;
    const n = a.nonJson.length;
    return [
      {
        ...startSite(ctx),
        message: `The server wrote ${n === 1 ? 'a line' : `${n}${n >= 5 ? '+' : ''} lines`} to stdout that ${n === 1 ? 'is' : 'are'} not JSON-RPC, which corrupts the stdio protocol: «${shown}».`,
        key: 'probe|non-json-stdout',
      },
    ];
  },
};
