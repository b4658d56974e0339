/**
 * A project's `.env` file read as compose reads it (compose-go v2.16.2, its dotenv package): the
 * variables compose interpolates a compose file with when `.env` sits next to it. Pure: the caller
 * reads the file. Written from the package's documented syntax and behaviour:
 *
 * - statements `KEY=value`, `KEY: value` or `export KEY=value`; a key is letters, digits and
 *   `_ . - [ ]` (anything else, or a space inside it, refuses the file); a line holding only a key
 *   takes the variable from the environment (which a scan never reads: it stays unset);
 * - `#` starts a comment at the start of a statement, and on an unquoted value after a space;
 * - unquoted values end at the line end, trailing spaces trimmed, and are interpolated;
 * - `'single'` values are literal (`\'` escapes the quote); `"double"` values may span lines, take
 *   the escapes `\a \b \f \n \r \t \v \" \\ \$ \0ooo`, and are interpolated; an unterminated quote
 *   refuses the file;
 * - interpolation uses compose's grammar and sees only the variables defined above it in the file;
 *   an interpolation error refuses the file.
 */
import { substitute } from './compose-interpolate.js';

export interface DotenvResult {
  env: Map<string, string>;
  /** Why compose refuses the file (`line N: …`), when it does. */
  error?: string;
  /** The line of the error. */
  errorLine?: number;
}

class DotenvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Go's unicode.IsSpace. */
function isUnicodeSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(c);
}

/** The dotenv package's isSpace: a space but not a line break. */
function isSpace(c: string): boolean {
  return c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === ' ' || c === '\u0085' || c === '\u00a0';
}

function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i]!)) i++;
  return s.slice(i);
}

function trimRightUnicodeSpace(s: string): string {
  let i = s.length;
  while (i > 0 && isUnicodeSpace(s[i - 1]!)) i--;
  return s.slice(0, i);
}

const ESCAPES: Record<string, string> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/** Double-quoted escapes; `\$` becomes `$$` (a literal `$` for interpolation). */
function expandEscapes(s: string): string {
  return s.replace(/\\(?:[abcfnrtv$"\\]|0\d{0,3})/g, (m) => {
    if (m === '\\$') return '$$';
    const c = m[1]!;
    if (c !== '0') return ESCAPES[c]!;
    // `\0ooo`: exactly three octal digits, at most 0o377; anything else stays as written
    const oct = m.slice(2);
    if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return m;
    return String.fromCharCode(parseInt(oct, 8));
  });
}

class Parser {
  line = 1;
  constructor(private readonly out: Map<string, string>) {}

  private expand(value: string): string {
    const r = substitute(value, this.out);
    if (r.error) throw new DotenvError(r.error.message, this.line);
    return r.value;
  }

  /** The text from the next statement on ('' at the end), comments skipped, lines counted. */
  statementStart(src: string): string {
    for (;;) {
      let pos = -1;
      for (let i = 0; i < src.length; i++) {
        const c = src[i]!;
        if (c === '\n') this.line++;
        if (!isUnicodeSpace(c)) {
          pos = i;
          break;
        }
      }
      if (pos < 0) return '';
      src = src.slice(pos);
      if (src[0] !== '#') return src;
      const nl = src.indexOf('\n');
      if (nl < 0) return '';
      src = src.slice(nl);
    }
  }

  /** The key, the text after its separator, and whether the key stands alone on its line. */
  keyName(src: string): { key: string; rest: string; inherited: boolean } {
    if (/^export\s/.test(src)) src = trimLeftSpace(src.slice('export'.length));
    let key = '';
    let offset = 0;
    let inherited = false;
    let i = 0;
    for (const c of src) {
      if (!isSpace(c)) {
        if (c === '=' || c === ':' || c === '\n') {
          key = src.slice(0, i);
          offset = i + 1;
          inherited = c === '\n';
          break;
        }
        if (!/^[_.\-[\]\p{L}\p{N}]$/u.test(c)) {
          throw new DotenvError(`line ${this.line}: unexpected character ${JSON.stringify(c)} in variable name ${JSON.stringify(src.split('\n')[0])}`, this.line);
        }
      }
      i += c.length;
    }
    if (inherited && !key.includes(' ')) this.line++;
    return { key: trimRightUnicodeSpace(key), rest: trimLeftSpace(src.slice(offset)), inherited };
  }

  value(src: string): { value: string; rest: string } {
    const quote = src[0];
    if (quote !== '"' && quote !== "'") {
      const nl = src.indexOf('\n');
      let value = nl < 0 ? src : src.slice(0, nl);
      const rest = nl < 0 ? '' : src.slice(nl + 1);
      this.line++;
      const hash = value.indexOf(' #');
      if (hash >= 0) value = value.slice(0, hash);
      return { value: this.expand(trimRightUnicodeSpace(value)), rest };
    }
    let escaped = false;
    let chars = '';
    for (let i = 1; i < src.length; i++) {
      const c = src[i]!;
      if (c === '\n') this.line++;
      if (c !== quote) {
        if (!escaped && c === '\\') {
          escaped = true;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars += '\\';
        }
        chars += c;
        continue;
      }
      if (escaped) {
        escaped = false;
        chars += c;
        continue;
      }
      const value = quote === '"' ? this.expand(expandEscapes(chars)) : chars;
      return { value, rest: src.slice(i + 1) };
    }
    const nl = src.indexOf('\n');
    throw new DotenvError(`line ${this.line}: unterminated quoted value ${nl < 0 ? src : src.slice(0, nl)}`, this.line);
  }
}

/** The variables of a `.env` text, or why compose refuses it. */
export function parseDotenv(text: string): DotenvResult {
  const env = new Map<string, string>();
  const p = new Parser(env);
  let src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    for (;;) {
      src = p.statementStart(src);
      if (src === '') break;
      const { key, rest, inherited } = p.keyName(src);
      if (key.includes(' ')) throw new DotenvError(`line ${p.line}: key cannot contain a space`, p.line);
      if (inherited) {
        // the value would come from the environment compose runs in: a scan reads none
        src = rest;
        continue;
      }
      const v = p.value(rest);
      env.set(key, v.value);
      src = v.rest;
    }
  } catch (e) {
    if (!(e instanceof DotenvError)) throw e;
    return { env, error: e.message, errorLine: e.line };
  }
  return { env };
}
