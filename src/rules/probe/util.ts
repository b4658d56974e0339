/** Where a probe finding lands, and the words it quotes. Pure. */
import { chainInstructions, type Instruction } from '../../core/dockerfile/model.js';
import { groupText, type FlagGroup } from '../../core/probe/profile.js';
import type { Attempt, ProbeTool } from '../../core/probe/search.js';
import { diffSurface, type SurfaceDrift } from '../../core/probe/surface.js';
import type { RuleHit } from '../../core/types.js';
import type { ProbeRuleContext } from './types.js';

type Site = Pick<RuleHit, 'line' | 'endLine'> & { what: string };

function site(ins: Instruction): Site {
  return { line: ins.line, endLine: ins.endLine, what: ins.keyword };
}

function last(ctx: ProbeRuleContext, keyword: string): Instruction | undefined {
  const all = chainInstructions(ctx.model, ctx.final).filter((i) => i.keyword === keyword);
  return all[all.length - 1];
}

/** The final stage's ENTRYPOINT, else its CMD, else its FROM: what the probe started. */
export function startSite(ctx: ProbeRuleContext): Site {
  const ins = last(ctx, 'ENTRYPOINT') ?? last(ctx, 'CMD');
  return ins ? site(ins) : { line: ctx.final.from.line, endLine: ctx.final.from.endLine, what: 'FROM' };
}

/** The final USER, else the start line. */
export function userSite(ctx: ProbeRuleContext): Site {
  const u = last(ctx, 'USER');
  return u ? site(u) : startSite(ctx);
}

/** The start command as written (for evidence of a fetch at start). */
export function startText(ctx: ProbeRuleContext): string {
  const ins = last(ctx, 'ENTRYPOINT') ?? last(ctx, 'CMD');
  if (!ins) return '';
  return ins.json ? ins.json.join(' ') : ins.rest;
}

/** The last few non-empty lines of an attempt's stderr (already redacted), quoted on one line. */
export function stderrQuote(a: Attempt | undefined, lines = 3): string {
  const tail = (a?.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-lines)
    .join(' ⏎ ');
  if (tail === '') return 'stderr was empty';
  return `stderr ends: «${tail.length > 400 ? `…${tail.slice(-400)}` : tail}»`;
}

/** The path a read-only root refused, from the error text (Python's `[Errno 30] Read-only file system: '/x'`, Node's `EROFS: …, mkdir '/x'`). */
export function refusedPath(stderr: string): string | undefined {
  for (const l of stderr.split('\n').reverse()) {
    if (!/EROFS|read-only file system/i.test(l)) continue;
    const m = /['"]?(\/[\w.@+\-/]+)/.exec(l.replace(/^.*?(EROFS|read-only file system)/i, ''));
    if (m) return m[1]!.replace(/\/+$/, '');
  }
  return undefined;
}

/** A writable place for the refused path: the cache directory when it is one, else the directory that holds it. */
export function tmpfsFor(path: string): string {
  const cache = /^(.*?\/\.cache)(\/|$)/.exec(path);
  if (cache) return cache[1]!;
  const leaf = path.slice(path.lastIndexOf('/') + 1);
  return /\.\w+$/.test(leaf) && path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) : path;
}

/** The RUN that made the refused path: one naming it, or a `useradd -m`/`adduser` of the home it is in. */
export function runThatMade(ctx: ProbeRuleContext, path: string): Instruction | undefined {
  const home = /^\/home\/([^/]+)/.exec(path);
  const runs = chainInstructions(ctx.model, ctx.final).filter((i) => i.keyword === 'RUN');
  const dir = tmpfsFor(path);
  const naming = runs.filter((r) => r.rest.includes(dir) || (home !== null && r.rest.includes(home[0])));
  if (naming.length > 0) return naming[naming.length - 1];
  if (!home) return undefined;
  const user = home[1]!;
  const makers = runs.filter((r) => /\b(useradd|adduser)\b/.test(r.rest) && new RegExp(`(^|\\s)${user.replace(/[.+\-]/g, '\\$&')}(\\s|$|&|;)`).test(r.rest));
  return makers[makers.length - 1];
}

/** The flags of the groups, as `docker run` words in backticks. */
export function flagsText(ctx: ProbeRuleContext, groups: readonly FlagGroup[]): string {
  return groups.map((g) => `\`${groupText(ctx.verdict.profile, g)}\``).join(' and ');
}

/** The drift of the tool surface against the baseline; undefined when there is none to compare (no baseline surface, or no start answered). */
export function surfaceDrift(ctx: ProbeRuleContext): SurfaceDrift | undefined {
  const a = passedAttempt(ctx);
  if (!ctx.baseline || !a) return undefined;
  return diffSurface(ctx.baseline, a.tools ?? []);
}

/** The hints of a tool in words, for a finding's message. */
export function hintWords(t: ProbeTool): string {
  const h = t.annotations;
  if (h?.readOnlyHint === true) return 'marked read-only';
  if (h?.destructiveHint === false) return 'not read-only, marked non-destructive';
  return h?.destructiveHint === true ? 'marked destructive' : 'not marked read-only (destructive by the MCP defaults)';
}

/** The attempt the image passed with (the last that answered), if any. */
export function passedAttempt(ctx: ProbeRuleContext): Attempt | undefined {
  return [...ctx.verdict.attempts].reverse().find((a) => a.ok);
}

export function failureWords(a: Attempt | undefined): string {
  if (!a) return 'it did not answer';
  if (a.failure === 'timeout') return 'it gave no answer within the timeout';
  if (a.failure === 'exited') return 'it exited before the handshake completed';
  return a.detail ? `it failed: ${a.detail}` : 'it failed';
}
