/**
 * The Dockerfile lexer/parser behind model.ts: one pass of character scans over the text, working on
 * string offsets (line numbers are looked up in a line-start table only where the model needs one).
 *
 * Why not dockerfile-ast (issue #2 names it): the engine must check 5,000 Dockerfiles per second on
 * one core, 200 µs a file for everything, and dockerfile-ast's parse alone (a TextDocument, Range and
 * Position objects per argument, argument lists recomputed per getter) measured ~240 µs a file.
 * dockerfile-ast stays in the project as the oracle of a differential test
 * (test/unit/dockerfile-differential.test.ts): this parser must give the model the same
 * instructions, lines, flags, argument text and properties, file by file. Where both differ from
 * Docker, the difference is kept on purpose (fingerprints hash the argument text, so it must not
 * move) and the test says so.
 *
 * What it reads: parser directives at the top (`# escape=`, `# syntax=`, any name, case-insensitive),
 * the escape character (backslash or backtick) for line continuations, comment and empty lines inside
 * continuations, BuildKit heredocs (`<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`, several per line) in
 * RUN/COPY/ADD (also as ONBUILD triggers), leading `--flags`, ENV/ARG/LABEL properties in both the
 * `k=v` and the legacy `ENV k v` form, unknown instructions, CRLF and lone CR line ends, a BOM.
 */

import { readDirectiveBlock, type DirectiveError } from './directives.js';
import { uniformString } from './shell.js';

export interface ParsedProperty {
  name: string;
  value: string | undefined;
  /** 1-based line of the property's first character. */
  line: number;
}

export interface ParsedInstruction {
  /** Upper-cased keyword. */
  keyword: string;
  /** Keyword as written (escape characters inside it kept). */
  written: string;
  line: number;
  endLine: number;
  /** `--name=value` flags in order (names as written), only for FROM/RUN/COPY/ADD/HEALTHCHECK. */
  flags: { name: string; value: string | null; text: string }[];
  /** Argument text after the flags: continuation lines joined, comment lines left out, heredoc bodies kept. */
  rest: string;
  /** ENV/ARG/LABEL properties (empty for other keywords). */
  properties: ParsedProperty[];
}

export interface ParsedDockerfile {
  escape: string;
  /** Directive names lower-cased, values as written. */
  directives: Record<string, string>;
  instructions: ParsedInstruction[];
  /** Directive errors BuildKit refuses the file for (a second directive, a bad escape character). */
  errors?: DirectiveError[];
}

const SP = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const DQ = 34;
const SQ = 39;
const DOLLAR = 36;

const isBlank = (c: number): boolean => c === SP || c === TAB;
const isNl = (c: number): boolean => c === LF || c === CR;
const isWs = (c: number): boolean => c === SP || c === TAB || c === LF || c === CR;

/** Offsets where lines start; a line ends at \r\n, \n or a lone \r (as editors and the oracle count). */
function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r < 0) {
    // the common case: \n only
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return starts;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === CR) {
      if (text.charCodeAt(k + 1) === LF) k++;
      starts.push(k + 1);
    } else if (c === LF) starts.push(k + 1);
  }
  return starts;
}

class Lines {
  private readonly starts: number[];
  private last = 0;
  constructor(text: string) {
    this.starts = lineStarts(text);
  }
  /** 0-based line of an offset (offsets mostly grow, so the search starts at the last answer). */
  of(offset: number): number {
    const s = this.starts;
    let lo = this.last;
    if (s[lo]! > offset) lo = 0;
    if (lo + 1 >= s.length || s[lo + 1]! > offset) return (this.last = lo);
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.last = lo);
  }
  startOf(line: number): number {
    return this.starts[line]!;
  }
}

interface Word {
  /** Value with escapes applied (`\x` is `x`, `\$` stays `\$`), continuations removed. */
  value: string;
  start: number;
  end: number;
}

interface Ctx {
  text: string;
  esc: number;
  escChar: string;
  /** The text holds a carriage return somewhere. */
  hasCr: boolean;
  /** Cache of nextEscape(): no escape character from escFrom up to escAt (the first one, or the text's end). */
  escFrom: number;
  escAt: number;
  lines: Lines;
}

/**
 * The offset of the first line end (\n or \r) at or after `i`, or the text's length. Found with
 * indexOf (a memchr), not a character loop: comment lines and the bodies of continued lines are
 * most of a Dockerfile's text.
 */
function lineEndFrom(ctx: Ctx, i: number): number {
  const { text } = ctx;
  const nl = text.indexOf('\n', i);
  let end = nl === -1 ? text.length : nl;
  if (ctx.hasCr) {
    const cr = text.indexOf('\r', i);
    if (cr !== -1 && cr < end) end = cr;
  }
  return end;
}

/**
 * For an escape character at `i` followed by a blank: when only blanks lead from there to a line
 * end, the offset the scanners continue from (the line end, or the character after a CR, as the
 * oracle counts it); else -1. The escape then continues the instruction on the next line.
 */
