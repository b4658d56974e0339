/**
 * The baseline a run compares against: the `baseline` input (a report JSON or SARIF file in the
 * workspace), else — with `fail-on: new` and a token — the base branch's code-scanning analyses.
 * An unreadable code-scanning baseline is a warning: every finding then counts as new.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from '../core/types.js';
import type { Baseline } from '../core/merge.js';
import { parseBaseline } from '../core/baseline.js';
import { confine } from '../core/files.js';
import { codeScanningBaseline } from './code-scanning.js';
import { InputError, type ActionInputs } from './inputs.js';
import type { RunContext } from './context.js';
import type { GitHubClient } from './github.js';

export interface BaselineQuery {
  inputs: ActionInputs;
  ctx: RunContext;
  /** A client that may read code scanning; undefined on a read-only run. */
  gh?: GitHubClient;
  /** The branch whose analyses count (full/scan: the PR's base or the pushed branch; report: GitHub's PR base). */
  baseRef?: string;
  logger: Logger;
}

function fileBaseline(root: string, file: string): Baseline {
  const abs = confine(root, file, 'baseline');
  if (!existsSync(abs)) throw new InputError('baseline', `file "${file}" does not exist. Point it at a report JSON or SARIF file written by an earlier run.`);
  return parseBaseline(readFileSync(abs, 'utf8'), file);
}

/** The branch of a `refs/heads/…` ref, else undefined. */
export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length ? ref.slice('refs/heads/'.length) : undefined;
}

export async function loadBaseline(q: BaselineQuery): Promise<Baseline | undefined> {
  const { inputs, ctx, gh, logger } = q;
  if (inputs.baseline) return fileBaseline(ctx.workspace, inputs.baseline);
  if (inputs.failOn !== 'new' || !gh || !q.baseRef) return undefined;
  const ref = `refs/heads/${q.baseRef}`;
  try {
    const b = await codeScanningBaseline(gh, ctx.owner, ctx.repo, ref, logger);
    if (!b) logger.info(`No earlier analysis on ${ref}: every finding counts as new`);
    return b?.baseline;
  } catch (e) {
    logger.warning(`${(e as Error).message} — no baseline: every finding counts as new`);
    return undefined;
  }
}
