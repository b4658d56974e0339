/** What every mode handler gets, and the steps they share. */
import type { Report } from '../../core/types.js';
import { outcomeFor, type Outcome } from '../../core/outcome.js';
import type { ActionLog } from '../log.js';
import type { ActionInputs } from '../inputs.js';
import type { RunContext } from '../context.js';
import { changedLines } from '../diff.js';
import type { GitHubClient } from '../github.js';
import { publishAll, type PublishContext, type Publisher, type PublishTarget } from '../publishers/index.js';
import { finish, setCountOutputs } from '../verdict.js';

export interface ModeRun {
  inputs: ActionInputs;
  ctx: RunContext;
  log: ActionLog;
  env: Record<string, string | undefined>;
  /** The event payload (GITHUB_EVENT_PATH), parsed. */
  payload: unknown;
  /** One second in ms. */
  second: number;
  /** The label of what this run builds (the post step removes it). */
  runLabel: string;
}

/** The PR's changed lines (a read call, allowed with a read-only token); undefined when unknown. */
export async function prDiff(m: ModeRun, gh: GitHubClient | undefined, prNumber: number | undefined): Promise<Map<string, Set<number>> | undefined> {
  if (!gh || prNumber === undefined) return undefined;
  try {
    return await changedLines(gh, m.ctx.owner, m.ctx.repo, prNumber);
  } catch (e) {
    m.log.info(`${(e as Error).message} — annotations are ordered without the diff`);
    return undefined;
  }
}

export interface Delivery {
  report: Report;
  at: PublishTarget;
  /** A client that may write; undefined when this run must not write. */
  gh?: GitHubClient;
  publishers: readonly Publisher[];
  /** Accept a run that checked no file. */
  allowEmpty: boolean;
}

/** Decides the verdict once, sets the outputs, runs the publishers in their groups and ends the step. */
export async function deliver(m: ModeRun, d: Delivery): Promise<Outcome> {
  const outcome = outcomeFor(d.report, { allowEmpty: d.allowEmpty });
  setCountOutputs(m.log, d.report, outcome);
  const pc: PublishContext = { run: m.ctx, inputs: m.inputs, log: m.log, env: m.env, gh: d.gh, at: d.at, outcome, second: m.second, state: { hard: [] } };
  await publishAll(d.report, pc, d.publishers);
  finish(m.log, outcome, pc.state);
  return outcome;
}
