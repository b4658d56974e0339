/**
 * The runtime probe's options (issue #20 item 5), shared by the action inputs and `mcg scan`, and
 * the summary of its verdict that goes into the report. Pure.
 */
import type { FlagGroup, ProfileFlag } from './profile.js';
import { flagWords } from './profile.js';
import type { ProbeTool, ProbeVerdict } from './search.js';

/** auto: when an image was built and the engine can run containers; true: a probe that cannot run is an MCG990; false: never. */
export type ProbeMode = 'auto' | 'true' | 'false';
export type ProbeTransport = 'auto' | 'stdio' | 'http';

export interface ProbeOptions {
  mode: ProbeMode;
  transport: ProbeTransport;
  /** Per request of the handshake (and per start). */
  timeoutSeconds: number;
  /** NAME → value the server needs at start. The values are secrets: passed by environment, never by argument. */
  env: Record<string, string>;
}

export const DEFAULT_PROBE: ProbeOptions = { mode: 'auto', transport: 'auto', timeoutSeconds: 30, env: {} };

export class ProbeOptionError extends Error {}

export function parseProbeMode(v: string, what = 'runtime-probe'): ProbeMode {
  const s = v.trim().toLowerCase();
  if (s === 'auto' || s === 'true' || s === 'false') return s;
  throw new ProbeOptionError(`${what} must be auto, true or false, got "${v}"`);
}

export function parseProbeTransport(v: string, what = 'probe-transport'): ProbeTransport {
  const s = v.trim().toLowerCase();
  if (s === 'auto' || s === 'stdio' || s === 'http') return s;
  throw new ProbeOptionError(`${what} must be auto, stdio or http, got "${v}"`);
}

export function parseProbeTimeout(v: string, what = 'probe-timeout-seconds'): number {
  const n = Number(v.trim());
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new ProbeOptionError(`${what} must be a number of seconds between 1 and 3600, got "${v}"`);
  return n;
}

/** `NAME=value` lines (blank lines and `#` comments skipped); the message never repeats a value. */
export function parseProbeEnv(text: string, what = 'probe-env'): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ProbeOptionError(`${what} line ${i + 1}: must be NAME=value with NAME a variable name`);
    if (/^DOCKER_|^PATH$|^HOME$/.test(name)) throw new ProbeOptionError(`${what} line ${i + 1}: ${name} is the docker CLI's own variable; it cannot be passed to the server`);
    out[name] = line.slice(eq + 1);
  });
  return out;
}

/** What the report keeps of one probe (no stderr: that is in the findings, redacted). */
export interface ProbeSummary {
  image: string;
  transport: 'stdio';
  status: ProbeVerdict['status'];
  culprits: FlagGroup[];
  /** The profile that was tried first, as `docker run` words. */
  profile: string[];
  /** The flags the image was seen to pass with, as `docker run` words (absent: it passed with none). */
  proven?: string[];
  /** The names of the probe-env variables it was given (never the values). */
  envNames: string[];
  tools: ProbeTool[];
  serverName?: string;
  starts: number;
  durationMs: number;
  /** The tool surface against the baseline's (MCG407-MCG409): compared with counts, or not and why. */
  drift?: SurfaceDriftSummary;
}

export type SurfaceDriftSummary = { compared: true; added: number; removed: number; changed: number } | { compared: false; reason: string };

export function summarize(v: ProbeVerdict, image: string, envNames: string[]): ProbeSummary {
  const passed = [...v.attempts].reverse().find((a) => a.ok);
  const proven: ProfileFlag[] | undefined = v.status === 'broken' || (v.proven !== undefined && v.proven.length === 0 && v.culprits.length === 0) ? undefined : v.proven;
  return {
    image,
    transport: 'stdio',
    status: v.status,
    culprits: [...v.culprits],
    profile: flagWords(v.profile),
    ...(proven ? { proven: flagWords(proven) } : {}),
    envNames,
    tools: passed?.tools ?? [],
    ...(passed?.serverName ? { serverName: passed.serverName } : {}),
    starts: v.attempts.length,
    durationMs: v.attempts.reduce((s, a) => s + a.durationMs, 0),
  };
}
