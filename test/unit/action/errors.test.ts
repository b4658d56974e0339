import { describe, expect, it } from 'vitest';
import { describeError, GitHubApiError } from '../../../src/action/github.js';

function reqErr(status: number, data: unknown, headers: Record<string, string> = {}): unknown {
  return Object.assign(new Error(typeof data === 'object' && data && 'message' in data ? String((data as { message: unknown }).message) : 'x'), { status, response: { data, headers } });
}

const op = { what: 'create the check run', permission: 'checks: write' };

describe('describeError', () => {
  it.each([
    [401, { message: 'Bad credentials' }, {}, 'auth', /rejected the token \(401 Bad credentials\)/],
    [403, { message: 'Resource not accessible by integration' }, {}, 'permission', /lacks the "checks: write" permission/],
    [403, { message: 'Advanced Security must be enabled for this repository to use code scanning.' }, {}, 'not-enabled', /code scanning is not enabled/],
    [403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' }, 'rate-limit', /rate limit exceeded/],
    [429, { message: 'Too many requests' }, {}, 'rate-limit', /rate limit/],
    [404, { message: 'Not Found' }, {}, 'not-found', /not found \(404 Not Found\).*checks: write/],
    [413, { message: 'Payload Too Large' }, {}, 'invalid', /rejected the request \(413 Payload Too Large\)/],
    [422, { message: 'Validation Failed', errors: [{ resource: 'CheckRun', field: 'head_sha', code: 'invalid' }] }, {}, 'invalid', /422 Validation Failed: CheckRun head_sha invalid/],
    [503, { message: 'Service Unavailable' }, {}, 'server', /answered 503 .* after 3 retries/],
  ])('%i %j → %s', (status, data, headers, kind, text) => {
    const e = describeError(reqErr(status, data, headers), op);
    expect(e).toBeInstanceOf(GitHubApiError);
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toMatch(text);
    expect(e.message.startsWith('Could not create the check run')).toBe(true);
  });

  it('a network error without a status keeps its message', () => {
    const e = describeError(new Error('connect ECONNREFUSED 127.0.0.1:1'), op);
    expect(e.kind).toBe('other');
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('is idempotent', () => {
    const e = describeError(reqErr(404, { message: 'Not Found' }), op);
    expect(describeError(e, { what: 'something else' })).toBe(e);
  });
});