function escapedLineEnd(text: string, i: number, to: number): number {
  let j = i + 2;
  while (j < to && isBlank(text.charCodeAt(j))) j++;
  if (j >= to || !isNl(text.charCodeAt(j))) return -1;
  return text.charCodeAt(j) === CR ? j + 1 : j;
}

/** Which words words() makes: every one, or only those build() reads. */
const enum Wanted {
  /** Every word. */
  All,
  /** The leading words readFlags reads (up to the first without `--`). */
  Flags,
  /** HEALTHCHECK's leading words up to CMD or NONE. */
  HealthFlags,
  /** The first word. */
  FirstLast,
}

/** True when a word read in `wanted` mode is the last one readFlags looks at. */
function endsLead(wanted: Wanted, value: string): boolean {
  if (wanted === Wanted.Flags) return !value.includes('--');
  if (wanted === Wanted.HealthFlags) {
    const u = value.toUpperCase();
    return u === 'CMD' || u === 'NONE';
  }
  return wanted === Wanted.FirstLast;
}

/**
 * Words of an instruction's arguments, from `from` (after the keyword) to `to`: blank-separated,
 * continuations joined, comment lines inside continuations skipped, heredoc body lines are words too.
 * Unless `wanted` is All, the words after the leading ones are not made, but for the last one
 * (with an empty value): build() reads only where it lies.
 */
function words(ctx: Ctx, from: number, to: number, wanted: Wanted = Wanted.All): Word[] {
  const { text, esc } = ctx;
  const out: Word[] = [];
  // words are made while `lead` holds; after it only where the last one lies is kept
  let lead = true;
  let lastStart = -2;
  let lastEnd = -2;
  let found = -1;
  let cut = -1; // where the current word ended before a continuation
  let value = '';
  let continued = false; // just after an escaped line end
  let blankAfter = false; // blanks seen since that line end
  let comment = false;
  let lineHead = false;
  for (let i = from; i < to; i++) {
    if (!lead && !continued && !comment && !lineHead && !blankAfter && cut === -1) {
      // past the leading words, in plain text (no continuation pending): up to the next escape
      // character nothing but blanks and line ends splits words, and only where the last word
      // lies matters. Jump to the escape and find that word from the end of the stretch.
      let e = nextEscape(ctx, i);
      if (e > to) e = to;
      if (e > i) {
        let p = e - 1;
        while (p >= i && isWs(text.charCodeAt(p))) p--;
        if (p < i) {
          // only blanks: a word in progress ends at the first of them
          if (found !== -1) {
            lastStart = found;
            lastEnd = i;
            found = -1;
          }
        } else {
          let q = p;
          while (q > i && !isWs(text.charCodeAt(q - 1))) q--;
          // a word that runs from before the stretch into it keeps its start
          const start = q === i && found !== -1 ? found : q;
          if (p + 1 < e) {
            lastStart = start;
            lastEnd = p + 1;
            found = -1;
          } else {
            found = start;
          }
        }
        i = e - 1;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (isWs(c)) {
      if (continued) {
        blankAfter = true;
        if (isNl(c)) {
          blankAfter = false;
          if (comment) {
            comment = false;
            lineHead = true;
          }
        }
        continue;
      }
      if (found !== -1) {
        if (lead) {
          out.push({ value, start: found, end: cut === -1 ? i : cut });
          if (wanted !== Wanted.All) lead = !endsLead(wanted, value);
        } else {
          lastStart = found;
          lastEnd = cut === -1 ? i : cut;
        }
        cut = -1;
        value = '';
        found = -1;
      }
      continue;
    }
    if (c === esc) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : NaN;
      if (next === SP || next === TAB) {
        const e = escapedLineEnd(text, i, to);
        if (e !== -1) {
          comment = false;
          continued = true;
          lineHead = true;
          if (found !== -1) cut = i;
          i = e;
        } else {
          let j = i + 2;
          while (j < to && isBlank(text.charCodeAt(j))) j++;
          if (j < to) {
            cut = i;
            if (found === -1) i = j - 1;
          }
        }
        continue;
      }
      if (next === CR || next === LF) {
        comment = false;
        continued = true;
        lineHead = true;
        if (found !== -1 && cut === -1) cut = i;
        i += next === CR ? 2 : 1;
        continue;
      }
      if (blankAfter && cut !== -1) {
        // (with no word begun, the oracle still ends an empty one here, starting just before `from`)
        if (lead) {
          out.push({ value, start: found === -1 ? from - 1 : found, end: cut });
          if (wanted !== Wanted.All) lead = !endsLead(wanted, value);
        } else {
          lastStart = found === -1 ? from - 1 : found;
          lastEnd = cut;
        }
        value = '';
        found = -1;
      }
      cut = -1;
      blankAfter = false;
      continued = false;
      if (Number.isNaN(next)) break;
      if (lead) value += next === DOLLAR ? text[i]! + text[i + 1]! : text[i + 1]!;
      if (found === -1) found = i;
      i++;
      continue;
    }
    if (comment) continue;
    if (lineHead && c === HASH) {
      comment = true;
    } else {
      if (blankAfter && cut !== -1) {
        if (lead) {
          out.push({ value, start: found === -1 ? from - 1 : found, end: cut });
          if (wanted !== Wanted.All) lead = !endsLead(wanted, value);
        } else {
          lastStart = found === -1 ? from - 1 : found;
          lastEnd = cut;
        }
        value = '';
        found = -1;
      }
      blankAfter = false;
      continued = false;
      cut = -1;
      if (found === -1) found = i;
      // the characters up to the next blank or escape take this same path: one slice for the run
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d === esc || isWs(d)) break;
        j++;
      }
      if (lead) value += j === i + 1 ? text[i]! : text.slice(i, j);
      i = j - 1;
    }
    lineHead = false;
  }
  if (found !== -1) {
    lastStart = found;
    lastEnd = cut === -1 ? to : cut;
    if (lead) out.push({ value, start: lastStart, end: lastEnd });
  }
  // past the leading words only the last one is made (with no value): build() needs its end
  if (!lead && lastStart !== -2) out.push({ value: '', start: lastStart, end: lastEnd });
  return out;
}

