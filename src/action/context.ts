/**
 * What the run is about, derived once from GITHUB_* variables and the event payload: the repository,
 * the commit and ref results belong to, the pull request (if any), and whether this token may write.
 * Pure: env and payload are passed in (main.ts reads them).
 */

export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  /** The commit results belong to: the PR head for pull requests, else GITHUB_SHA. */
  sha: string;
  /** The ref code scanning files results under (refs/pull/<n>/head for PRs). */
  ref: string;
  workflow: string;
  job: string;
  runId?: string;
  serverUrl: string;
  apiUrl: string;
  workspace: string;
  pr?: { number: number; headSha: string; baseRef: string; headRepo?: string; baseRepo?: string };
  /** A pull request from a fork, or a Dependabot run: the token is read-only, secrets are absent. */
  readOnly: boolean;
  readOnlyReason?: string;
  /** A push (or other non-PR event) on the repository's default branch (payload repository.default_branch). */
  onDefaultBranch?: boolean;
}

type Json = Record<string, unknown>;

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export class ContextError extends Error {}

export function runContext(env: Record<string, string | undefined>, payload: unknown): RunContext {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new ContextError('GITHUB_REPOSITORY is not set (owner/name): is this running inside GitHub Actions?');
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  const ev = obj(payload) ?? {};
  const prObj = obj(ev['pull_request']);
  let pr: RunContext['pr'];
  if (prObj && typeof prObj['number'] === 'number') {
    const head = obj(prObj['head']);
    const base = obj(prObj['base']);
    pr = {
      number: prObj['number'],
      headSha: str(head?.['sha']) ?? env['GITHUB_SHA'] ?? '',
      baseRef: str(base?.['ref']) ?? env['GITHUB_BASE_REF'] ?? '',
      headRepo: str(obj(head?.['repo'])?.['full_name']),
      baseRepo: str(obj(base?.['repo'])?.['full_name']),
    };
  }
  const actor = env['GITHUB_ACTOR'] ?? '';
  let readOnly = false;
  let readOnlyReason: string | undefined;
  const isPrEvent = eventName === 'pull_request' || eventName === 'pull_request_review' || eventName === 'pull_request_review_comment';
  if (isPrEvent && pr && pr.headRepo && pr.headRepo.toLowerCase() !== (pr.baseRepo ?? repository).toLowerCase()) {
    readOnly = true;
    readOnlyReason = `pull request from the fork ${pr.headRepo}: GitHub gives this run a read-only token`;
  } else if (isPrEvent && pr && !pr.headRepo) {
    // head.repo is null when the fork was deleted: treat it as a fork (never attempt a write)
    readOnly = true;
    readOnlyReason = 'pull request whose head repository is unknown (a deleted fork): treated as a fork, read-only';
  } else if (actor === 'dependabot[bot]' && eventName !== 'pull_request_target' && eventName !== 'workflow_run') {
    readOnly = true;
    readOnlyReason = 'Dependabot run: GitHub gives this run a read-only token';
  }
  const sha = pr && isPrEvent ? pr.headSha : (env['GITHUB_SHA'] ?? '');
  const ref = pr && isPrEvent ? `refs/pull/${pr.number}/head` : (env['GITHUB_REF'] ?? '');
  return {
    owner,
    repo,
    eventName,
    sha,
    ref,
    workflow: env['GITHUB_WORKFLOW'] ?? '',
    job: env['GITHUB_JOB'] ?? '',
    runId: env['GITHUB_RUN_ID'],
    serverUrl: (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, ''),
    workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
    pr,
    readOnly,
    readOnlyReason,
    onDefaultBranch: !isPrEvent && !!str(obj(ev['repository'])?.['default_branch']) && env['GITHUB_REF'] === `refs/heads/${str(obj(ev['repository'])?.['default_branch'])}`,
  };
}

export function runUrl(ctx: RunContext): string | undefined {
  return ctx.runId ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : undefined;
}
