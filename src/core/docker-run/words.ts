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
  error?: { line: number; message: string };
}

/** `console` fences: only lines after a `$ ` prompt are commands (the rest is output). */
export function consoleCommands(text: string): string {
  const lines = text.split('\n');
  let cont = false;
  return lines
    .map((l) => {
      const m = /^\s*\$\s(.*)$/.exec(l);
      const keep = m !== null || cont;
      const body = m ? m[1]! : l;
      cont = keep && /\\\r?$/.test(l);
      return keep ? body : '';
    })
    .join('\n');
}

export function splitShell(text: string, firstLine = 1): ShellSplit {
  const commands: Word[][] = [];
  let cmd: Word[] = [];
  let line = firstLine;
  let cur = '';
  let curLine = -1;
  let inWord = false;
  const endWord = (): void => {
    if (inWord) cmd.push({ value: cur, line: curLine });
    cur = '';
    inWord = false;
  };
  const endCmd = (): void => {
    endWord();
    if (cmd.length > 0) commands.push(cmd);
    cmd = [];
  };
  const start = (): void => {
    if (!inWord) {
      inWord = true;
      curLine = line;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const n = text[i + 1];
      if (n === '\n' || (n === '\r' && text[i + 2] === '\n')) {
        i += n === '\r' ? 2 : 1;
        line++;
        continue;
      }
      start();
      if (n !== undefined) cur += n;
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      start();
      const open = line;
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        const d = text[j]!;
        if (d === '\n') line++;
        if (c === '"' && d === '\\' && /["\\$`\n]/.test(text[j + 1] ?? '')) {
          if (text[j + 1] === '\n') line++;
          else cur += text[j + 1];
          j++;
          continue;
        }
        cur += d;
      }
      if (j >= text.length) return { commands, error: { line: open, message: `unterminated ${c === '"' ? 'double' : 'single'} quote: close it` } };
      i = j;
      continue;
    }
    if (c === '\n') {
      endCmd();
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      continue;
    }
    if (c === '#' && !inWord) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === ';' || c === '|' || c === '&') {
      endCmd();
      if ((c === '|' || c === '&') && text[i + 1] === c) i++;
      continue;
    }
    start();
    cur += c;
  }
  endCmd();
  return { commands };
}