/**
 * The argument text from the start of `first` to the end of `last`, as written, without the
 * escaped line ends and the comment lines between continuation lines. A continuation line is taken
 * from its first column (its indentation is kept, the escape character and what follows it are not).
 */
function argumentText(ctx: Ctx, first: Word, last: Word): string {
  const { text, esc, lines } = ctx;
  const from = first.start;
  const to = last.end;
  const firstLine = lines.of(from);
  if (firstLine === lines.of(to)) return text.slice(from, to);
  let out = '';
  let pieceStart = from; // -1: between pieces
  let lastChar = from - 1;
  let comment = false;
  for (let i = from; i < to; i++) {
    if (pieceStart !== -1 || comment) {
      // inside a piece (or a comment line) only an escape character or a line end changes
      // anything: jump to the next one
      let k = lineEndFrom(ctx, i);
      const e = nextEscape(ctx, i);
      if (e < k) k = e;
      if (k > to) k = to;
      if (k > i) {
        if (!comment) lastChar = k - 1;
        i = k;
        if (i >= to) break;
      }
    }
    const c = text.charCodeAt(i);
    if (c === esc) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : NaN;
      if (next === SP || next === TAB) {
        const e = escapedLineEnd(text, i, to);
        if (e !== -1) {
          if (pieceStart !== -1) out += text.slice(pieceStart, lastChar + 1);
          pieceStart = -1;
          comment = false;
          i = e;
        }
      } else if (next === CR || next === LF) {
        if (pieceStart !== -1) out += text.slice(pieceStart, lastChar + 1);
        pieceStart = -1;
        comment = false;
        i += next === CR ? 2 : 1;
      } else {
        i++;
      }
      continue;
    }
    if (isNl(c)) {
      if (comment) comment = false;
      continue;
    }
    if (comment) continue;
    if (pieceStart === -1) {
      if (c === HASH) {
        comment = true;
        continue;
      }
      const ls = lines.startOf(lines.of(i));
      if (i !== ls) pieceStart = ls;
    }
    lastChar = i;
  }
  if (pieceStart === -1) out += text.slice(lastChar, lastChar + 1);
  else out += text.slice(pieceStart, lastChar + 1);
  return out;
}

/** Leading flags of FROM/RUN/COPY/ADD/HEALTHCHECK; returns how many words they take. */
function readFlags(ctx: Ctx, keyword: string, ws: Word[], out: ParsedInstruction['flags']): number {
  const health = keyword === 'HEALTHCHECK';
  for (const w of ws) {
    const v = w.value;
    if (health) {
      const u = v.toUpperCase();
      if (u === 'CMD' || u === 'NONE') break;
    } else if (!v.includes('--')) break;
    if (!v.startsWith('--')) continue;
    const raw = ctx.text.slice(w.start, w.end);
    const rawEq = raw.indexOf('=');
    const eq = v.indexOf('=');
    if (rawEq === -1) out.push({ name: v.slice(2), value: null, text: `--${v.slice(2)}` });
    else if (rawEq === v.length - 1) out.push({ name: v.slice(2, rawEq), value: '', text: `--${v.slice(2, rawEq)}=` });
    else {
      const name = v.slice(2, eq);
      const value = v.slice(eq + 1);
      out.push({ name, value, text: `--${name}=${value}` });
    }
  }
  // the oracle drops as many leading words as it found flags (even when a non-flag word came first)
  return out.length;
}

/** Heredoc names among the words (`<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`), and whether tabs are stripped. */
function heredocNames(ws: Word[]): { names: string[]; tabbed: boolean } {
  const names: string[] = [];
  let tabbed = false;
  for (const w of ws) {
    let v = w.value;
    if (v.length <= 2 || !v.startsWith('<<')) continue;
    v = v.slice(2);
    if (v.startsWith('-')) {
      tabbed = true;
      v = v.slice(1);
    }
    let ok = true;
    for (const q of ['"', "'"]) {
      if (ok && v.startsWith(q)) {
        if (!v.endsWith(q)) ok = false;
        else v = v.substring(1, v.length - 1);
      }
    }
    if (!ok || v.startsWith('<')) continue;
    names.push(v);
  }
  return { names, tabbed };
}

