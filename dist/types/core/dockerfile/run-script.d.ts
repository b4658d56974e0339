/**
 * What a RUN, CMD, ENTRYPOINT or HEALTHCHECK executes, for the rules: the shell script of the
 * shell form, the exec form's JSON array (looking inside `["sh","-c","…"]`), and the bodies of
 * heredocs a shell reads; split into simple commands once per instruction.
 */
import type { Instruction } from './model-types.js';
import { type ShellCommand } from './shell.js';
/**
 * The shell script(s) a RUN executes: the shell-form text, the exec form joined, or with heredocs
 * the command line plus the bodies a shell runs. `RUN <<EOF` runs its body; `RUN python3 <<EOF` or
 * `RUN cat <<EOF > /etc/x` feed the body to a program as data, so the body is not shell here.
 */
export declare function runScript(ins: Instruction): string;
/**
 * Simple commands of a RUN/CMD/ENTRYPOINT/HEALTHCHECK. Exec form is one command. Several rules
 * ask for the same instruction; it is split once per instruction object, and every caller gets
 * that same list (read-only: neither it nor its commands may be modified).
 */
export declare function commandsOf(ins: Instruction): readonly ShellCommand[];
