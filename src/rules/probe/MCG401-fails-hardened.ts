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
    'A server that only runs with a writable root filesystem or with capabilities is run with the defaults by everyone who copies its config. One cache write is the usual cause, and one tmpfs fixes it.',
  fix: 'Give the path it writes a tmpfs, or point it at /tmp: `docker run --read-only --tmpfs /tmp --tmpfs /home/app/.cache …`, or `-e XDG_CACHE_HOME=/tmp`. The message names the path from the `EROFS` error and the line that created it.',
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
