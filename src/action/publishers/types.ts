/**
 * The one publisher interface: each place results go (check run, pull-request comment, code
 * scanning, job summary, workflow-command annotations, artifacts) is a Publisher whose
 * `publish(report, context)` knows its own platform limits (named constants in its file) and
 * nothing of the others. The modes (src/action/modes/) compose them; the verdict is decided once
 * (core/outcome.ts) and travels in the context, so no publisher decides pass or fail on its own.
 */
import type { Report } from '../../core/types.js';
import type { Outcome } from '../../core/outcome.js';
import type { ActionLog } from '../log.js';
import type { ActionInputs } from '../inputs.js';
import type { RunContext } from '../context.js';
import { GitHubApiError, type GitHubClient } from '../github.js';

/** Where the results belong on GitHub. */
export interface PublishTarget {
  headSha: string;
  /** The ref code scanning files the results under. */
  ref: string;
  prNumber?: number;
  /** What the report is about (the comment's marker and title). */
  target: string;
  checkName: string;
  /** The pull request's changed lines (annotations on them go first). */
  changed?: Map<string, Set<number>>;
  /** One sticky comment per entry (default: one for `target` with the whole report). */
  comments?: { target: string; report: Report }[];
  /** The SARIF logs to upload (several when the targets' runs do not fit one upload). */
  sarifTexts: string[];
  /** changed-only: the targets not rescanned, with why (summary and comment list them; no upload for them). */
  notRescanned?: { target: string; dockerfile: string; reason: string }[];
}

/** What publishing left behind: URLs for the outputs, and errors that must fail the step. */
export interface PublishState {
  hard: string[];
  commentUrl?: string;
  checkRunUrl?: string;
}

export interface PublishContext {
  readonly run: RunContext;
  readonly inputs: ActionInputs;
  readonly log: ActionLog;
  /** The step's environment (GITHUB_STEP_SUMMARY …). */
  readonly env: Record<string, string | undefined>;
  /** Present only when this run may write to GitHub (never on a fork or Dependabot run). */
  readonly gh?: GitHubClient;
  readonly at: PublishTarget;
  /** The run's one verdict (exit code, check run, `result` output). */
  readonly outcome: Outcome;
  /** One second in ms (shrunk in the e2e tests). */
  readonly second: number;
  readonly state: PublishState;
}

export interface Publisher {
  /** The title of its collapsible group in the job log. */
  readonly name: string;
  publish(report: Report, ctx: PublishContext): Promise<void>;
}

/**
 * A publishing failure: it fails the step when the output was explicitly asked for (`demanded`)
 * or GitHub says the request itself was wrong (server, invalid, auth); otherwise a warning. It can
 * make a passing run fail, never a failing run pass.
 */
export function publishFailed(ctx: PublishContext, e: unknown, demanded: boolean): void {
  const msg = e instanceof Error ? e.message : String(e);
  if (demanded || (e instanceof GitHubApiError && (e.kind === 'server' || e.kind === 'invalid' || e.kind === 'auth'))) {
    ctx.log.error(msg);
    ctx.state.hard.push(msg);
  } else ctx.log.warning(msg);
}

/** `https://github.com/o/r/blob/<sha>/`: where a finding's file is shown. */
export function blobBase(ctx: PublishContext): string {
  return `${ctx.run.serverUrl}/${ctx.run.owner}/${ctx.run.repo}/blob/${ctx.at.headSha}/`;
}