/** The offset of the line end after the line that closes heredoc `name` (from `at`), or the end of the text. */
function heredocEnd(text: string, name: string, at: number, tabbed: boolean): number {
  const n = text.length;
  let wordStart = -1;
  let head = true;
  for (let i = at; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === SP) head = false;
    else if (c === TAB) {
      if (!tabbed) head = false;
    } else if (isNl(c)) {
      if (wordStart !== -1 && i - wordStart === name.length && text.startsWith(name, wordStart)) return i;
      wordStart = -1;
      head = true;
    } else if (head) {
      wordStart = i;
      head = false;
    }
  }
  return n;
}

/** Skips leading blanks and escaped line ends; -1 when nothing else is there (or an escape precedes a non-blank). */
function leadingNonBlank(s: string, esc: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isBlank(c)) continue;
    if (c === esc) {
      let j = i + 1;
      while (j < s.length && isBlank(s.charCodeAt(j))) j++;
      if (j < s.length && s.charCodeAt(j) === CR) {
        i = j + 1;
        continue;
      }
      if (j < s.length && s.charCodeAt(j) === LF) {
        i = j;
        continue;
      }
      return -1;
    }
    return i;
  }
  return -1;
}

/** Index of the last character that is not a blank, and not a line end or escape trailing after one. */
function trailingNonBlank(s: string, esc: number): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (isBlank(c)) continue;
    if (isNl(c)) {
      let j = c === LF && s.charCodeAt(i - 1) === CR ? i - 2 : i - 1;
      for (; j >= 0; j--) {
        const d = s.charCodeAt(j);
        if (!isWs(d) && d !== esc) return j;
      }
      return s.length;
    }
    return i;
  }
  return s.length;
}

/**
 * A word of an ENV/ARG/LABEL line: its value as scanned and where it lies in the text. After a
 * dangling escape the bounds can be off (`end` before `start`, or one before the word), as they are
 * in the oracle; reading with substring() keeps the same answers.
 */
interface Span {
  start: number;
  end: number;
  value: string;
}

/** The span of s[a, b) placed at `base` in the text. */
function span(s: string, base: number, a: number, b: number): Span {
  return { start: base + a, end: base + b, value: s.substring(a, b) };
}

/** s.charCodeAt(k), NaN past the end (without reading out of bounds, which deoptimises). */
function codeAt(s: string, k: number): number {
  return k < s.length ? s.charCodeAt(k) : NaN;
}

/** ENV/ARG/LABEL words: `k=v` pairs and quoted values kept whole, as written (offsets into the text). */
function propertyWords(ctx: Ctx, insStart: number, kwEnd: number, end: number): Span[] {
  const { text, esc, lines } = ctx;
  const full = text.slice(kwEnd, end);
  const lead = leadingNonBlank(full, esc);
  const out: Span[] = [];
  if (lead === -1) return out;
  const base = kwEnd + lead;
  let escaped = lines.of(insStart) !== lines.of(base);
  const s = full.slice(lead, trailingNonBlank(full, esc) + 1);
  let mark = -1;
  let argStart = escaped ? -1 : 0;
  let spaced = false;
  let endingEscape = false;
  loop: for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === esc) {
      if (i + 1 === s.length) {
        endingEscape = true;
        break;
      }
      if (!escaped) mark = i;
      const next = codeAt(s, i + 1);
      if (next === SP || next === TAB) {
        if (!isWs(codeAt(s, i + 2))) {
          i++;
          continue;
        }
        let j = i + 2;
        let toLineEnd = false;
        for (; j < s.length; j++) {
          const d = s.charCodeAt(j);
          if (isNl(d)) {
            if (d === CR) j++;
            escaped = true;
            i = j;
            toLineEnd = true;
            break;
          }
          if (!isBlank(d)) {
            out.push(span(s, base, argStart, i + 2));
            argStart = j;
            break;
          }
        }
        if (toLineEnd) continue;
        i = argStart - 1;
        continue;
      }
      if (next === CR || next === LF) {
        if (next === CR) i++;
        escaped = true;
        i++;
        continue;
      }
      if (next === esc) {
        if (argStart === -1) argStart = i;
        i++;
        continue;
      }
      if (argStart === -1) argStart = i;
      continue;
    }
    if (c === SQ || c === DQ) {
      if (spaced) {
        if (argStart !== -1) out.push(span(s, base, argStart, mark));
        argStart = i;
        spaced = false;
      }
      if (argStart === -1) argStart = i;
      for (let j = i + 1; j < s.length; j++) {
        const d = s.charCodeAt(j);
        if (d === c) {
          const after = codeAt(s, j + 1);
          if (after !== SP && !Number.isNaN(after)) {
            i = j;
            continue loop;
          }
          out.push(span(s, base, argStart, j + 1));
          i = j;
          argStart = -1;
          continue loop;
        }
        if (d === esc) j++;
      }
      break;
    }
    if (isBlank(c)) {
      if (escaped) {
        if (argStart !== -1) spaced = true;
      } else if (argStart !== -1) {
        out.push(span(s, base, argStart, i));
        argStart = -1;
      }
      continue;
    }
    if (isNl(c)) {
      if (c === CR) i++;
      spaced = false;
      continue;
    }
    if (c === HASH) {
      if (escaped) {
        for (let j = i + 1; j < s.length; j++) {
          const d = s.charCodeAt(j);
          if (isNl(d)) {
            i = d === CR ? j + 1 : j;
            spaced = false;
            continue loop;
          }
        }
        if (argStart !== -1) {
          out.push(span(s, base, argStart, mark));
          argStart = -1;
        }
        break;
      }
      if (argStart === -1) argStart = i;
      continue;
    }
    if (spaced) {
      if (argStart !== -1) out.push(span(s, base, argStart, mark));
      argStart = i;
      spaced = false;
    }
    escaped = false;
    if (argStart === -1) argStart = i;
    if (c === DOLLAR && codeAt(s, i + 1) === 123 /* { */) {
      // a ${...} reference is one piece of the word, even with quoted blanks inside
      let sq = false;
      let dq = false;
      let esced = false;
      for (let j = i + 1; j < s.length; j++) {
        const d = s.charCodeAt(j);
        if (d === esc) esced = true;
        else if (isNl(d)) {
          /* nothing */
        } else if (d === SQ) {
          sq = !sq;
          esced = false;
        } else if (d === DQ) {
          dq = !dq;
          esced = false;
        } else if (isBlank(d)) {
          if (esced || sq || dq) continue;
          i = j - 1;
          continue loop;
        } else if (d === 125 /* } */) {
          i = j;
          continue loop;
        } else esced = false;
      }
      break;
    }
  }
  if (argStart !== -1 && argStart !== s.length) out.push(span(s, base, argStart, endingEscape ? s.length - 1 : s.length));
  return out;
}

