/**
 * Variable expansion as BuildKit's shell lexer does it (frontend/dockerfile/shell/lex.go at the
 * version the rig pins): `$NAME`, `${NAME}`, `${NAME:-w}`, `${NAME-w}`, `${NAME:+w}`, `${NAME+w}`,
 * `${NAME:?msg}`, `${NAME?msg}`, `${NAME#p}`, `${NAME##p}`, `${NAME%p}`, `${NAME%%p}`,
 * `${NAME/p/r}`, `${NAME//p/r}`, with single and double quotes and the escape character handled as
 * ProcessWord handles them. Written from the behaviour, not translated.
 *
 * Bounded: a value longer than MAX_EXPANDED (self-doubling ARG chains reach 2^60 characters in
 * under a kilobyte) stops the expansion with an ExpansionError instead of a RangeError, so the
 * caller can report that one value and go on.
 */

import { patternRegex, replaceAll, trimPrefix, trimSuffix } from './patterns.js';

/** Longest value one expansion may produce (characters). */
export const MAX_EXPANDED = 1 << 20;

/** Looks a variable up: undefined when it is not set (an ARG declared without a value is not set). */
export type Lookup = (name: string) => string | undefined;

export interface LexOptions {
  /** The Dockerfile's escape character (`\` or `` ` ``). */
  escape: string;
  /** Quotes are ordinary characters (BuildKit's SkipProcessQuotes). */
  skipQuotes?: boolean;
  /** The escape character is kept in the output (BuildKit's RawEscapes). */
  rawEscapes?: boolean;
  /** An unset variable stays as written instead of expanding to nothing (BuildKit's SkipUnsetEnv), except that `${X-d}` gives d. */
  keepUnset?: boolean;
}

export class ExpansionError extends Error {
  /** True when the value outgrew MAX_EXPANDED (the rest are BuildKit's own errors). */
  readonly overflow: boolean;
  constructor(message: string, overflow = false) {
    super(message);
    this.overflow = overflow;
  }
}

/** Characters the scanner reads; positions are code-unit offsets, characters whole code points. */
class Scanner {
  pos = 0;
  constructor(readonly src: string) {}
  peek(): string {
    if (this.pos >= this.src.length) return '';
    const c = this.src.codePointAt(this.pos)!;
    return String.fromCodePoint(c);
  }
  next(): string {
    const c = this.peek();
    this.pos += c.length;
    return c;
  }
}

/** Output with a length cap. */
class Out {
  text = '';
  add(s: string): void {
    if (this.text.length + s.length > MAX_EXPANDED) throw new ExpansionError(`the expanded value is longer than ${MAX_EXPANDED} characters`, true);
    this.text += s;
  }
}

const isNameChar = (c: string): boolean => /^[\p{L}\p{Nd}_]$/u.test(c);
const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);
const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

class Word {
  private readonly s: Scanner;
  private raw: boolean;
  constructor(
    src: string,
    private readonly opt: LexOptions,
    private readonly lookup: Lookup,
  ) {
    this.s = new Scanner(src);
    this.raw = opt.rawEscapes === true;
  }

  /** Reads up to `stop` ('' = the end); `raw` keeps escapes, `pattern` keeps them inside quotes too. */
  until(stop: string, raw: boolean, pattern: boolean): string {
    const saved = this.raw;
    this.raw = raw;
    try {
      return this.read(stop, pattern);
    } finally {
      this.raw = saved;
    }
  }

  private read(stop: string, pattern: boolean): string {
    const out = new Out();
    const s = this.s;
    const esc = this.opt.escape;
    while (s.peek() !== '') {
      const c = s.peek();
      if (stop !== '' && c === stop) {
        s.next();
        return out.text;
      }
      if (c === '$') out.add(this.dollar());
      else if (c === "'" && !this.opt.skipQuotes) out.add(this.single(pattern));
      else if (c === '"' && !this.opt.skipQuotes) out.add(this.double());
      else {
        s.next();
        if (c === esc) {
          if (this.raw) out.add(c);
          const n = s.next();
          if (n === '') break;
          out.add(n);
        } else out.add(c);
      }
    }
    if (stop !== '') throw new ExpansionError(`unexpected end of statement while looking for matching ${stop}`);
    return out.text;
  }

  private single(pattern: boolean): string {
    const s = this.s;
    s.next();
    let out = '';
    for (;;) {
      const c = s.next();
      if (c === '') throw new ExpansionError('unexpected end of statement while looking for matching single-quote');
      if (c === "'") return out;
      if (pattern && c === this.opt.escape) out += c;
      out += c;
    }
  }

  private double(): string {
    const s = this.s;
    const esc = this.opt.escape;
    s.next();
    const out = new Out();
    for (;;) {
      const c = s.peek();
      if (c === '') throw new ExpansionError('unexpected end of statement while looking for matching double-quote');
      if (c === '"') {
        s.next();
        return out.text;
      }
      if (c === '$') {
        out.add(this.dollar());
        continue;
      }
      let ch = s.next();
      if (ch === esc) {
        const n = s.peek();
        if (n === '') continue;
        if (n === '"' || n === '$' || n === esc) {
          if (this.raw) out.add(ch);
          ch = s.next();
        } else if (this.raw) out.add(ch);
      }
      out.add(ch);
    }
  }

