/**
 * The least-privilege profile MCG514 asks a `docker run` launch for, in one place. Today it is the
 * recommended profile below; the runtime probe (another branch) proves a profile per image, and its
 * result takes this one's place through `McpContext.profile` → leastPrivilegeProfile(): nothing
 * else in MCG514 or its corrected entry changes. Each flag is read by our own `docker run` reader,
 * so a proven profile may hold any flag Docker knows. Pure.
 */
import { allFlags, boolFlag, lastFlag, readDockerRun, type DockerFlag, type DockerRun } from '../../core/docker-run/argv.js';
import { BOOL_FLAGS, REPEATABLE_FLAGS } from '../../core/docker-run/flags.js';
import { isRootUser } from './util.js';

/** The recommended profile, for every launch (the probe's proven profile replaces it). */
export const RECOMMENDED_PROFILE: readonly string[] = [
  '--read-only',
  '--tmpfs /tmp',
  '--cap-drop ALL',
  '--security-opt no-new-privileges',
  '--user 10001:10001',
  '--memory 512m',
  '--pids-limit 256',
];
/** Added for a stdio server: it talks over stdin/stdout and needs no network. */
export const STDIO_PROFILE: readonly string[] = ['--network none'];

/** The profile a launch is held to: the proven one when the probe ran, else the recommended one. */
export function leastPrivilegeProfile(transport: 'stdio' | 'remote', proven?: readonly string[]): readonly string[] {
  if (proven) return proven;
  return transport === 'stdio' ? [...RECOMMENDED_PROFILE, ...STDIO_PROFILE] : RECOMMENDED_PROFILE;
}

export interface ProfileFlag {
  /** As written in the profile (`--cap-drop ALL`), for messages. */
  text: string;
  /** The argument words it adds. */
  words: string[];
  /** Read back by the `docker run` reader: canonical name and value. */
  flag: DockerFlag;
}

/** Reads each profile flag with the `docker run` reader; one Docker would refuse is left out. */
export function profileFlags(profile: readonly string[]): ProfileFlag[] {
  return profile.flatMap((text) => {
    const words = text.trim().split(/\s+/);
    const run = readDockerRun([...words, 'image'].map((value) => ({ value, line: 1 })));
    const flag = run.flags[0];
    return run.errors.length === 0 && run.flags.length === 1 && flag ? [{ text, words, flag }] : [];
  });
}

const NNP = /^no-new-privileges([=:]true)?$/i;
const tmpfsPath = (v: string): string => v.split(':')[0]!.trim();

/** True when the launch already has what the profile flag asks for. */
export function satisfies(d: DockerRun, p: DockerFlag): boolean {
  const n = p.name;
  if (BOOL_FLAGS.has(n)) return boolFlag(d, n) === /^(true|1|t)$/i.test(p.value);
  if (n === 'user') {
    const u = lastFlag(d, 'user')?.value.trim() ?? '';
    return u !== '' && !isRootUser(u);
  }
  if (n === 'memory' || n === 'pids-limit') return lastFlag(d, n) !== undefined && !/^-1$/.test(lastFlag(d, n)!.value.trim());
  if (n === 'tmpfs') {
    const want = tmpfsPath(p.value);
    return allFlags(d, 'tmpfs').some((f) => tmpfsPath(f.value) === want) || allFlags(d, 'mount').some((f) => /type=tmpfs/.test(f.value) && new RegExp(`(^|,)(target|dst|destination)=${want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`).test(f.value));
  }
  if (n === 'cap-drop') return allFlags(d, 'cap-drop').some((f) => f.value.split(',').some((c) => c.trim().toUpperCase() === p.value.trim().toUpperCase()));
  if (n === 'security-opt' && NNP.test(p.value)) return allFlags(d, 'security-opt').some((f) => NNP.test(f.value.trim()));
  if (REPEATABLE_FLAGS.has(n)) return allFlags(d, n).some((f) => f.value.trim() === p.value.trim());
  return lastFlag(d, n)?.value.trim() === p.value.trim();
}
