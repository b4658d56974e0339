/**
 * What a RUN, CMD, ENTRYPOINT or HEALTHCHECK executes, for the rules: the shell script of the
 * shell form, the exec form's JSON array (looking inside `["sh","-c","…"]`), and the bodies of
 * heredocs a shell reads; split into simple commands once per instruction.
 */
import type { Instruction } from './model-types.js';
import { effectiveArgv, parseShell, programName, type ShellCommand } from './shell.js';

const SHELL_PROGRAM = /^(sh|bash|ash|dash|zsh|ksh)$/;

/** True when a command is a shell that reads its script from stdin (`bash`, `sh -ex`, not `sh -c …` or `sh x.sh`). */
function readsScriptFromStdin(cmd: ShellCommand): boolean {
  const argv = effectiveArgv(cmd.argv);
  return SHELL_PROGRAM.test(programName(argv[0])) && argv.slice(1).every((a) => a.startsWith('-') && a !== '-c');
}

/**
 * The shell script(s) a RUN executes: the shell-form text, the exec form joined, or with heredocs
 * the command line plus the bodies a shell runs. `RUN <<EOF` runs its body; `RUN python3 <<EOF` or
 * `RUN cat <<EOF > /etc/x` feed the body to a program as data, so the body is not shell here.
 */
export function runScript(ins: Instruction): string {
  if (ins.json) return ins.json.map((w) => (/[\s"'$]/.test(w) ? JSON.stringify(w) : w)).join(' ');
  if (ins.heredocs.length > 0) {
    const firstLine = ins.rest.split('\n')[0] ?? '';
    const prefix = firstLine.replace(/<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1/g, '').trim();
    const bodies = ins.heredocs.map((h) => h.body).join('\n');
    if (!prefix) return bodies;
    return parseShell(prefix).some(readsScriptFromStdin) ? `${prefix}\n${bodies}` : prefix;
  }
  return ins.rest;
}

/**
 * Simple commands of a RUN/CMD/ENTRYPOINT/HEALTHCHECK. Exec form is one command. Several rules
 * ask for the same instruction; it is split once per instruction object, and every caller gets
 * that same list (read-only: neither it nor its commands may be modified).
 */
export function commandsOf(ins: Instruction): readonly ShellCommand[] {
  return (ins.memo.commands ??= splitCommands(ins));
}

function splitCommands(ins: Instruction): ShellCommand[] {
  if (ins.json) {
    // ["sh","-c","…"] runs a script: look inside it
    const [a, b, c] = ins.json;
    if (a && /(^|\/)(ba)?sh$/.test(a) && b === '-c' && c !== undefined) return parseShell(c);
    return [{ argv: ins.json, assignments: [], op: '' }];
  }
  if (ins.keyword === 'HEALTHCHECK') return parseShell(ins.rest.replace(/^CMD\s+/i, ''));
  return parseShell(runScript(ins));
}
