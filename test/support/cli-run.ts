/**
 * Runs a fresh bundle of the CLI (built exactly as dist/cli.js, into a temp dir so that parallel
 * test files never write the committed dist/) as a real child process, asynchronously, with a
 * wall-clock measurement.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './scan-rig.js';

let bundle: string | undefined;

export function cliBundle(): string {
  if (bundle) return bundle;
  const out = mkdtempSync(join(tmpdir(), 'mcg-cli-dist-'));
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs'), out], { cwd: repoRoot, stdio: 'pipe' });
  bundle = join(out, 'cli.js');
  return bundle;
}

export interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `mcg scan` runs with the runtime probe off unless the test passes --runtime-probe (it is tested in test/e2e/probe/; vitest.config.ts). */
export function withoutProbe(args: string[]): string[] {
  return args[0] === 'scan' && !args.includes('--runtime-probe') ? [...args, '--runtime-probe', 'false'] : args;
}

export function runCli(args: string[], o: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<CliRun> {
  const t0 = Date.now();
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [cliBundle(), ...withoutProbe(args)],
      { cwd: o.cwd, env: o.env, timeout: o.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: string | null }) | null;
        resolvePromise({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
          ms: Date.now() - t0,
        });
      },
    );
  });
}
