/**
 * The files a pull request changed, for changed-only discovery: GitHub's pull request files API
 * (paginated; it lists at most 3,000 files), else `git diff base...head` when the checkout has the
 * history. Fails closed: a list that cannot be had, or is cut, is no list (every target is scanned).
 */
import type { ChangedFiles } from '../core/changed-only.js';
import type { Exec } from '../core/types.js';
import { gitChangedFiles } from '../engine/changed-targets.js';
import { call, type GitHubClient } from './github.js';
import { MAX_PR_FILES } from './diff.js';

export interface PrRef {
  owner: string;
  repo: string;
  number: number;
  /** `changed_files` of the event's pull request, when the payload says. */
  changedFiles?: number;
  baseSha?: string;
  headSha?: string;
}

/** From the files API: renamed files count under both names. */
export async function apiChangedFiles(gh: GitHubClient, pr: PrRef): Promise<ChangedFiles> {
  let files: { filename: string; previous_filename?: string }[];
  try {
    files = await call({ what: `list the files of pull request #${pr.number}`, permission: 'pull-requests: read' }, () =>
      gh.paginate(gh.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 }),
    );
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  if (files.length >= MAX_PR_FILES || (pr.changedFiles !== undefined && files.length < pr.changedFiles)) {
    return { ok: false, reason: `the pull request's file list is cut (${files.length} listed${pr.changedFiles !== undefined ? ` of ${pr.changedFiles}` : ''}; GitHub lists at most ${MAX_PR_FILES})` };
  }
  const out: string[] = [];
  for (const f of files) {
    out.push(f.filename);
    if (typeof f.previous_filename === 'string') out.push(f.previous_filename);
  }
  return { ok: true, files: out, source: `pull request #${pr.number} files` };
}

/** The API first; git when the API gave nothing and both commits are named. */
export async function prChangedFiles(gh: GitHubClient | undefined, pr: PrRef, git: { exec: Exec; root: string }): Promise<ChangedFiles> {
  const api: ChangedFiles = gh ? await apiChangedFiles(gh, pr) : { ok: false, reason: 'no GitHub client' };
  // a cut or failed API list: git has the whole list when the checkout has the history
  if (api.ok || pr.baseSha === undefined || pr.headSha === undefined) return api;
  const viaGit = await gitChangedFiles(git.exec, git.root, { base: pr.baseSha, head: pr.headSha });
  return viaGit.ok ? viaGit : { ok: false, reason: `${api.ok ? '' : `${api.reason}; `}${viaGit.reason}` };
}
