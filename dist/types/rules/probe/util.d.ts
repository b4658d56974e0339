/** Where a probe finding lands, and the words it quotes. Pure. */
import { type Instruction } from '../../core/dockerfile/model.js';
import { type FlagGroup } from '../../core/probe/profile.js';
import type { Attempt, ProbeTool } from '../../core/probe/search.js';
import { type SurfaceDrift } from '../../core/probe/surface.js';
import type { RuleHit } from '../../core/types.js';
import type { ProbeRuleContext } from './types.js';
type Site = Pick<RuleHit, 'line' | 'endLine'> & {
    what: string;
};
/** The final stage's ENTRYPOINT, else its CMD, else its FROM: what the probe started. */
export declare function startSite(ctx: ProbeRuleContext): Site;
/** The final USER, else the start line. */
export declare function userSite(ctx: ProbeRuleContext): Site;
/** The start command as written (for evidence of a fetch at start). */
export declare function startText(ctx: ProbeRuleContext): string;
/** The last few non-empty lines of an attempt's stderr (already redacted), quoted on one line. */
export declare function stderrQuote(a: Attempt | undefined, lines?: number): string;
/** The path a read-only root refused, from the error text (Python's `[Errno 30] Read-only file system: '/x'`, Node's `EROFS: …, mkdir '/x'`). */
export declare function refusedPath(stderr: string): string | undefined;
/** A writable place for the refused path: the cache directory when it is one, else the directory that holds it. */
export declare function tmpfsFor(path: string): string;
/** The RUN that made the refused path: one naming it, or a `useradd -m`/`adduser` of the home it is in. */
export declare function runThatMade(ctx: ProbeRuleContext, path: string): Instruction | undefined;
/** The flags of the groups, as `docker run` words in backticks. */
export declare function flagsText(ctx: ProbeRuleContext, groups: readonly FlagGroup[]): string;
/** The drift of the tool surface against the baseline; undefined when there is none to compare (no baseline surface, or no start answered). */
export declare function surfaceDrift(ctx: ProbeRuleContext): SurfaceDrift | undefined;
/** The hints of a tool in words, for a finding's message. */
export declare function hintWords(t: ProbeTool): string;
/** The attempt the image passed with (the last that answered), if any. */
export declare function passedAttempt(ctx: ProbeRuleContext): Attempt | undefined;
export declare function failureWords(a: Attempt | undefined): string;
export {};
