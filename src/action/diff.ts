/**
 * The lines a pull request adds or changes, per file: reviewers see these, so annotations on them
 * go first (DESIGN §8). Read from `GET /repos/{o}/{r}/pulls/{n}/files` (paginated); the unified-diff
 * `patch` is parsed here. GitHub omits `patch` for very large or binary diffs: such files count as
 * wholly changed only when they are new (status `added`), else they contribute nothing.
 */
import { call, type GitHubClient } from './github.js';

/** GitHub lists at most 3,000 files for a pull request (REST docs, pulls/list-files). */
export const MAX_PR_FILES = 3000;

/** Added lines (new-file line numbers) of one unified-diff patch. */
export function addedLines(patch: string): Set<number> {
  const out = new Set<number>();
  let line = 0;
  let inHunk = false;
  for (const l of patch.split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (h) {
      line = Number(h[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (l.startsWith('+')) out.add(line++);
    else if (l.startsWith('-')) continue;
    else if (l.startsWith('\\')) continue; // "\ No newline at end of file"
    else line++;
  }
  return out;
}

export async function changedLines(gh: GitHubClient, owner: string, repo: string, pullNumber: number): Promise<Map<string, Set<number>>> {
  const files = await call({ what: `list the files of pull request #${pullNumber}`, permission: 'pull-requests: read' }, () =>
    gh.paginate(gh.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 }),
  );
  const out = new Map<string, Set<number>>();
  for (const f of files.slice(0, MAX_PR_FILES)) {
    if (f.status === 'removed') continue;
    if (typeof f.patch === 'string') out.set(f.filename, addedLines(f.patch));
    else if (f.status === 'added') out.set(f.filename, new Set(Array.from({ length: Math.max(0, f.additions) }, (_, i) => i + 1)));
  }
  return out;
}
