/** Reading apt-get/apt/apk command lines, for MCG007 and MCG008. Pure. */
import type { ShellCommand } from '../../core/dockerfile/shell.js';
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
/** The apt-get/apt/apk call in a simple command, if it is one. */
export declare function packageCommand(cmd: ShellCommand): PackageCommand | undefined;
/** `APT::Install-Recommends "false";` (or 0/no/off) as written in an apt.conf snippet. */
export declare const APT_NO_RECOMMENDS_CONF: RegExp;
/** The same setting passed on the command line: `-o APT::Install-Recommends=false`. */
export declare const APT_NO_RECOMMENDS_OPTION: RegExp;
