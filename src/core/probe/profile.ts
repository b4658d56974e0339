/**
 * The least-privilege profile the runtime probe starts an image under (DESIGN §1 3a, issue #20),
 * as named groups of `docker run` flags, and the argv of one probe start. Pure.
 */

/** One group of flags the bounded search can take away as a unit. */
export type FlagGroup = 'user' | 'read-only' | 'network' | 'capabilities' | 'limits';

export interface ProfileFlag {
  group: FlagGroup;
  /** The `docker run` words, e.g. ['--cap-drop', 'ALL']. */
  args: string[];
}

export interface ProfileInput {
  /** The image config's User ('' when it has none). */
  imageUser: string;
  transport: 'stdio' | 'http';
  /** Default 512m. */
  memory?: string;
  /** Default 256. */
  pids?: number;
}

/** The UID a probe runs an image as when the image names no non-root user. */
export const FALLBACK_UID = '65532';

/** The image's own user, unless it is empty or root, then 65532 (with the same group). */
export function probeUser(imageUser: string): string {
  const u = imageUser.trim();
  const name = u.split(':')[0] ?? '';
  if (name === '' || name === 'root' || name === '0') return `${FALLBACK_UID}:${FALLBACK_UID}`;
  return u;
}

/** The least-privilege profile, in the order it is written out. */
export function leastPrivilege(p: ProfileInput): ProfileFlag[] {
  const flags: ProfileFlag[] = [
    { group: 'read-only', args: ['--read-only', '--tmpfs', '/tmp'] },
    { group: 'capabilities', args: ['--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'] },
    { group: 'user', args: ['--user', probeUser(p.imageUser)] },
    { group: 'limits', args: ['--memory', p.memory ?? '512m', '--pids-limit', String(p.pids ?? 256)] },
  ];
  if (p.transport === 'stdio') flags.push({ group: 'network', args: ['--network', 'none'] });
  return flags;
}

/** The flags with the given groups taken out. */
export function without(flags: readonly ProfileFlag[], groups: readonly FlagGroup[]): ProfileFlag[] {
  return flags.filter((f) => !groups.includes(f.group));
}

/** The words of the flags, in order. */
export function flagWords(flags: readonly ProfileFlag[]): string[] {
  return flags.flatMap((f) => f.args);
}

/** The label every probe container carries (the post step and the tests find leftovers by it). */
export const PROBE_LABEL = 'io.github.mcp-container-guard.probe';

export interface StartSpec {
  image: string;
  /** Container name (unique per start). */
  name: string;
  flags: readonly ProfileFlag[];
  /** Names of variables passed through from the docker CLI's environment (`-e NAME`, never a value). */
  envNames?: readonly string[];
  /** Run id for the label, so one run's containers can be told from another's. */
  runId: string;
}

/** `docker run -i --rm …` for one probe start: `--init`, the label, the flags, `-e NAME` only. */
export function runArgs(s: StartSpec): string[] {
  const args = ['run', '-i', '--rm', '--init', '--name', s.name, '--label', `${PROBE_LABEL}=${s.runId}`, ...flagWords(s.flags)];
  for (const n of s.envNames ?? []) args.push('-e', n);
  args.push(s.image);
  return args;
}

/** What each group is called in messages: the flags themselves. */
export function groupText(flags: readonly ProfileFlag[], group: FlagGroup): string {
  const f = flags.find((x) => x.group === group);
  return f ? f.args.join(' ') : group;
}
