/**
 * Splits a shell snippet (a Markdown `sh`/`bash`/`console` fence) into simple commands and their
 * words, each word with its line, as a POSIX shell would before expansion: quotes removed
 * (`'…'` literal, `"…"` with `\"`, `\\`, `\$`, `` \` `` escapes), backslash-newline joins lines,
 * `#` starts a comment at a word's start, `;` `&&` `||` `|` `&` and newlines end a command.
 * Variables (`$X`, `${X}`) are kept as written: they are references, not values. Pure.
 */
import type { Word } from './argv.js';
export interface ShellSplit {
    commands: Word[][];
    /** An unterminated quote: the line it opened on. */
    error?: {
        line: number;
        message: string;
    };
}
/** `console` fences: only lines after a `$ ` prompt are commands (the rest is output). */
export declare function consoleCommands(text: string): string;
export declare function splitShell(text: string, firstLine?: number): ShellSplit;
