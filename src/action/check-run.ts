/**
 * The check run (the required status check): created in_progress on the commit, annotations
 * appended in batches of at most 50 (GitHub's per-request cap), then completed with the policy's
 * conclusion. If anything fails after creation, the run is still completed (never left in progress,
 * never turned green by the failure).
 */
import type { Logger } from '../core/types.js';
import { call, describeError, type GitHubClient } from './github.js';

/** GitHub: `annotations` maxItems 50 per create/update request (OpenAPI checks/create, checks/update). */
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub: `output.summary` and `output.text` maxLength 65535 (OpenAPI checks/create). */
export const CHECK_OUTPUT_MAX = 65535;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
}

export type Conclusion = 'success' | 'failure' | 'neutral' | 'action_required' | 'cancelled' | 'skipped' | 'timed_out';

export interface CheckRunTarget {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  detailsUrl?: string;
  externalId?: string;
}

function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  const note = `\n\n… (cut at GitHub's ${n}-character limit)`;
  return n > note.length * 2 ? `${s.slice(0, n - note.length)}${note}` : s.slice(0, n);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CheckRunResult {
  id: number;
  url?: string;
  annotationsSent: number;
}

export async function publishCheckRun(
  gh: GitHubClient,
  t: CheckRunTarget,
  output: CheckRunOutput,
  conclusion: Conclusion,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<CheckRunResult> {
  const perm = 'checks: write';
  const created = await call({ what: `create the check run "${t.name}"`, permission: perm }, () =>
    gh.rest.checks.create({
      owner: t.owner,
      repo: t.repo,
      name: t.name,
      head_sha: t.headSha,
      status: 'in_progress',
      started_at: now().toISOString(),
      ...(t.detailsUrl ? { details_url: t.detailsUrl } : {}),
      ...(t.externalId ? { external_id: t.externalId } : {}),
    }),
  );
  const id = created.data.id;
  const title = clip(output.title, 255);
  const summary = clip(output.summary, CHECK_OUTPUT_MAX);
  const text = output.text !== undefined ? clip(output.text, CHECK_OUTPUT_MAX) : undefined;
  let sent = 0;
  let failure: unknown;
  try {
    for (const batch of chunks(output.annotations, ANNOTATIONS_PER_REQUEST)) {
      await call({ what: `add annotations to the check run "${t.name}"`, permission: perm }, () =>
        gh.rest.checks.update({ owner: t.owner, repo: t.repo, check_run_id: id, output: { title, summary, annotations: batch } }),
      );
      sent += batch.length;
    }
  } catch (err) {
    failure = err;
    logger.warning(`${describeError(err, { what: 'add check-run annotations' }).message} — completing the check run without the rest`);
  }
  // Complete it whatever happened above: the conclusion is the policy's, not the publisher's.
  const done = await call({ what: `complete the check run "${t.name}"`, permission: perm }, () =>
    gh.rest.checks.update({
      owner: t.owner,
      repo: t.repo,
      check_run_id: id,
      status: 'completed',
      conclusion,
      completed_at: now().toISOString(),
      output: { title, summary, ...(text !== undefined ? { text } : {}) },
    }),
  );
  if (failure) throw describeError(failure, { what: 'add check-run annotations', permission: perm });
  return { id, url: done.data.html_url ?? created.data.html_url ?? undefined, annotationsSent: sent };
}