  private name(): string {
    const s = this.s;
    let name = '';
    while (s.peek() !== '') {
      const c = s.peek();
      if (name === '' && isDigit(c)) {
        while (s.peek() !== '' && isDigit(s.peek())) name += s.next();
        return name;
      }
      if (name === '' && SPECIAL.has(c)) return s.next();
      if (!isNameChar(c)) break;
      name += s.next();
    }
    return name;
  }

  private dollar(): string {
    const s = this.s;
    s.next();
    const keep = this.opt.keepUnset === true;
    if (s.peek() !== '{') {
      const name = this.name();
      if (name === '') return '$';
      const v = this.lookup(name);
      return v === undefined ? (keep ? `$${name}` : '') : v;
    }
    s.next();
    const first = s.peek();
    if (first === '') throw new ExpansionError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ExpansionError('syntax error: bad substitution');
    const name = this.name();
    let op = s.next();
    let ops = op;
    if (op === '}') {
      const v = this.lookup(name);
      return v === undefined ? (keep ? `\${${name}}` : '') : v;
    }
    if (op === '/') return this.replace(name);
    const colon = op === ':';
    if (colon) {
      op = s.next();
      ops += op;
    } else if (!'+-?#%'.includes(op) || op === '') throw new ExpansionError(`unsupported modifier (${ops}) in substitution`);
    const trims = op === '#' || op === '%';
    if (colon && trims) throw new ExpansionError(`unsupported modifier (${ops}) in substitution`);
    let word = this.braced(() => this.until('}', trims, trims), "syntax error: missing '}'");
    const v = this.lookup(name);
    // kept as written, but a default stands for an unset variable (the rules read `${X:-d}` as d)
    if (keep && v === undefined && op !== '-') return `\${${name}${ops}${word}}`;
    const empty = v === undefined || (colon && v === '');
    if (op === '-') return empty ? word : v!;
    if (op === '+') return empty ? '' : word;
    if (op === '?') {
      if (v === undefined) throw new ExpansionError(`${name}: ${word || 'is not allowed to be unset'}`);
      if (empty) throw new ExpansionError(`${name}: ${word || 'is not allowed to be empty'}`);
      return v;
    }
    if (op === '#' || op === '%') {
      const greedy = word.startsWith(op);
      if (greedy) word = word.slice(1);
      return op === '#' ? trimPrefix(word, v ?? '', greedy) : trimSuffix(word, v ?? '', greedy);
    }
    throw new ExpansionError(`unsupported modifier (${ops}) in substitution`);
  }

  private replace(name: string): string {
    const all = this.s.peek() === '/';
    if (all) this.s.next();
    const pattern = this.braced(() => this.until('/', true, true), "syntax error: missing '/' in ${}");
    const replacement = this.braced(() => this.until('}', true, false), "syntax error: missing '}'");
    const v = this.lookup(name);
    if (this.opt.keepUnset && v === undefined) return `\${${name}/${pattern}/${replacement}}`;
    const re = patternRegex(pattern, true, false);
    const value = v ?? '';
    if (all) return replaceAll(value, re, replacement);
    const m = re.exec(value);
    return m === null ? value : value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length);
  }

  /** Runs a nested read; running out of text there is reported as BuildKit reports it. */
  private braced(read: () => string, atEnd: string): string {
    try {
      return read();
    } catch (e) {
      if (e instanceof ExpansionError && !e.overflow && this.s.peek() === '') throw new ExpansionError(atEnd);
      throw e;
    }
  }
}

/** One word as ProcessWord reads it; throws ExpansionError for BuildKit's errors and for a value over MAX_EXPANDED. */
export function processWord(text: string, lookup: Lookup, opt: LexOptions): string {
  // most values name no variable and hold no quote or escape
  if (!/[$'"\\`]/.test(text)) return text;
  return new Word(text, opt, lookup).until('', opt.rawEscapes === true, false);
}

/** A lookup over a map whose undefined values (ARGs declared without one) count as unset. */
export function mapLookup(vars: ReadonlyMap<string, string | undefined>): Lookup {
  return (name) => vars.get(name);
}

const LEGACY: LexOptions = { escape: '\\', skipQuotes: true, rawEscapes: true, keepUnset: true };

/**
 * Substitutes variables into text the rules read as written (quotes and escapes left in place):
 * set variables take their value, with every BuildKit operator; unset ones stay as written, so a
 * rule can tell that a build argument decides them. A value BuildKit would reject, or one over
 * MAX_EXPANDED, is left as written (the model reports the overflow on its line).
 */
export function expand(text: string, vars: ReadonlyMap<string, string | undefined>): string {
  if (!text.includes('$')) return text;
  try {
    return new Word(text, LEGACY, mapLookup(vars)).until('', true, false);
  } catch (e) {
    if (e instanceof ExpansionError) return text;
    throw e;
  }
}
