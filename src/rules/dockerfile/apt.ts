/** Reading apt-get/apt/apk command lines, for MCG007 and MCG008. Pure. */
import type { ShellCommand } from '../../core/dockerfile/shell.js';
import { effectiveArgv, programName } from '../../core/dockerfile/shell.js';

export interface PackageCommand {
  /** `apt-get`, `apt` or `apk`. */
  tool: string;
  /** The subcommand: `install`, `update`, `add` … */
  sub: string;
  /** Options, with `-o X` joined into `-oX`. */
  options: string[];
  /** Arguments after the subcommand that are not options. */
  args: string[];
}

/** apt options that take the next word as their value. */
const APT_VALUED = new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '-a', '--host-architecture']);
/** apk options that take the next word as their value. */
const APK_VALUED = new Set(['-X', '--repository', '-p', '--root', '--cache-dir', '--arch', '--keys-dir', '--repositories-file', '-t', '--virtual']);

/** The apt-get/apt/apk call in a simple command, if it is one. */
export function packageCommand(cmd: ShellCommand): PackageCommand | undefined {
  const argv = effectiveArgv(cmd.argv);
  const tool = programName(argv[0]);
  if (tool !== 'apt-get' && tool !== 'apt' && tool !== 'apk') return undefined;
  const valued = tool === 'apk' ? APK_VALUED : APT_VALUED;
  const options: string[] = [];
  const args: string[] = [];
  let sub: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-')) {
      if (valued.has(a) && argv[i + 1] !== undefined) {
        options.push(`${a}${a.startsWith('--') ? '=' : ''}${argv[i + 1]}`);
        i++;
      } else options.push(a);
      continue;
    }
    if (sub === undefined) sub = a;
    else args.push(a);
  }
  if (sub === undefined) return undefined;
  return { tool, sub, options, args };
}

/** `APT::Install-Recommends "false";` (or 0/no/off) as written in an apt.conf snippet. */
export const APT_NO_RECOMMENDS_CONF = /APT::Install-Recommends\s+["']?(false|0|no|off)\b/i;
/** The same setting passed on the command line: `-o APT::Install-Recommends=false`. */
export const APT_NO_RECOMMENDS_OPTION = /APT::Install-Recommends=["']?(false|0|no|off)\b/i;
