/** The runtime probe's action inputs (issue #20 item 5): runtime-probe, probe-transport, probe-timeout-seconds, probe-env. */
import { DEFAULT_PROBE, parseProbeEnv, parseProbeMode, parseProbeTimeout, parseProbeTransport, ProbeOptionError, type ProbeOptions } from '../core/probe/options.js';

export const PROBE_INPUT_DEFAULTS: Record<string, string> = {
  'runtime-probe': DEFAULT_PROBE.mode,
  'probe-transport': DEFAULT_PROBE.transport,
  'probe-timeout-seconds': String(DEFAULT_PROBE.timeoutSeconds),
  'probe-env': '',
};

/** Reads the inputs; `fail(input, message)` makes the caller's input error (the message never holds a probe-env value). */
export function readProbeInputs(get: (name: string) => string, fail: (input: string, message: string) => Error): ProbeOptions {
  const val = (name: string): string => get(name).trim() || PROBE_INPUT_DEFAULTS[name]!;
  const guarded = <T>(name: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof ProbeOptionError) throw fail(name, e.message);
      throw e;
    }
  };
  return {
    mode: guarded('runtime-probe', () => parseProbeMode(val('runtime-probe'))),
    transport: guarded('probe-transport', () => parseProbeTransport(val('probe-transport'))),
    timeoutSeconds: guarded('probe-timeout-seconds', () => parseProbeTimeout(val('probe-timeout-seconds'))),
    env: guarded('probe-env', () => parseProbeEnv(get('probe-env'))),
  };
}