/** True when unescapeValue has nothing to do with s[from, to): no leading blank, no escape, quote or line end. */
function asWritten(s: string, esc: number, from = 0, to = s.length): boolean {
  if (to <= from || isBlank(s.charCodeAt(from))) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === esc || c === SQ || c === DQ || c === LF || c === CR) return false;
  }
  return true;
}

/** True when `v` holds no escape character and no line end. */
function plainInside(v: string, esc: number): boolean {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === esc || c === LF || c === CR) return false;
  }
  return true;
}

/**
 * A property name or value as written → its value: enclosing quotes removed, escapes applied,
 * continuations and the comment lines between them dropped.
 */
function unescapeValue(written: string, esc: number): string {
  // (the caller, unescapeSpan, has already taken the text that is as written)
  // one string shape for the character loops below (see uniformString)
  const raw = uniformString(written);
  const escCh = String.fromCharCode(esc);
  let escaped = false;
  const skip = leadingNonBlank(raw, esc);
  // (reads past either end are guarded: an out-of-bounds charCodeAt throws V8's optimised code away)
  if (skip > 0 && raw.charCodeAt(skip) === HASH) escaped = true;
  // nothing but blanks and continuations: the text is taken as it is
  let v = skip === -1 ? raw : raw.slice(skip);
  const first = v.length > 0 ? v.charCodeAt(0) : NaN;
  const last = v.length > 0 ? v.charCodeAt(v.length - 1) : NaN;
  const literal = first === SQ || first === DQ;
  const inSingle = first === SQ && last === SQ;
  let inDouble = false;
  if (first === DQ) {
    for (let i = 1; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === esc) i++;
      else if (c === DQ && i === v.length - 1) inDouble = true;
    }
  }
  // substring, not slice: a lone quote character is its own value
  if (inSingle || inDouble) v = v.substring(1, v.length - 1);
  // a quoted value with no escape character and no line end inside (most of them) is taken as it
  // stands: the loop below would copy it a character at a time
  if (!escaped && plainInside(v, esc)) return v;
  let commentCheck = -1;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === esc) {
      if (i + 1 === v.length) {
        out += escCh;
        break;
      }
      const n = v.charCodeAt(i + 1);
      // an escaped line end continues the value: how far it reaches (CR counts its LF too)
      const lineEnd = n === CR ? 2 : n === LF ? 1 : 0;
      if (n === SP || n === TAB) {
        let handled = false;
        for (let j = i + 2; j < v.length; j++) {
          const d = v.charCodeAt(j);
          if (isBlank(d)) continue;
          if (isNl(d)) {
            escaped = true;
            i = d === CR ? j + 1 : j;
            handled = true;
            break;
          }
          if (!inDouble && !inSingle && !literal) {
            if (d === esc) {
              out += v[i + 1]!;
              i = i + 1;
            } else {
              out += v[i + 1]! + v[j]!;
              i = j;
            }
            handled = true;
          }
          break;
        }
        if (handled) continue;
      }
      if (lineEnd > 0) {
        escaped = true;
        i += lineEnd;
        continue;
      }
      if (inDouble) {
        if (n !== DQ) {
          if (n === esc) i++;
          out += escCh;
        }
        continue;
      }
      if (inSingle || literal) {
        out += escCh;
        continue;
      }
      if (n === esc) {
        out += escCh;
        i++;
      } else {
        out += v[i + 1]!;
        i++;
      }
      continue;
    }
    if (isBlank(c)) {
      if (escaped && commentCheck === -1) commentCheck = i;
      out += v[i]!;
      continue;
    }
    if (isNl(c)) {
      if (c === CR) i++;
      if (escaped && commentCheck !== -1) {
        out = out.slice(0, out.length - (i - commentCheck - 1));
        commentCheck = -1;
      }
      continue;
    }
    if (c === HASH && escaped) {
      if (commentCheck !== -1) {
        out = out.slice(0, out.length - (i - commentCheck));
        commentCheck = -1;
      }
      for (let j = i + 1; j < v.length; j++) {
        const d = v.charCodeAt(j);
        if (isNl(d)) {
          i = d === CR ? j + 1 : j;
          break;
        }
      }
      continue;
    }
    if (escaped) {
      escaped = false;
      commentCheck = -1;
    }
    out += v[i]!;
  }
  return out;
}

