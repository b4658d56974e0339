/**
 * The runtime probe's `mcg scan` options (issue #20 item 5), kept out of args.ts. Pure: the values
 * of `--probe-env NAME` come from mcg's own environment and those of `--probe-env-file` from the
 * file, both read by the caller (resolveProbeOptions), so that no secret is ever on a command line.
 */
import { DEFAULT_PROBE, parseProbeEnv, parseProbeMode, parseProbeTimeout, parseProbeTransport, ProbeOptionError, type ProbeOptions } from '../core/probe/options.js';

export const PROBE_OPTIONS = {
  'runtime-probe': { type: 'string' },
  'probe-transport': { type: 'string' },
  'probe-timeout-seconds': { type: 'string' },
  'probe-env': { type: 'string', multiple: true },
  'probe-env-file': { type: 'string' },
} as const;

export interface ProbeArgs {
  mode: ProbeOptions['mode'];
  transport: ProbeOptions['transport'];
  timeoutSeconds: number;
  /** Variables passed through from mcg's environment by name. */
  envNames: string[];
  /** NAME=value lines, one a line. */
  envFile?: string;
}

export interface ProbeArgValues {
  'runtime-probe'?: string;
  'probe-transport'?: string;
  'probe-timeout-seconds'?: string;
  'probe-env'?: string[];
  'probe-env-file'?: string;
}

/** Throws ProbeOptionError with the option's name. */
export function parseProbeArgs(v: ProbeArgValues): ProbeArgs {
  const envNames = v['probe-env'] ?? [];
  for (const n of envNames) {
    if (n.includes('=')) throw new ProbeOptionError('--probe-env takes a variable NAME whose value is read from the environment (never NAME=value on the command line); use --probe-env-file for NAME=value lines');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) throw new ProbeOptionError(`--probe-env "${n}" is not a variable name`);
  }
  return {
    mode: v['runtime-probe'] !== undefined ? parseProbeMode(v['runtime-probe'], '--runtime-probe') : DEFAULT_PROBE.mode,
    transport: v['probe-transport'] !== undefined ? parseProbeTransport(v['probe-transport'], '--probe-transport') : DEFAULT_PROBE.transport,
    timeoutSeconds: v['probe-timeout-seconds'] !== undefined ? parseProbeTimeout(v['probe-timeout-seconds'], '--probe-timeout-seconds') : DEFAULT_PROBE.timeoutSeconds,
    envNames,
    ...(v['probe-env-file'] !== undefined ? { envFile: v['probe-env-file'] } : {}),
  };
}

/** The options with the values filled in: `--probe-env NAME` from `env` (missing = an error), then the file's lines. */
export function resolveProbeOptions(a: ProbeArgs, env: Record<string, string | undefined>, readFile: (path: string) => string): ProbeOptions {
  const values: Record<string, string> = {};
  for (const n of a.envNames) {
    const v = env[n];
    if (v === undefined) throw new ProbeOptionError(`--probe-env ${n}: the variable is not set in mcg's environment`);
    values[n] = v;
  }
  if (a.envFile !== undefined) Object.assign(values, parseProbeEnv(readFile(a.envFile), `--probe-env-file ${a.envFile}`));
  return { mode: a.mode, transport: a.transport, timeoutSeconds: a.timeoutSeconds, env: values };
}
