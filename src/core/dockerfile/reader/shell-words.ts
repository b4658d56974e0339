/**
 * The word splitting of BuildKit's shell lexer (frontend/dockerfile/shell, Lex.ProcessWords) with no
 * variables set and unset ones left as written (SkipUnsetEnv): what the parser uses to find heredoc
 * words and their delimiters. Quirks kept because they decide what BuildKit reads: a nested `${x:-…}`
 * empties the word being built (the lexer shares one buffer), `""` alone is no word, a quote left
 * open makes the whole line have no words.
 */
import { isGoSpace } from './text.js';

export interface LexOptions {
  escape: string;
  rawQuotes: boolean;
  rawEscapes: boolean;
}

const EOF = -1;
const isLetter = (c: number): boolean => c >= 0 && /\p{L}/u.test(String.fromCodePoint(c));
const isDigit = (c: number): boolean => c >= 0 && /\p{Nd}/u.test(String.fromCodePoint(c));
const isSpecialParam = (c: number): boolean => '@*#?-$!0'.includes(String.fromCodePoint(c)) && c > 0;
const isWhitespace = (c: number): boolean => c === 9 || c === 13 || c === 32;
const ch = (c: number): string => (c === EOF ? '\ufffd' : String.fromCodePoint(c));

class LexError extends Error {}

