/**
 * The runtime probe's side of the CLI (issue #20), kept out of main.ts: the scan options with the
 * `--probe-env` values filled in, and `mcg probe-cleanup`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../engine/scan.js';
import type { ProbeOptions } from '../core/probe/options.js';
import { spawnExec } from '../scanners/exec.js';
import { removeProbeContainers } from '../engine/probe-run.js';
import { resolveProbeOptions, type ProbeArgs } from './probe-args.js';

interface ProbeIo {
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The probe options of `mcg scan`; a bad value is a user error. */
export function probeOptions(args: ProbeArgs, io: ProbeIo): ProbeOptions {
  try {
    return resolveProbeOptions(args, io.env, (p) => readFileSync(resolve(io.cwd, p), 'utf8'));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** `mcg probe-cleanup`: every container any probe labelled is removed (what a post step runs). */
export async function runProbeCleanup(io: ProbeIo): Promise<number> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(io.env)) if (v !== undefined) env[k] = v;
  const n = await removeProbeContainers({ exec: spawnExec, docker: io.env['MCG_DOCKER'] ?? 'docker', env });
  io.stderr(`mcg: ${n} probe container(s) removed\n`);
  return 0;
}
