/** The action's Exec keeps spawnExec's contract: argv (no shell), exit codes, timeout, stdout cap. */
import { describe, expect, it } from 'vitest';
import { actionsExec } from '../../../src/action/exec.js';
import { spawnExec } from '../../../src/scanners/exec.js';

describe.each([
  ['actionsExec', actionsExec],
  ['spawnExec', spawnExec],
] as const)('%s', (_name, exec) => {
  it('passes argv without a shell and captures both streams', async () => {
    const r = await exec(process.execPath, ['-e', 'process.stdout.write(process.argv[1]); process.stderr.write("err"); process.exit(3)', '$(echo no) ; | &']);
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('$(echo no) ; | &');
    expect(r.stderr).toContain('err');
  });
  it('stops a process that runs past its timeout', async () => {
    const t0 = Date.now();
    const r = await exec(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).not.toBe(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
  it('caps stdout', async () => {
    const r = await exec(process.execPath, ['-e', 'process.stdout.write("x".repeat(200000))'], { maxStdoutBytes: 1000 });
    expect(r.stdout.length).toBeLessThanOrEqual(1000);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('output exceeded');
  });
  it('a missing program is exit 127-like, never a throw', async () => {
    const r = await exec('/nonexistent/tool', []);
    expect(r.exitCode).not.toBe(0);
  });
});
