/**
 * The Exec choke point for the CLI: argv only (never a shell), a timeout that kills the whole
 * process group, and a cap on captured stdout so a runaway tool cannot exhaust memory.
 * The action injects an @actions/exec-based Exec with the same contract (src/action/).
 */
import { spawn } from 'node:child_process';
import type { Exec, ExecOptions, ExecResult } from '../core/types.js';

export const DEFAULT_MAX_STDOUT = 256 * 1024 * 1024;
const MAX_STDERR = 1024 * 1024;

/**
 * What one process printed, bounded: stdout up to `maxOut` bytes (past that the rest is dropped and
 * `onOverflow` is called once, to stop the process), stderr up to MAX_STDERR characters. Shared by
 * the CLI's spawnExec and the action's @actions/exec wrapper so both report the same way.
 */
export class OutputCapture {
  private readonly out: Buffer[] = [];
  private outBytes = 0;
  private truncated = false;
  private err = '';

  constructor(
    private readonly maxOut: number,
    private readonly onOverflow: () => void,
  ) {}

  readonly stdout = (d: Buffer): void => {
    if (this.truncated) return;
    if (this.outBytes + d.length > this.maxOut) {
      this.truncated = true;
      this.out.push(d.subarray(0, Math.max(0, this.maxOut - this.outBytes)));
      this.outBytes = this.maxOut;
      this.onOverflow();
      return;
    }
    this.out.push(d);
    this.outBytes += d.length;
  };

  readonly stderr = (d: Buffer): void => {
    if (this.err.length < MAX_STDERR) this.err += d.toString('utf8');
  };

  /** Adds our own line to stderr (a spawn error, a thrown exception). */
  note(text: string): void {
    this.err += text;
  }

  /** The result; a process stopped for too much output never counts as success. */
  result(code: number, timedOut: boolean): ExecResult {
    let stderr = this.err.slice(0, MAX_STDERR);
    if (this.truncated) stderr += `\n[mcg] output exceeded ${this.maxOut} bytes and the process was stopped`;
    return { exitCode: this.truncated && code === 0 ? 1 : code, stdout: Buffer.concat(this.out).toString('utf8'), stderr, timedOut };
  }
}

export const spawnExec: Exec = (file: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> =>
  new Promise((resolvePromise) => {
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
    const capture = new OutputCapture(options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT, kill);
    child.stdout?.on('data', capture.stdout);
    child.stderr?.on('data', capture.stderr);
    if (options.input !== undefined) child.stdin?.end(options.input);
    const finish = (code: number): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolvePromise(capture.result(code, timedOut));
    };
    child.on('error', (e) => {
      capture.note(`${e.message}\n`);
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 + 9 : 1)));
  });
