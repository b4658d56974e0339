/**
 * A small POSIX-shell word splitter, enough to read RUN/CMD/HEALTHCHECK lines:
 * quotes, backslash escapes, comments, and the operators that separate commands.
 * It does not expand anything; `$(…)` and backticks stay inside their word.
 */

export type ShellOp = '&&' | '||' | ';' | '|' | '&' | '\n' | '';

export interface ShellCommand {
  /** Words of the command with quotes removed; leading `VAR=value` assignments are kept in `assignments`. */
  argv: string[];
  assignments: string[];
  /** The operator that ends this command ('' for the last one). */
  op: ShellOp;
}

/**
 * `s` as a slice of a fresh flat copy (or a flat string, when short). The scripts handed to
 * tokenize come as slices, concatenations, JSON strings …: each is a different hidden class to V8,
 * and once a loop's `src.charCodeAt` has seen more than four of them, even optimised code looks
 * the method up the slow way for every character. One or two shapes keep it fast.
 */
export function uniformString(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * Splits a script into words and operators, handing each to `word` / `op` as it is found (no token
 * objects: the caller builds commands from them directly).
 */
function tokenize(input: string, word: (w: string) => void, op: (o: ShellOp) => void): void {
  const src = uniformString(input);
  let i = 0;
  let cur: string | null = null;
  const push = (): void => {
    if (cur !== null) word(cur);
    cur = null;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\\') {
      cur = (cur ?? '') + (src[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      const stop = end < 0 ? src.length : end;
      cur = (cur ?? '') + src.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let buf = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length && '"\\$`\n'.includes(src[j + 1]!)) {
          if (src[j + 1] !== '\n') buf += src[j + 1];
          j += 2;
          continue;
        }
        // a run of plain characters up to the next quote or backslash, in one slice
        let k = j + 1;
        while (k < src.length) {
          const ch = src.charCodeAt(k);
          if (ch === 0x22 || ch === 0x5c) break;
          k++;
        }
        buf += src.slice(j, k);
        j = k;
      }
      cur = (cur ?? '') + buf;
      i = j + 1;
      continue;
    }
    if (c === '$' && src[i + 1] === '(') {
      // keep command substitution as part of the word, balanced
      let depth = 0;
      let j = i + 1;
      for (; j < src.length; j++) {
        if (src[j] === '(') depth++;
        else if (src[j] === ')') {
          depth--;
          if (depth === 0) break;
        }
      }
      cur = (cur ?? '') + src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '$' && src[i + 1] === '{') {
      // parameter expansion stays in its word: ${VAR}, ${VAR:-d}
      const end = src.indexOf('}', i + 2);
      const stop = end < 0 ? src.length : end;
      cur = (cur ?? '') + src.slice(i, stop + 1);
      i = stop + 1;
      continue;
    }
    if (c === '&' && (src[i + 1] === '>' || src[i - 1] === '>' || src[i - 1] === '<') && src[i + 1] !== '&') {
      // redirections `2>&1`, `&>file`, `<&3` are part of the command, not a background operator
      cur = (cur ?? '') + c;
      i++;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      const stop = end < 0 ? src.length : end;
      cur = (cur ?? '') + src.slice(i, stop + 1);
      i = stop + 1;
      continue;
    }
    if (c === '#' && cur === null) {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      push();
      i++;
      continue;
    }
    if ((c === '&' || c === '|') && src[i + 1] === c) {
      push();
      op(c === '&' ? '&&' : '||');
      i += 2;
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '\n') {
      push();
      op(c);
      i++;
      continue;
    }
    const groupBrace =
      cur === null && ((c === '{' && /[\s]/.test(src[i + 1] ?? '')) || (c === '}' && /^[\s;&|)]?$/.test(src[i + 1] ?? '')));
    if (c === '(' || c === ')' || groupBrace) {
      // subshells and groups: treat as separators, the commands inside still count
      push();
      op(';');
      i++;
      continue;
    }
    // a run of plain characters in one slice; inside a word `#`, `{` and `}` are plain
    let j = i + 1;
    while (j < src.length) {
      const ch = src.charCodeAt(j);
      if (ch < 128 && WORD_STOP[ch] === 1) break;
      j++;
    }
    cur = (cur ?? '') + src.slice(i, j);
    i = j;
  }
  push();
}

/** Characters that end a run of plain word characters in tokenize (each has its own branch). */
const WORD_STOP = new Uint8Array(128);
for (const ch of '\\\'"$&` \t\r;|\n()') WORD_STOP[ch.charCodeAt(0)] = 1;

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Splits a shell script into simple commands with the operator after each. */
export function parseShell(src: string): ShellCommand[] {
  const cmds: ShellCommand[] = [];
  let argv: string[] = [];
  let assignments: string[] = [];
  const flush = (op: ShellOp): void => {
    if (argv.length > 0 || assignments.length > 0) cmds.push({ argv, assignments, op });
    else if (cmds.length > 0 && op !== '' && op !== '\n') cmds[cmds.length - 1]!.op = op;
    argv = [];
    assignments = [];
  };
  tokenize(
    src,
    (w) => {
      if (argv.length === 0 && ASSIGNMENT.test(w)) assignments.push(w);
      else argv.push(w);
    },
    flush,
  );
  flush('');
  return cmds;
}

/** Command words with wrappers removed: `sudo`, `env X=1`, `exec`, `time`, `nohup`. */
export function effectiveArgv(argv: readonly string[]): readonly string[] {
  let a = argv;
  for (;;) {
    const head = a[0];
    if (head === undefined) return a;
    if (head === 'sudo' || head === 'exec' || head === 'time' || head === 'nohup' || head === 'command') {
      a = a.slice(1);
      while (a[0]?.startsWith('-')) a = a.slice(1);
      continue;
    }
    if (head === 'env') {
      a = a.slice(1);
      while (a[0] !== undefined && (a[0].startsWith('-') || ASSIGNMENT.test(a[0]))) a = a.slice(1);
      continue;
    }
    return a;
  }
}

/** The program's base name: `/usr/bin/curl` → `curl`. */
export function programName(word: string | undefined): string {
  if (word === undefined) return '';
  // this runs for every word of every command, and most hold no slash: indexOf (a fast builtin)
  // settles those; V8's lastIndexOf leaves optimised code for the runtime on every call
  if (word.indexOf('/') === -1) return word;
  return word.slice(word.lastIndexOf('/') + 1);
}
