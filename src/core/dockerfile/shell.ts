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

/** Builds simple commands from the words and operators tokenize finds (one shape, no closures). */
class Commands {
  readonly cmds: ShellCommand[] = [];
  private argv: string[] = [];
  private assignments: string[] = [];
  word(w: string): void {
    if (this.argv.length === 0 && ASSIGNMENT.test(w)) this.assignments.push(w);
    else this.argv.push(w);
  }
  op(op: ShellOp): void {
    const cmds = this.cmds;
    if (this.argv.length > 0 || this.assignments.length > 0) cmds.push({ argv: this.argv, assignments: this.assignments, op });
    else if (cmds.length > 0 && op !== '' && op !== '\n') cmds[cmds.length - 1]!.op = op;
    this.argv = [];
    this.assignments = [];
  }
}

/** Where a run of plain word characters that starts at `at` ends (whatever its first character is). */
function runEnd(s: string, at: number, len: number): number {
  let j = at + 1;
  while (j < len) {
    const ch = s.charCodeAt(j);
    if (ch < 128 && WORD_STOP[ch] === 1) break;
    j++;
  }
  return j;
}

/**
 * Splits a script into words and operators, handing each to `out` as it is found (no token
 * objects). Characters are read as codes; a character that starts nothing special (most of them)
 * goes straight to the plain-run scan.
 */
function tokenize(input: string, out: Commands): void {
  const src = uniformString(input);
  const n = src.length;
  let i = 0;
  let cur: string | null = null;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c >= 128 || TOKEN_START[c] === 0) {
      // a run of plain characters in one slice; inside a word `#`, `{` and `}` are plain
      const j = runEnd(src, i, n);
      cur = cur === null ? src.slice(i, j) : cur + src.slice(i, j);
      i = j;
      continue;
    }
    const next = src.charCodeAt(i + 1); // NaN past the end
    if (c === BSLASH) {
      if (next === NL) {
        i += 2;
        continue;
      }
      cur = (cur ?? '') + (i + 1 < n ? src[i + 1]! : '');
      i += 2;
      continue;
    }
    if (c === SPACE || c === TAB || c === CR) {
      if (cur !== null) out.word(cur);
      cur = null;
      i++;
      continue;
    }
    if (c === SQUOTE) {
      const end = src.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      cur = (cur ?? '') + src.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === DQUOTE) {
      let j = i + 1;
      let buf = '';
      while (j < n && src.charCodeAt(j) !== DQUOTE) {
        if (src.charCodeAt(j) === BSLASH && j + 1 < n && DQ_ESCAPABLE[src.charCodeAt(j + 1)] === 1) {
          if (src.charCodeAt(j + 1) !== NL) buf += src[j + 1];
          j += 2;
          continue;
        }
        // a run of plain characters up to the next quote or backslash, in one slice
        let k = j + 1;
        while (k < n) {
          const ch = src.charCodeAt(k);
          if (ch === DQUOTE || ch === BSLASH) break;
          k++;
        }
        buf += src.slice(j, k);
        j = k;
      }
      cur = (cur ?? '') + buf;
      i = j + 1;
      continue;
    }
    if (c === DOLLAR) {
      if (next === LPAREN) {
        // keep command substitution as part of the word, balanced
        let depth = 0;
        let j = i + 1;
        for (; j < n; j++) {
          const ch = src.charCodeAt(j);
          if (ch === LPAREN) depth++;
          else if (ch === RPAREN) {
            depth--;
            if (depth === 0) break;
          }
        }
        cur = (cur ?? '') + src.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      if (next === LBRACE) {
        // parameter expansion stays in its word: ${VAR}, ${VAR:-d}
        const end = src.indexOf('}', i + 2);
        const stop = end < 0 ? n : end;
        cur = (cur ?? '') + src.slice(i, stop + 1);
        i = stop + 1;
        continue;
      }
      const j = runEnd(src, i, n);
      cur = cur === null ? src.slice(i, j) : cur + src.slice(i, j);
      i = j;
      continue;
    }
    if (c === AMP) {
      const prev = i > 0 ? src.charCodeAt(i - 1) : NaN;
      if ((next === GT || prev === GT || prev === LT) && next !== AMP) {
        // redirections `2>&1`, `&>file`, `<&3` are part of the command, not a background operator
        cur = (cur ?? '') + '&';
        i++;
        continue;
      }
    }
    if (c === BACKTICK) {
      const end = src.indexOf('`', i + 1);
      const stop = end < 0 ? n : end;
      cur = (cur ?? '') + src.slice(i, stop + 1);
      i = stop + 1;
      continue;
    }
    if (c === HASH) {
      if (cur === null) {
        const end = src.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      const j = runEnd(src, i, n);
      cur = cur === null ? src.slice(i, j) : cur + src.slice(i, j);
      i = j;
      continue;
    }
    if ((c === AMP || c === PIPE) && next === c) {
      if (cur !== null) out.word(cur);
      cur = null;
      out.op(c === AMP ? '&&' : '||');
      i += 2;
      continue;
    }
    if (c === SEMI || c === PIPE || c === AMP || c === NL) {
      if (cur !== null) out.word(cur);
      cur = null;
      out.op(c === SEMI ? ';' : c === PIPE ? '|' : c === AMP ? '&' : '\n');
      i++;
      continue;
    }
    const groupBrace = cur === null && ((c === LBRACE && i + 1 < n && /\s/.test(src[i + 1]!)) || (c === RBRACE && (i + 1 >= n || /^[\s;&|)]$/.test(src[i + 1]!))));
    if (c === LPAREN || c === RPAREN || groupBrace) {
      // subshells and groups: treat as separators, the commands inside still count
      if (cur !== null) out.word(cur);
      cur = null;
      out.op(';');
      i++;
      continue;
    }
    const j = runEnd(src, i, n);
    cur = cur === null ? src.slice(i, j) : cur + src.slice(i, j);
    i = j;
  }
  if (cur !== null) out.word(cur);
}

const NL = 10;
const TAB = 9;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const AMP = 38;
const SQUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const SEMI = 59;
const LT = 60;
const GT = 62;
const BSLASH = 92;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Characters that may start something other than a plain run in tokenize (each has its own branch). */
const TOKEN_START = new Uint8Array(128);
for (const ch of '\\\'"$&` \t\r;|\n()#{}') TOKEN_START[ch.charCodeAt(0)] = 1;

/** Characters a backslash escapes inside double quotes. */
const DQ_ESCAPABLE = new Uint8Array(128);
for (const ch of '"\\$`\n') DQ_ESCAPABLE[ch.charCodeAt(0)] = 1;

/** Characters that end a run of plain word characters in tokenize (each has its own branch). */
const WORD_STOP = new Uint8Array(128);
for (const ch of '\\\'"$&` \t\r;|\n()') WORD_STOP[ch.charCodeAt(0)] = 1;

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Splits a shell script into simple commands with the operator after each. */
export function parseShell(src: string): ShellCommand[] {
  const out = new Commands();
  tokenize(src, out);
  out.op('');
  return out.cmds;
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
