import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { FlagGroup } from '../../core/probe/profile.js';
import type { ProbeRule, ProbeRuleContext } from './types.js';
import { failureWords, flagsText, refusedPath, runThatMade, startSite, stderrQuote, tmpfsFor } from './util.js';

const meta: RuleMeta = {
  id: 'MCG401',
  name: 'fails-hardened',
  title: 'The server does not complete the MCP handshake under least privilege',
  severity: 'high',
  kind: 'probe',
  description:
    'The runtime probe started the built image under the least-privilege profile (read-only root with a /tmp tmpfs, all capabilities dropped, no-new-privileges, memory and pids limits) and the MCP handshake did not complete; without the profile it did. The finding names the flag the server does not survive and quotes the end of its stderr.',
  rationale:
    'A server that only works with a writable root filesystem or with capabilities cannot be run hardened, so every client config copied from its README runs it with the defaults. The failure usually comes from one write (a cache under $HOME) that one tmpfs or one environment variable fixes.',
  fix: 'Make the path it writes writable without writing the image: add `--tmpfs <dir>` for it (and a tmpfs in compose/Kubernetes), or point the tool at /tmp (`XDG_CACHE_HOME=/tmp`, `HOME=/tmp`, `npm_config_cache=/tmp/.npm`). For capabilities or limits, find the call that needs them in the stderr quoted.',
  tags: ['security', 'runtime', 'least-privilege', 'mcp'],
  precision: 'high',
};

/** MCG403 (user) and MCG404 (network) report those culprits. */
const OTHERS: readonly FlagGroup[] = ['read-only', 'capabilities', 'limits'];

export const rule: ProbeRule = {
  meta,
  check(ctx: ProbeRuleContext): RuleHit[] {
    const v = ctx.verdict;
    if (v.status !== 'hardened-fails') return [];
    if (v.culprits.length > 0 && !v.culprits.some((g) => OTHERS.includes(g))) return [];
    const first = v.attempts[0];
    const quote = stderrQuote(first);
    let where: Pick<RuleHit, 'line' | 'endLine'> = startSite(ctx);
    let fix = '';
    let evidence: string | undefined;
    if (v.culprits.length === 0) {
      const msg = `The server does not complete the MCP handshake under the least-privilege profile (${failureWords(first)}), yet does without it; no single flag group taken away made it work. ${quote}.`;
      return [{ ...where, message: msg, key: 'probe|fails-hardened|unknown' }];
    }
    if (v.culprits.includes('read-only')) {
      const p = refusedPath(first?.stderr ?? '');
      if (p) {
        const dir = tmpfsFor(p);
        const made = runThatMade(ctx, p);
        if (made) where = { line: made.line, endLine: made.endLine };
        evidence = p;
        fix = ` Fix: add \`--tmpfs ${dir}\`${dir.includes('/.cache') ? ' or set `XDG_CACHE_HOME=/tmp`' : ' or point the server at /tmp (e.g. `HOME=/tmp`)'}.`;
      } else fix = ' Fix: add a `--tmpfs` for the directory it writes, or point it at /tmp.';
    }
    const msg = `The server does not complete the MCP handshake under the least-privilege profile (${failureWords(first)}); it does once ${flagsText(ctx, v.culprits)} is taken away. ${quote}.${fix}`;
    return [{ ...where, message: msg, key: `probe|fails-hardened|${v.culprits.join('+')}`, evidence }];
  },
};
