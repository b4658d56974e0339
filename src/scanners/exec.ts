/**
 * The Exec choke point for the CLI: argv only (never a shell), a timeout that kills the whole
 * process group, and a cap on captured stdout so a runaway tool cannot exhaust memory.
 * The action injects an @actions/exec-based Exec with the same contract (src/action/).
 */
import { spawn } from 'node:child_process';
import type { Exec, ExecOptions, ExecResult } from '../core/types.js';

export const DEFAULT_MAX_STDOUT = 256 * 1024 * 1024;
const MAX_STDERR = 1024 * 1024;

export const spawnExec: Exec = (file: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> =>
  new Promise((resolvePromise) => {
    const maxOut = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT;
    const out: Buffer[] = [];
    let outBytes = 0;
    let truncated = false;
    let err = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      detached: true,
      stdio: [options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const kill = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          kill();
        }, options.timeoutMs)
      : undefined;
    child.stdout?.on('data', (d: Buffer) => {
      if (outBytes + d.length > maxOut) {
        if (!truncated) {
          truncated = true;
          out.push(d.subarray(0, Math.max(0, maxOut - outBytes)));
          outBytes = maxOut;
          kill();
        }
        return;
      }
      out.push(d);
      outBytes += d.length;
    });
    child.stderr?.on('data', (d: Buffer) => {
      if (err.length < MAX_STDERR) err += d.toString('utf8');
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const finish = (code: number): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      let stderr = err.slice(0, MAX_STDERR);
      if (truncated) stderr += `\n[mcg] output exceeded ${maxOut} bytes and the process was stopped`;
      resolvePromise({ exitCode: truncated && code === 0 ? 1 : code, stdout: Buffer.concat(out).toString('utf8'), stderr, timedOut });
    };
    child.on('error', (e) => {
      err += `${e.message}\n`;
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 + 9 : 1)));
  });