function property(ctx: Ctx, arg: Span, arg2?: Span): ParsedProperty {
  const { text, esc, lines } = ctx;
  const raw = arg.value;
  const line = lines.of(Math.max(0, arg.start)) + 1;
  let nameEnd = arg.end;
  const eq = raw.indexOf('=');
  if (eq !== -1) {
    const a = raw.charCodeAt(0);
    const b = raw.charCodeAt(eq - 1);
    if ((a === DQ && b === DQ) || (a === SQ && b === SQ) || (a !== DQ && a !== SQ)) nameEnd = arg.start + eq;
  }
  const name = unescapeSpan(text, arg.start, nameEnd, esc);
  if (arg2) return { name, value: unescapeSpan(text, arg2.start, arg2.end, esc), line };
  if (nameEnd === arg.end) return { name, value: undefined, line };
  return { name, value: unescapeSpan(text, arg.start + eq + 1, arg.end, esc), line };
}

/**
 * unescapeValue(text.substring(a, b)), with the common case (nothing to unescape: see asWritten)
 * checked on the file's text itself. The substrings come in several string shapes (slices, short
 * copies, one-character strings), and a loop over them made V8 look up `length` and `charCodeAt`
 * the slow (megamorphic) way for every character; the file's text has one shape.
 */
function unescapeSpan(text: string, a: number, b: number, esc: number): string {
  // substring's own reading of the bounds: clamped to the text, swapped when reversed
  const n = text.length;
  let lo = a < 0 ? 0 : a > n ? n : a;
  let hi = b < 0 ? 0 : b > n ? n : b;
  if (lo > hi) {
    const t = lo;
    lo = hi;
    hi = t;
  }
  if (asWritten(text, esc, lo, hi)) return text.substring(lo, hi);
  return unescapeValue(text.substring(lo, hi), esc);
}

/** True when a plain span (see plainSpan) also holds no quote and no `${`: its property words are its non-blank runs. */
function plainProperties(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === SQ || c === DQ || (c === DOLLAR && text.charCodeAt(i + 1) === 123)) return false;
  }
  return true;
}

function properties(ctx: Ctx, insStart: number, kwEnd: number, end: number, plain: boolean): ParsedProperty[] {
  const ws = plain && plainProperties(ctx.text, kwEnd, end) ? plainWords(ctx.text, kwEnd, end) : propertyWords(ctx, insStart, kwEnd, end);
  if (ws.length === 0) return [];
  const hasEq = (w: Span): boolean => w.value.includes('=');
  if (ws.length === 1) return [property(ctx, ws[0]!)];
  if (!hasEq(ws[0]!)) {
    // legacy `ENV name value words…`: everything after the name is the value
    return [property(ctx, ws[0]!, { start: ws[1]!.start, end: ws[ws.length - 1]!.end, value: '' })];
  }
  return ws.map((w) => property(ctx, w));
}

/**
 * The instructions Docker knows, each mapped to itself (model.ts reports any other). A keyword is
 * looked up here so that it is the (internalised) literal: the rules compare `ins.keyword === 'RUN'`
 * millions of times, and two internalised strings compare by pointer, where a fresh toUpperCase()
 * result is compared by content.
 */
export const KEYWORDS: ReadonlyMap<string, string> = new Map(
  ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'].map((k) => [k, k]),
);

function keywordOf(written: string): string {
  // most keywords are written in capitals: no upper-cased copy for them
  const k = KEYWORDS.get(written);
  if (k !== undefined) return k;
  const upper = written.toUpperCase();
  return KEYWORDS.get(upper) ?? upper;
}

const WITH_FLAGS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const WITH_HEREDOCS = new Set(['RUN', 'COPY', 'ADD']);
const WITH_PROPERTIES = new Set(['ENV', 'ARG', 'LABEL']);

/**
 * End of an instruction's logical line from `i` (inside its arguments): the line end that is not
 * escaped. Outside a continuation only a line end or an escape character can change anything, so
 * the scan jumps from one to the next (indexOf); the heads of continuation lines (blanks, empty
 * lines, comment lines) are read a character at a time.
 */
