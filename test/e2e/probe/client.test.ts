/** One probe start against real fixture containers with the real engine and the MCP SDK. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnExec } from '../../../src/scanners/exec.js';
import { startOnce } from '../../../src/scanners/probe/client.js';
import { leastPrivilege, PROBE_LABEL } from '../../../src/core/probe/profile.js';
import { rigEnv } from '../../support/rig.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'probe-servers');
const env = { ...(process.env as Record<string, string>), ...rigEnv() };
const tag = (n: string): string => `mcg-probe-test/${n}:e2e`;
const runId = `e2e-${process.pid}`;
const deps = { exec: spawnExec, docker: 'docker', env, probeEnv: {}, runId, timeoutMs: 20_000, redact: (s: string) => s };

describe('probe start (real engine, MCP SDK)', () => {
  beforeAll(async () => {
    for (const n of ['banner', 'never-answers']) {
      const r = await spawnExec('docker', ['build', '-q', '-f', join(dir, `${n}.Dockerfile`), '-t', tag(n), dir], { env, timeoutMs: 300_000 });
      expect(r.exitCode, r.stderr).toBe(0);
    }
  }, 600_000);
  afterAll(async () => {
    await spawnExec('docker', ['rmi', '-f', tag('banner'), tag('never-answers')], { env });
  });

  it('completes the handshake under the whole profile and reports the banner on stdout', async () => {
    const a = await startOnce(deps, tag('banner'), leastPrivilege({ imageUser: 'app', transport: 'stdio' }));
    expect(a.ok, a.detail).toBe(true);
    expect(a.tools?.map((t) => t.name)).toEqual(['echo']);
    expect(a.nonJson.length).toBeGreaterThan(0);
  }, 120_000);

  it('times out on a server that never answers, and leaves no container', async () => {
    const a = await startOnce({ ...deps, timeoutMs: 8_000 }, tag('never-answers'), leastPrivilege({ imageUser: 'app', transport: 'stdio' }));
    expect(a.ok).toBe(false);
    expect(a.failure).toBe('timeout');
    const ps = await spawnExec('docker', ['ps', '-aq', '--filter', `label=${PROBE_LABEL}=${runId}`], { env });
    expect(ps.stdout.trim()).toBe('');
  }, 120_000);
});
