/**
 * The check run (the required status check): created in_progress on the commit, annotations
 * appended in batches of at most 50 (GitHub's per-request cap), then completed with the policy's
 * conclusion. If anything fails after creation, the run is still completed (never left in progress,
 * never turned green by the failure).
 */
import type { Logger } from '../core/types.js';
import { call, describeError, GitHubApiError, type GitHubClient } from './github.js';
import type { CheckRunOutput } from '../reporters/check-run.js';
import { ANNOTATIONS_PER_REQUEST, CHECK_RUN_SUMMARY_MAX } from '../reporters/limits.js';

// The shapes and caps of the checks API live with the renderer that builds the output.
export type { CheckRunOutput } from '../reporters/check-run.js';
const CHECK_OUTPUT_MAX = CHECK_RUN_SUMMARY_MAX;

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

/** What the completed check run says: its output and the verdict's conclusion. */
export interface CheckRunContent {
  output: CheckRunOutput;
  conclusion: Conclusion;
}

export async function publishCheckRun(gh: GitHubClient, t: CheckRunTarget, content: CheckRunContent, o: { logger: Logger; now?: () => Date }): Promise<CheckRunResult> {
  const { output, conclusion } = content;
  const logger = o.logger;
  const now = o.now ?? (() => new Date());
  const perm = 'checks: write';
  const startedAt = now().toISOString();
  // A POST is not idempotent: sent once (no automatic retry). If its answer is lost, look for the
  // run it may have created (same name, head and start time) before creating again, so that no
  // orphan stays in progress next to the real one.
  const create = (): Promise<{ id: number; html_url: string | null }> =>
    call({ what: `create the check run "${t.name}"`, permission: perm }, async () => {
      const r = await gh.rest.checks.create({
        owner: t.owner,
        repo: t.repo,
        name: t.name,
        head_sha: t.headSha,
        status: 'in_progress',
        started_at: startedAt,
        ...(t.detailsUrl ? { details_url: t.detailsUrl } : {}),
        ...(t.externalId ? { external_id: t.externalId } : {}),
        request: { retries: 0 },
      });
      return { id: r.data.id, html_url: r.data.html_url };
    });
  let created: { id: number; html_url: string | null };
  try {
    created = await create();
  } catch (e) {
    if (!(e instanceof GitHubApiError) || (e.kind !== 'server' && e.kind !== 'other')) throw e;
    const list = await call({ what: `look up check runs "${t.name}" of ${t.headSha.slice(0, 12)}`, permission: 'checks: read' }, () =>
      gh.rest.checks.listForRef({ owner: t.owner, repo: t.repo, ref: t.headSha, check_name: t.name, filter: 'all', per_page: 100 }),
    );
    const landed = list.data.check_runs.find((c) => c.status !== 'completed' && c.started_at !== null && Date.parse(c.started_at) === Date.parse(startedAt));
    created = landed ? { id: landed.id, html_url: landed.html_url } : await create();
  }
  const id = created.id;
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
  return { id, url: done.data.html_url ?? created.html_url ?? undefined, annotationsSent: sent };
}