function logicalLineEnd(ctx: Ctx, i: number): number {
  const { text, esc } = ctx;
  const n = text.length;
  // just after an escaped line end, until a character other than a blank, a line end or an escape
  let escaped = false;
  while (i < n) {
    if (escaped) {
      const c = text.charCodeAt(i);
      if (isWs(c)) {
        i++;
        continue;
      }
      if (c === HASH) {
        // a comment line inside a continuation: skipped with its line end
        i = lineEndFrom(ctx, i) + 1;
        continue;
      }
      if (c !== esc) {
        escaped = false;
        i++;
        continue;
      }
    } else {
      const end = lineEndFrom(ctx, i);
      const e = nextEscape(ctx, i);
      if (end <= e) return end;
      i = e;
    }
    // an escape character at i
    const next = text.charCodeAt(i + 1);
    if (next === LF || next === CR) {
      escaped = true;
      i += 2;
    } else if (next === SP || next === TAB) {
      let j = i + 2;
      while (j < n && isBlank(text.charCodeAt(j))) j++;
      if (j >= n) return n;
      if (isNl(text.charCodeAt(j))) escaped = true;
      // (the character after the blanks is passed over, as it always was)
      i = j + 1;
    } else {
      i++;
    }
  }
  return n;
}

/**
 * Parses Dockerfile text into instructions. Never throws; what cannot be understood is kept as
 * written (unknown keywords, unterminated heredocs) for model.ts to report.
 */
export function parseText(input: string): ParsedDockerfile {
  const text = input;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const block = readDirectiveBlock(text, bom);
  const directives = block.directives;
  const afterDirectives = block.end;
  const escape = block.escape;
  const ctx: Ctx = { text, esc: escape.charCodeAt(0), escChar: escape, hasCr: text.includes('\r'), escFrom: -1, escAt: -1, lines: new Lines(text) };
  const instructions: ParsedInstruction[] = [];
  const n = text.length;
  const esc = ctx.esc;
  let lt = text.indexOf('<<', afterDirectives); // the next `<<` at or after the current instruction
  for (let i = afterDirectives; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isWs(c)) continue;
    if (c === HASH) {
      i = lineEndFrom(ctx, i);
      continue;
    }
    // the keyword: up to a blank or line end; an escaped line end inside it joins the next line
    const start = i;
    // the keyword as written is built up character by character only once an escape character
    // turns up in it; without one it is the text from start to kwEnd
    let written = '';
    let kwEscaped = false;
    let kwEnd = -1;
    let joined = false;
    let argsFrom = -1;
    let end = n;
    let k = i + 1;
    for (; k < n; k++) {
      const d = text.charCodeAt(k);
      if (d === esc) {
        if (!kwEscaped) {
          kwEscaped = true;
          written = text.slice(start, kwEnd === -1 ? start + 1 : kwEnd);
        }
        joined = true;
        const next = text.charCodeAt(k + 1);
        if (next === CR || next === LF) {
          if (kwEnd === -1) kwEnd = k;
          k++;
        } else if (next === SP || next === TAB) {
          let j = k + 2;
          while (j < n && isBlank(text.charCodeAt(j))) j++;
          if (j < n && isNl(text.charCodeAt(j))) {
            k = j;
            continue;
          }
          kwEnd = k + 1;
          written += escape;
          if (j >= n) break;
          k = j - 2;
        } else {
          kwEnd = k + 1;
          written += escape;
          joined = false;
        }
        continue;
      }
      if (d === SP || d === TAB) {
        if (joined) {
          let j = k + 1;
          while (j < n && isBlank(text.charCodeAt(j))) j++;
          if (j < n && isNl(text.charCodeAt(j))) {
            k = j;
            continue;
          }
          joined = false;
        }
        if (kwEnd === -1) kwEnd = k;
        argsFrom = k;
        break;
      }
      if (d === HASH && joined) continue;
      if (d === LF || d === CR) {
        if (joined) continue;
        if (kwEnd === -1) kwEnd = k;
        end = k;
        break;
      }
      kwEnd = k + 1;
      if (kwEscaped) written += text[k]!;
      joined = false;
    }
    if (k >= n && kwEnd === -1) kwEnd = n;
    if (k >= n) end = n;
    if (!kwEscaped) written = text.slice(start, kwEnd === -1 ? start + 1 : kwEnd);
    const keyword = keywordOf(written);
    if (argsFrom !== -1) {
      end = logicalLineEnd(ctx, argsFrom + 1);
      // heredocs need `<<` on the line; most lines have none, so the word scan is skipped for them
      if (lt !== -1 && lt < kwEnd) lt = text.indexOf('<<', kwEnd);
      if (end < n && lt !== -1 && lt < end) end = heredocsAfter(ctx, keyword, kwEnd, end);
    }
    instructions.push(build(ctx, start, kwEnd, end, keyword, written));
    i = end;
  }
  return { escape, directives, instructions, errors: block.errors };
}

