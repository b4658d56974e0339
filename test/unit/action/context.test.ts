import { describe, expect, it } from 'vitest';
import { runContext } from '../../../src/action/context.js';

const env = {
  GITHUB_REPOSITORY: 'acme/mcp-server',
  GITHUB_SHA: 'm'.repeat(40),
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'scan',
  GITHUB_RUN_ID: '99',
  GITHUB_ACTOR: 'alice',
};

function pr(headRepo: string): unknown {
  return {
    pull_request: {
      number: 7,
      head: { sha: 'h'.repeat(40), ref: 'feature', repo: { full_name: headRepo } },
      base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/mcp-server' } },
    },
  };
}

describe('runContext', () => {
  it('same-repository pull request: results on the PR head, writable', () => {
    const c = runContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, pr('acme/mcp-server'));
    expect(c).toMatchObject({ owner: 'acme', repo: 'mcp-server', sha: 'h'.repeat(40), ref: 'refs/pull/7/head', readOnly: false });
    expect(c.pr).toMatchObject({ number: 7, baseRef: 'main' });
  });

  it('fork pull request: read-only, with the reason', () => {
    const c = runContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, pr('mallory/mcp-server'));
    expect(c.readOnly).toBe(true);
    expect(c.readOnlyReason).toContain('mallory/mcp-server');
  });

  it('deleted fork (head.repo null): read-only', () => {
    const payload = pr('x') as { pull_request: { head: { repo: unknown } } };
    payload.pull_request.head.repo = null;
    const c = runContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, payload);
    expect(c.readOnly).toBe(true);
  });

  it('Dependabot: read-only', () => {
    const c = runContext({ ...env, GITHUB_ACTOR: 'dependabot[bot]', GITHUB_EVENT_NAME: 'pull_request' }, pr('acme/mcp-server'));
    expect(c.readOnly).toBe(true);
    expect(c.readOnlyReason).toContain('Dependabot');
  });

  it('push: the pushed commit and branch, no pull request', () => {
    const c = runContext({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, { ref: 'refs/heads/main' });
    expect(c).toMatchObject({ sha: 'm'.repeat(40), ref: 'refs/heads/main', readOnly: false, pr: undefined });
  });

  it('pull_request_target from a fork is not read-only (the base repository token)', () => {
    const c = runContext({ ...env, GITHUB_EVENT_NAME: 'pull_request_target' }, pr('mallory/mcp-server'));
    expect(c.readOnly).toBe(false);
  });

  it('refuses to run without a repository', () => {
    expect(() => runContext({}, {})).toThrow(/GITHUB_REPOSITORY/);
  });
});
