/**
 * The sticky pull-request comment: one per (workflow, job, target), found by its hidden marker,
 * updated in place (never duplicated on reruns). Lists every comment (per_page 100, paginated).
 */
import { call, GitHubApiError, type GitHubClient } from './github.js';
import { hasMarker } from '../reporters/index.js';

/** GitHub: "Body is too long (maximum is 65536 characters)" (422) on issue comments. */
export const COMMENT_MAX_CHARS = 65536;

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface CommentResult {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

interface ListedComment {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { type?: string; login?: string } | null;
}

/** Picks the comment to update: the oldest starting with the marker, a bot's first (a person quoting it is not ours). */
export function findSticky(comments: readonly ListedComment[], marker: string): ListedComment | undefined {
  const marked = comments.filter((c) => hasMarker(c.body, marker));
  return marked.find((c) => c.user?.type === 'Bot') ?? marked[0];
}

export async function upsertComment(gh: GitHubClient, t: CommentTarget, marker: string, body: string): Promise<CommentResult> {
  const perm = 'pull-requests: write';
  if (!hasMarker(body, marker)) throw new Error('internal: the comment body does not carry its marker');
  if (body.length > COMMENT_MAX_CHARS) throw new Error(`internal: the comment body is ${body.length} characters, over GitHub's ${COMMENT_MAX_CHARS}`);
  const sticky = async () =>
    findSticky(
      await call({ what: `list the comments of pull request #${t.issueNumber}`, permission: 'pull-requests: read' }, () =>
        gh.paginate(gh.rest.issues.listComments, { owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: 100 }),
      ),
      marker,
    );
  const update = async (id: number, action: CommentResult['action']): Promise<CommentResult> => {
    const r = await call({ what: `update the pull request comment ${id}`, permission: perm }, () =>
      gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: id, body }),
    );
    return { id: r.data.id, url: r.data.html_url, action };
  };
  const existing = await sticky();
  if (existing) {
    if (existing.body === body) return { id: existing.id, url: existing.html_url, action: 'unchanged' };
    return update(existing.id, 'updated');
  }
  // A POST is not idempotent: a create that timed out or got a 5xx may still have landed. So it is
  // sent once (no automatic retry); on such a failure the comments are listed again and the create
  // is repeated only if the marker is still nowhere.
  const create = (): Promise<CommentResult> =>
    call({ what: `comment on pull request #${t.issueNumber}`, permission: perm }, async () => {
      const r = await gh.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body, request: { retries: 0 } });
      return { id: r.data.id, url: r.data.html_url, action: 'created' as const };
    });
  try {
    return await create();
  } catch (e) {
    if (!(e instanceof GitHubApiError) || (e.kind !== 'server' && e.kind !== 'other')) throw e;
    const landed = await sticky();
    if (landed) return landed.body === body ? { id: landed.id, url: landed.html_url, action: 'created' } : update(landed.id, 'created');
    return await create();
  }
}
