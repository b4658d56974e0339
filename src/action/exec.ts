/**
 * The action's Exec: @actions/exec with the contract of src/scanners/exec.ts spawnExec — argv only
 * (never a shell), a timeout that kills the process, a cap on captured stdout, output captured
 * silently (tool output can hold secrets, so it is never echoed to the log).
 */
import { existsSync } from 'node:fs';
import * as actionsExecLib from '@actions/exec';
import type { Exec, ExecOptions, ExecResult } from '../core/types.js';
import { DEFAULT_MAX_STDOUT } from '../scanners/exec.js';

const MAX_STDERR = 1024 * 1024;
/** coreutils timeout(1): @actions/exec cannot kill its child, so the timeout is enforced by it where present. */
const TIMEOUT_BIN = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p));
const TIMED_OUT = 124;

export const actionsExec: Exec = async (file: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> => {
  const maxOut = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT;
  const out: Buffer[] = [];
  let outBytes = 0;
  let truncated = false;
  let err = '';
  let timedOut = false;
  const controller = new AbortController();
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, options.timeoutMs + (TIMEOUT_BIN ? 15_000 : 0))
    : undefined;
  let code: number;
  try {
    const wrap = options.timeoutMs && TIMEOUT_BIN;
    const cmd = wrap ? TIMEOUT_BIN : file;
    const argv = wrap ? ['--signal=TERM', '--kill-after=10s', `${Math.max(1, Math.ceil(options.timeoutMs! / 1000))}s`, file, ...args] : args;
    const run = actionsExecLib.exec(cmd, argv, {
      cwd: options.cwd,
      env: options.env,
      silent: true,
      ignoreReturnCode: true,
      input: options.input !== undefined ? Buffer.from(options.input) : undefined,
      listeners: {
        stdout: (d: Buffer) => {
          if (truncated) return;
          if (outBytes + d.length > maxOut) {
            truncated = true;
            out.push(d.subarray(0, Math.max(0, maxOut - outBytes)));
            outBytes = maxOut;
            controller.abort();
            return;
          }
          out.push(d);
          outBytes += d.length;
        },
        stderr: (d: Buffer) => {
          if (err.length < MAX_STDERR) err += d.toString('utf8');
        },
      },
    });
    // @actions/exec has no kill: race it against the abort signal and report the timeout
    const aborted = new Promise<number>((resolve) => controller.signal.addEventListener('abort', () => resolve(timedOut ? 137 : 1)));
    // the backstop timer fires 15 s after timeout(1) would have killed the process
    code = await Promise.race([run, aborted]);
    run.catch(() => undefined);
    if (wrap && (code === TIMED_OUT || code === 137)) timedOut = true;
  } catch (e) {
    err += `${e instanceof Error ? e.message : String(e)}\n`;
    code = 127;
  } finally {
    if (timer) clearTimeout(timer);
  }
  let stderr = err.slice(0, MAX_STDERR);
  if (truncated) stderr += `\n[mcg] output exceeded ${maxOut} bytes and the process was stopped`;
  return { exitCode: truncated && code === 0 ? 1 : code, stdout: Buffer.concat(out).toString('utf8'), stderr, timedOut };
};