/** When a RUN/COPY/ADD (or ONBUILD of one) opens heredocs, the offset where the last one closes. */
function heredocsAfter(ctx: Ctx, keyword: string, kwEnd: number, lineEnd: number): number {
  let ws = words(ctx, kwEnd, lineEnd);
  let kw = keyword;
  if (kw === 'ONBUILD') {
    if (ws.length === 0) return lineEnd;
    kw = ctx.text.slice(ws[0]!.start, ws[0]!.end).toUpperCase();
    ws = words(ctx, ws[0]!.end, lineEnd);
  }
  if (!WITH_HEREDOCS.has(kw)) return lineEnd;
  if (kw !== 'ONBUILD' && ws.length > 0) {
    const flags: ParsedInstruction['flags'] = [];
    ws = ws.slice(readFlags(ctx, kw, ws, flags));
  }
  const { names, tabbed } = heredocNames(ws);
  let at = lineEnd;
  for (const name of names) at = heredocEnd(ctx.text, name, at, tabbed);
  return at;
}

/**
 * True when the text from `from` to `to` holds no escape character and no line end: a one-line
 * instruction without escapes (most of them), whose words are its runs of non-blank characters.
 */
function plainSpan(ctx: Ctx, from: number, to: number): boolean {
  return lineEndFrom(ctx, from) >= to && nextEscape(ctx, from) >= to;
}

/**
 * The offset of the first escape character at or after `from` (the text's length when there is
 * none). Remembered, so that a file with one escape near its end is not searched to it again for
 * every instruction before it.
 */
function nextEscape(ctx: Ctx, from: number): number {
  // the cached answer holds for any offset between where it was searched from and where it is
  if (from < ctx.escFrom || from > ctx.escAt) {
    const e = ctx.text.indexOf(ctx.escChar, from);
    ctx.escFrom = from;
    ctx.escAt = e === -1 ? ctx.text.length : e;
  }
  return ctx.escAt;
}

/** words() for a plain span (see plainSpan): the runs of non-blank characters. */
function plainWords(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  let i = from;
  for (;;) {
    while (i < to && isBlank(text.charCodeAt(i))) i++;
    if (i >= to) return out;
    const start = i;
    while (i < to && !isBlank(text.charCodeAt(i))) i++;
    out.push({ value: text.slice(start, i), start, end: i });
  }
}

/**
 * The argument text (and the flags) of a plain span (see plainSpan), as build() finds them from the
 * words, without making an object for every word: the text from the first word after the flags to
 * the last non-blank character. Only the leading words readFlags looks at become words.
 */
function plainRest(ctx: Ctx, keyword: string, kwEnd: number, end: number, flags: ParsedInstruction['flags']): string {
  const { text } = ctx;
  let a = kwEnd;
  while (a < end && isBlank(text.charCodeAt(a))) a++;
  let b = end;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  if (a >= b) return '';
  if (!WITH_FLAGS.has(keyword)) return text.slice(a, b);
  const health = keyword === 'HEALTHCHECK';
  if (!health) {
    // most lines start with a word that holds no `--`: readFlags stops at it, and takes nothing
    let dashes = false;
    for (let p = a; p + 1 < b; p++) {
      const c = text.charCodeAt(p);
      if (isBlank(c)) break;
      if (c === 45 /* - */ && text.charCodeAt(p + 1) === 45) {
        dashes = true;
        break;
      }
    }
    if (!dashes) return text.slice(a, b);
  }
  // the words up to the one where readFlags stops (that one included), or all of them
  const lead: Word[] = [];
  for (let p = a; p < b; ) {
    const ws = p;
    while (p < b && !isBlank(text.charCodeAt(p))) p++;
    const value = text.slice(ws, p);
    lead.push({ value, start: ws, end: p });
    if (health ? /^(cmd|none)$/i.test(value) : !value.includes('--')) break;
    while (p < b && isBlank(text.charCodeAt(p))) p++;
  }
  const taken = readFlags(ctx, keyword, lead, flags);
  if (taken >= lead.length) return '';
  return text.slice(lead[taken]!.start, b);
}

function build(ctx: Ctx, start: number, kwEnd: number, end: number, keyword: string, written: string): ParsedInstruction {
  const { lines } = ctx;
  const ins: ParsedInstruction = {
    keyword,
    written,
    line: lines.of(start) + 1,
    endLine: lines.of(end) + 1,
    flags: [],
    rest: '',
    properties: [],
  };
  const plain = plainSpan(ctx, kwEnd, end);
  if (plain) {
    ins.rest = plainRest(ctx, keyword, kwEnd, end, ins.flags);
  } else {
    const flagged = WITH_FLAGS.has(keyword);
    let ws = words(ctx, kwEnd, end, !flagged ? Wanted.FirstLast : keyword === 'HEALTHCHECK' ? Wanted.HealthFlags : Wanted.Flags);
    if (flagged && ws.length > 0) {
      const taken = readFlags(ctx, keyword, ws, ins.flags);
      if (taken > 0) ws = ws.slice(taken);
    }
    if (ws.length > 0) ins.rest = argumentText(ctx, ws[0]!, ws[ws.length - 1]!);
  }
  // (a keyword continued onto the next line changes how property words are read: the plain
  // split needs the whole instruction, keyword included, on one line without an escape)
  if (WITH_PROPERTIES.has(keyword)) ins.properties = properties(ctx, start, kwEnd, end, plain && plainSpan(ctx, start, kwEnd));
  return ins;
}
