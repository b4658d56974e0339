/** The bounded search against real fixture containers: each names the flag it does not survive. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnExec } from '../../../src/scanners/exec.js';
import { startOnce } from '../../../src/scanners/probe/client.js';
import { leastPrivilege } from '../../../src/core/probe/profile.js';
import { searchProfile } from '../../../src/core/probe/search.js';
import { rigEnv } from '../../support/rig.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'probe-servers');
const env = { ...(process.env as Record<string, string>), ...rigEnv() };
const tag = (n: string): string => `mcg-probe-search/${n}:e2e`;
const deps = { exec: spawnExec, docker: 'docker', env, probeEnv: {}, runId: `search-${process.pid}`, timeoutMs: 20_000, redact: (s: string) => s };
const cases = [
  { name: 'writes-home', user: 'app', culprit: 'read-only', stderr: /Read-only file system/ },
  { name: 'needs-root', user: '', culprit: 'user', stderr: /Permission denied/ },
] as const;

describe('bounded search (real engine, MCP SDK)', () => {
  beforeAll(async () => {
    for (const c of cases) {
      const r = await spawnExec('docker', ['build', '-q', '-f', join(dir, `${c.name}.Dockerfile`), '-t', tag(c.name), dir], { env, timeoutMs: 300_000 });
      expect(r.exitCode, r.stderr).toBe(0);
    }
  }, 600_000);
  afterAll(async () => {
    await spawnExec('docker', ['rmi', '-f', ...cases.map((c) => tag(c.name))], { env });
  });

  it.each(cases)('$name: fails hardened, passes without $culprit', async (c) => {
    const v = await searchProfile(leastPrivilege({ imageUser: c.user, transport: 'stdio' }), (f) => startOnce(deps, tag(c.name), f));
    expect(v.status).toBe('hardened-fails');
    expect(v.culprits).toEqual([c.culprit]);
    expect(v.attempts[0]!.stderr).toMatch(c.stderr);
  }, 300_000);
});
