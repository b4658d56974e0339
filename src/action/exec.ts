/**
 * The action's Exec: @actions/exec with the contract of src/scanners/exec.ts spawnExec — argv only
 * (never a shell), a timeout that kills the process, a cap on captured stdout, output captured
 * silently. A failed build or scanner has its output printed by `withToolLog` through the ActionLog:
 * redacted of every registered secret and fenced in `::stop-commands::<random token>`, so that a
 * line the build prints (`::error::…`, `::add-mask::…`) is text, never a runner command.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import * as actionsExecLib from '@actions/exec';
import type { Exec, ExecOptions, ExecResult } from '../core/types.js';
import { DEFAULT_MAX_STDOUT, OutputCapture } from '../scanners/exec.js';

/** coreutils timeout(1): @actions/exec cannot kill its child, so the timeout is enforced by it where present. */
const TIMEOUT_BIN = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p));
const TIMED_OUT = 124;

export const actionsExec: Exec = async (file: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> => {
  let timedOut = false;
  const controller = new AbortController();
  const capture = new OutputCapture(options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT, () => controller.abort());
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
      listeners: { stdout: capture.stdout, stderr: capture.stderr },
    });
    // @actions/exec has no kill: race it against the abort signal and report the timeout
    const aborted = new Promise<number>((resolve) => controller.signal.addEventListener('abort', () => resolve(timedOut ? 137 : 1)));
    // the backstop timer fires 15 s after timeout(1) would have killed the process
    code = await Promise.race([run, aborted]);
    run.catch(() => undefined);
    if (wrap && (code === TIMED_OUT || code === 137)) timedOut = true;
  } catch (e) {
    capture.note(`${e instanceof Error ? e.message : String(e)}\n`);
    code = 127;
  } finally {
    if (timer) clearTimeout(timer);
  }
  return capture.result(code, timedOut);
};

/** The commands whose output is worth a look when they fail: image builds and the scanners. */
function isToolRun(file: string, args: readonly string[]): boolean {
  const name = basename(file);
  return /^(trivy|trufflehog)$/.test(name) || args.includes('build');
}

/**
 * `exec` that prints the stderr of a failed build or scanner run into the job log as one fenced
 * block (ActionLog.block): redacted, escape sequences stripped, command processing stopped.
 */
export function withToolLog(exec: Exec, log: { block(title: string, text: string): void }): Exec {
  return async (file, args, options) => {
    const r = await exec(file, args, options);
    if (r.exitCode !== 0 && r.stderr.trim() !== '' && isToolRun(file, args)) {
      const what = [basename(file), args.find((a) => !a.startsWith('-')) ?? ''].join(' ').trim();
      log.block(`${what} exited with code ${r.exitCode}${r.timedOut ? ' (timed out)' : ''}; its output (secrets redacted):`, r.stderr);
    }
    return r;
  };
}