class Words {
  words: string[] = [];
  inWord = false;
  constructor(readonly buf: { s: string }) {}
  addChar(c: number): void {
    if (isGoSpace(c) && this.inWord) {
      if (this.buf.s.length !== 0) {
        this.words.push(this.buf.s);
        this.buf.s = '';
        this.inWord = false;
      }
    } else if (!isGoSpace(c)) this.addRaw(ch(c));
  }
  addRaw(s: string): void {
    this.buf.s += s;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const c of s) this.addChar(c.codePointAt(0)!);
  }
  get(): string[] {
    if (this.buf.s.length > 0) {
      this.words.push(this.buf.s);
      this.buf.s = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class Lexer {
  private pos = 0;
  private readonly cps: number[];
  private readonly esc: number;
  private rawEscapes: boolean;
  private readonly shared = { s: '' };
  constructor(
    src: string,
    private readonly opts: LexOptions,
  ) {
    // Go's text/scanner: an invalid byte reads as U+FFFD, a leading BOM is skipped
    this.cps = Array.from(src, (c) => {
      const cp = c.codePointAt(0)!;
      return cp >= 0xdc80 && cp <= 0xdcff ? 0xfffd : cp;
    });
    if (this.cps[0] === 0xfeff) this.pos = 1;
    this.esc = opts.escape.codePointAt(0)!;
    this.rawEscapes = opts.rawEscapes;
  }
  private peek(): number {
    return this.pos < this.cps.length ? this.cps[this.pos]! : EOF;
  }
  private next(): number {
    const c = this.peek();
    if (c !== EOF) this.pos++;
    return c;
  }

  words(): string[] {
    return this.stopOn(EOF, this.rawEscapes, false).words;
  }

  word(): string {
    return this.stopOn(EOF, this.rawEscapes, false).result;
  }

  private stopOn(stop: number, rawEscapes: boolean, preserve: boolean): { result: string; words: string[] } {
    let result = '';
    this.shared.s = '';
    const words = new Words(this.shared);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        let c = this.peek();
        if (stop !== EOF && c === stop) {
          this.next();
          return { result, words: words.get() };
        }
        if (c === 36 || c === 60 || c === 39 || c === 34) {
          const tmp = c === 36 ? this.dollar() : c === 60 ? this.possibleHeredoc() : c === 39 ? this.single(preserve) : this.double(preserve);
          result += tmp;
          if (c === 36) words.addString(tmp);
          else words.addRaw(tmp);
          continue;
        }
        c = this.next();
        if (c === this.esc) {
          if (this.rawEscapes) {
            words.addRaw(ch(c));
            result += ch(c);
          }
          c = this.next();
          if (c === EOF) break;
          words.addRaw(ch(c));
        } else words.addChar(c);
        result += ch(c);
      }
      if (stop !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${ch(stop)}`);
      return { result, words: words.get() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private single(preserve: boolean): string {
    let out = '';
    let c = this.next();
    if (this.opts.rawQuotes) out += ch(c);
    for (;;) {
      c = this.next();
      if (c === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (c === 39) return this.opts.rawQuotes ? out + ch(c) : out;
      if (preserve && c === this.esc) out += ch(c);
      out += ch(c);
    }
  }

  private double(preserve: boolean): string {
    let out = '';
    const open = this.next();
    if (this.opts.rawQuotes) out += ch(open);
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === 34) {
        this.next();
        return this.opts.rawQuotes ? out + '"' : out;
      }
      if (p === 36) {
        out += this.dollar();
        continue;
      }
      let c = this.next();
      if (c === this.esc) {
        const n = this.peek();
        if (n === EOF) continue;
        if (n === 34 || n === 36 || n === this.esc) {
          if (this.rawEscapes) out += ch(c);
          c = this.next();
        } else if (this.rawEscapes && (!this.opts.rawQuotes || preserve)) out += ch(c);
      }
      out += ch(c);
    }
  }

  private name(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const c = this.peek();
      if (name === '' && isDigit(c)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += ch(this.next());
        return name;
      }
      if (name === '' && isSpecialParam(c)) return ch(this.next());
      if (!isLetter(c) && !isDigit(c) && c !== 95) break;
      name += ch(this.next());
    }
    return name;
  }

  private dollar(): string {
    this.next();
    if (this.peek() !== 123) {
      const name = this.name();
      return `$${name}`;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === 123 || p === 125 || p === 58) throw new LexError('syntax error: bad substitution');
    const name = this.name();
    let c = this.next();
    let chs = ch(c);
    if (c === 125) return `\${${name}}`;
    let nullIsUnset = false;
    if (c === 58) {
      nullIsUnset = true;
      c = this.next();
      chs += ch(c);
    }
    if (nullIsUnset || c === 43 || c === 45 || c === 63 || c === 35 || c === 37) {
      const raw = c === 35 || c === 37;
      if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
      const word = this.operand(125, raw, raw, "syntax error: missing '}'");
      return `\${${name}${chs}${word}}`;
    }
    if (c === 47) {
      if (this.peek() === 47) this.next();
      const pattern = this.operand(47, true, true, "syntax error: missing '/' in ${}");
      const replacement = this.operand(125, true, false, "syntax error: missing '}'");
      return `\${${name}/${pattern}/${replacement}}`;
    }
    throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }

  private operand(stop: number, raw: boolean, preserve: boolean, atEnd: string): string {
    try {
      return this.stopOn(stop, raw, preserve).result;
    } catch (e) {
      if (this.peek() === EOF) throw new LexError(atEnd);
      throw e;
    }
  }

  private possibleHeredoc(): string {
    this.next();
    if (this.peek() !== 60) return '<';
    this.next();
    let space = '';
    while (isWhitespace(this.peek())) space += ch(this.next());
    return `<<${space}`;
  }
}

/** The words of `src` as BuildKit's ProcessWords gives them, or an Error when the lexer refuses it. */
export function shellWords(src: string, opts: LexOptions): string[] | Error {
  try {
    return new Lexer(src, opts).words();
  } catch (e) {
    if (e instanceof LexError) return new Error(`failed to process "${src}": ${e.message}`);
    throw e;
  }
}

/** `src` as one word with quotes and escapes taken out (BuildKit's ProcessWord), unset variables kept. */
export function shellWord(src: string, escape: string): string | Error {
  try {
    return new Lexer(src, { escape, rawQuotes: false, rawEscapes: false }).word();
  } catch (e) {
    if (e instanceof LexError) return new Error(`failed to process "${src}": ${e.message}`);
    throw e;
  }
}
