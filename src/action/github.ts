/**
 * The one Octokit the action uses: @actions/github with GitHub's own retry (5xx) and throttling
 * (primary and secondary rate limits, Retry-After) plugins, bounded; and one place that turns any
 * failed call into a message that says what went wrong and how to fix it.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../core/types.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  apiUrl: string;
  logger: Logger;
  /** One second, in ms. Tests shrink it so retries and Retry-After waits stay short. */
  secondMs?: number;
  /** Longest wait accepted for one rate-limit retry, in seconds. */
  maxRetryAfterSeconds?: number;
  /** Per-request time limit: a hung connection fails (and is retried) instead of hanging the job. */
  requestTimeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 60_000;

export const MAX_RATE_LIMIT_RETRIES = 2;
export const MAX_SERVER_ERROR_RETRIES = 3;

export function createClient(token: string, opts: ClientOptions): GitHubClient {
  const second = opts.secondMs ?? 1000;
  const maxWait = opts.maxRetryAfterSeconds ?? 120;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= maxWait) {
        opts.logger.warning(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s`);
        return true;
      }
      opts.logger.warning(`GitHub ${kind} rate limit on ${what}; giving up (retry after ${retryAfter}s)`);
      return false;
    };
  return getOctokit(
    token,
    {
      baseUrl: opts.apiUrl,
      request: {
        fetch: (url: string | URL | Request, init?: RequestInit) => {
          const limit = AbortSignal.timeout(opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
          return fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, limit]) : limit });
        },
      },
      retry: { retries: MAX_SERVER_ERROR_RETRIES, retryAfterBaseValue: second, doNotRetry: [400, 401, 403, 404, 410, 413, 422, 451] },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: second,
        fallbackSecondaryRateRetryAfter: 60,
      },
    },
    retry,
    throttling,
  );
}

/** What a failed call needed, for the 403 message. */
export interface Operation {
  /** "create the check run" */
  what: string;
  /** The `permissions:` entry a GITHUB_TOKEN needs for it, e.g. `checks: write`. */
  permission?: string;
  /** What else the user can do when code scanning is off (403 "not enabled"). */
  notEnabledHint?: string;
}

export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly kind: 'permission' | 'not-enabled' | 'not-found' | 'invalid' | 'server' | 'rate-limit' | 'auth' | 'other',
  ) {
    super(message);
  }
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

function githubMessage(e: RequestErrorLike): string {
  const data = e.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const parts: string[] = [];
  if (data && typeof data.message === 'string') parts.push(data.message);
  else if (e.message) parts.push(e.message);
  if (data && Array.isArray(data.errors)) {
    for (const x of data.errors.slice(0, 5)) {
      if (typeof x === 'string') parts.push(x);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        const m = [o['resource'], o['field'], o['code'], o['message']].filter((v) => typeof v === 'string').join(' ');
        if (m) parts.push(m);
      }
    }
  }
  return parts.join(': ').slice(0, 1000);
}

/** Maps any error from a GitHub call onto a GitHubApiError with an actionable message. */
export function describeError(err: unknown, op: Operation): GitHubApiError {
  if (err instanceof GitHubApiError) return err;
  const e = (err ?? {}) as RequestErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const gh = githubMessage(e);
  const perm = op.permission
    ? `the token lacks the "${op.permission}" permission: add it under \`permissions:\` in the workflow job (fork pull requests always get a read-only token)`
    : 'the token is not allowed to do this';
  if (status === undefined) return new GitHubApiError(`Could not ${op.what}: ${e.message ?? String(err)}`, undefined, 'other');
  if (status === 401) return new GitHubApiError(`Could not ${op.what}: GitHub rejected the token (401 ${gh}). Pass a valid github-token.`, status, 'auth');
  const remaining = e.response?.headers?.['x-ratelimit-remaining'];
  if (status === 429 || (status === 403 && (String(remaining) === '0' || /rate limit/i.test(gh)))) {
    return new GitHubApiError(`Could not ${op.what}: GitHub rate limit exceeded (${status} ${gh}); retries were exhausted.`, status, 'rate-limit');
  }
  if (status === 403) {
    if (/advanced security|code scanning is not enabled|not enabled|code security/i.test(gh)) {
      return new GitHubApiError(`Could not ${op.what}: code scanning is not enabled for this repository (403 ${gh}). Enable it under Settings → Code security${op.notEnabledHint ? `, or ${op.notEnabledHint}` : ''}.`, status, 'not-enabled');
    }
    return new GitHubApiError(`Could not ${op.what}: ${perm} (403 ${gh}).`, status, 'permission');
  }
  if (status === 404) {
    return new GitHubApiError(`Could not ${op.what}: not found (404 ${gh}). The repository, pull request or object does not exist, or the token cannot see it${op.permission ? ` (it needs "${op.permission}")` : ''}.`, status, 'not-found');
  }
  if (status === 422 || status === 400 || status === 413) return new GitHubApiError(`Could not ${op.what}: GitHub rejected the request (${status} ${gh}).`, status, 'invalid');
  if (status >= 500) return new GitHubApiError(`Could not ${op.what}: GitHub answered ${status} (${gh}) after ${MAX_SERVER_ERROR_RETRIES} retries; try again later.`, status, 'server');
  return new GitHubApiError(`Could not ${op.what}: GitHub answered ${status} (${gh}).`, status, 'other');
}

/** Runs one GitHub call, mapping its failure. */
export async function call<T>(op: Operation, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw describeError(err, op);
  }
}
