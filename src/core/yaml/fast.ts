/**
 * A fast parser for the block-style YAML that compose files, Kubernetes manifests and workflows
 * are written in, building the light tree (./tree.ts) straight from the text in one pass. Pure.
 *
 * It is deliberately partial: whatever it is not sure to read exactly as the `yaml` package does
 * — tabs, tags, directives, complex keys, multi-line plain or quoted scalars, unusual escapes,
 * explicit block-scalar indentation, anything invalid — makes it return undefined, and the caller
 * parses the text with the `yaml` package instead (which also gives the error messages). So it
 * never decides what is valid YAML; it only makes the common case cheap.
 */
import { plainValue, type YAlias, type YDocument, type YMap, type YNode, type YPair, type YScalar, type YSeq } from './tree.js';

class Decline extends Error {}
const DECLINE = new Decline('fast path declined');

/** Flow collections nested deeper than this go to the `yaml` package (which reports them). */
const MAX_DEPTH = 100;

const SP = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/**
 * Parses `text` (a whole file or one document chunk). Lines are reported as `lineOffset` + the
 * 1-based line in the text. Undefined when the text needs the full parser.
 */
export function fastParse(text: string, lineOffset = 0): YDocument[] | undefined {
  // Tabs are legal in places and not in others: leave them to the full parser.
  if (text.indexOf('\t') >= 0) return undefined;
  if (text.indexOf('\r') >= 0) {
    // CRLF line ends are line breaks like LF (and lines are all this parser reports); a lone CR is not read here
    const lf = text.replace(/\r\n/g, '\n');
    if (lf.indexOf('\r') >= 0) return undefined;
    text = lf;
  }
  try {
    return new FastParser(text, lineOffset).documents();
  } catch (e) {
    if (e instanceof Decline || e instanceof RangeError) return undefined;
    throw e;
  }
}

function scalar(line: number, source: string, value: string | number | boolean | null, merge = false): YScalar {
  return { t: 'scalar', line, value, source, merge };
}

class FastParser {
  /** Start offset of every line; a sentinel past the end. */
  private readonly starts: number[] = [];
  private readonly n: number;
  /** Current line (0-based). */
  private li = 0;
  private anchors = new Map<string, YNode>();

  constructor(
    private readonly text: string,
    private readonly lineOffset: number,
  ) {
    const starts = this.starts;
    starts.push(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    // a final line without newline is a line; a text ending in '\n' has an empty last "line"
    this.n = starts.length;
    starts.push(text.length + 1);
    // indent of every line, -1 for blank and comment-only lines
    const ind = new Int32Array(this.n);
    for (let li = 0; li < this.n; li++) {
      const s = starts[li]!;
      const e = li + 1 < this.n ? starts[li + 1]! - 1 : text.length;
      let i = s;
      while (i < e && text.charCodeAt(i) === SP) i++;
      ind[li] = i === e || text.charCodeAt(i) === HASH ? -1 : i - s;
    }
    this.ind = ind;
  }

  private readonly ind: Int32Array;

  private lineEnd(li: number): number {
    const e = this.starts[li + 1]! - 1;
    return e > this.text.length ? this.text.length : e;
  }

  /** Column of the first non-space character of line li; -1 for a blank or comment-only line. */
  private indentOf(li: number): number {
    return this.ind[li]!;
  }

  /** Advances li to the next line with content; returns its indent, or -1 at the end. */
  private nextContent(): number {
    while (this.li < this.n) {
      const ind = this.indentOf(this.li);
      if (ind >= 0) {
        if (ind === 0 && this.isMarker(this.li)) return -1;
        return ind;
      }
      this.li++;
    }
    return -1;
  }

  /** `---` or `...` at the start of line li, followed by space or end of line. */
  private isMarker(li: number): boolean {
    const t = this.text;
    const s = this.starts[li]!;
    const c = t.charCodeAt(s);
    if ((c !== DASH && c !== 46) || t.charCodeAt(s + 1) !== c || t.charCodeAt(s + 2) !== c) return false;
    const d = t.charCodeAt(s + 3);
    return Number.isNaN(d) || d === SP || d === 10;
  }

  private lineNo(li: number): number {
    return li + 1 + this.lineOffset;
  }

  documents(): YDocument[] {
    const docs: YDocument[] = [];
    const t = this.text;
    let explicit = false;
    for (;;) {
      // skip blank and comment lines; a directive or a marker with content after it declines
      while (this.li < this.n && this.indentOf(this.li) < 0) this.li++;
      if (this.li >= this.n) {
        if (explicit) docs.push({ contents: null, line: this.lineNo(this.n - 1) });
        break;
      }
      const s = this.starts[this.li]!;
      if (t.charCodeAt(s) === 37) throw DECLINE; // %YAML / %TAG
      if (this.isMarker(this.li)) {
        if (this.rest(s + 3) !== '') throw DECLINE;
        if (t.charCodeAt(s) === 46) {
          // `...`: ends the document; an explicit one with nothing in it still counts
          if (explicit) docs.push({ contents: null, line: this.lineNo(this.li) });
          explicit = false;
          this.li++;
          continue;
        }
        if (explicit) docs.push({ contents: null, line: this.lineNo(this.li) });
        explicit = true;
        this.li++;
        continue;
      }
      const ind = this.indentOf(this.li);
      const startLine = this.li;
      this.anchors = new Map();
      const contents = this.block(ind, -1);
      if (contents.t !== 'map') throw DECLINE; // other tops: the full parser gives the message
      docs.push({ contents, line: this.lineNo(startLine) });
      explicit = false;
      // after the root node: only blank/comment lines up to a marker or the end
      const after = this.nextContent();
      if (after >= 0) throw DECLINE;
      if (this.li < this.n) {
        const m = this.starts[this.li]!;
        if (t.charCodeAt(m) === 46) {
          if (this.rest(m + 3) !== '') throw DECLINE;
          this.li++;
        }
      }
    }
    return docs;
  }

  /** The rest of a line from offset `from` without surrounding spaces and comment ('' when empty). */
  private rest(from: number): string {
    const t = this.text;
    const e = this.lineEnd(this.lineAtOrBefore(from));
    let i = from;
    while (i < e && t.charCodeAt(i) === SP) i++;
    if (i === e || t.charCodeAt(i) === HASH) return '';
    return t.slice(i, e);
  }

  private lineAtOrBefore(offset: number): number {
    // callers pass offsets on the current line li (or li itself)
    let li = this.li;
    while (li + 1 < this.n && this.starts[li + 1]! <= offset) li++;
    return li;
  }

  /**
   * A block node whose first content is at column `col` of line li (the line start, or just
   * after `- ` / `key: ` … for compact forms). `parent` is the indent of the enclosing block.
   */
  private block(col: number, parent: number, anchor?: string): YNode {
    const t = this.text;
    const p = this.starts[this.li]! + col;
    const c = t.charCodeAt(p);
    if (c === DASH && this.isSep(p + 1)) return this.seq(col, anchor);
    if (this.keyEnd(p) >= 0) return this.map(col, anchor);
    // a lone scalar / flow / alias as a block node
    const node = this.inline(p, parent, anchor);
    if (node === undefined) throw DECLINE;
    this.li++;
    return node;
  }

  /** True when offset i is a space, a newline or the end. */
  private isSep(i: number): boolean {
    const d = this.text.charCodeAt(i);
    return Number.isNaN(d) || d === SP || d === 10;
  }

  private register(anchor: string | undefined, node: YNode): void {
    if (anchor !== undefined) this.anchors.set(anchor, node);
  }

  private seq(col: number, anchor: string | undefined): YSeq {
    const items: (YNode | null)[] = [];
    const node: YSeq = { t: 'seq', line: this.lineNo(this.li), items };
    this.register(anchor, node);
    const t = this.text;
    let first = true;
    for (;;) {
      let ind: number;
      if (first) {
        ind = col;
        first = false;
      } else {
        ind = this.nextContent();
        if (ind < col) break;
        if (ind > col) throw DECLINE;
        const p = this.starts[this.li]! + ind;
        if (t.charCodeAt(p) !== DASH || !this.isSep(p + 1)) break; // `key:` at the same indent: the parent map goes on
      }
      const dash = this.starts[this.li]! + col;
      const dashLine = this.li;
      let q = dash + 1;
      const e = this.lineEnd(this.li);
      while (q < e && t.charCodeAt(q) === SP) q++;
      if (q === e || t.charCodeAt(q) === HASH) {
        items.push(this.nested(col, dashLine, undefined, false));
        continue;
      }
      items.push(this.value(q, col, dashLine, false));
    }
    return node;
  }

  /**
   * The value starting at offset q on line li (after `- ` or `key: `): an anchor, alias, block
   * scalar, flow collection, quoted or plain scalar, or a compact map / sequence (in a sequence).
   */
  private value(q: number, parent: number, indicatorLine: number, inMap: boolean): YNode | null {
    const t = this.text;
    let anchor: string | undefined;
    if (t.charCodeAt(q) === 38) {
      // &anchor
      let j = q + 1;
      const e = this.lineEnd(this.li);
      while (j < e && !this.isNameEnd(t.charCodeAt(j))) j++;
      anchor = t.slice(q + 1, j);
      if (anchor === '') throw DECLINE;
      while (j < e && t.charCodeAt(j) === SP) j++;
      if (j === e || t.charCodeAt(j) === HASH) return this.nested(parent, indicatorLine, anchor, inMap);
      if (j === q + 1 + anchor.length) throw DECLINE;
      q = j;
    }
    const col = q - this.starts[this.li]!;
    const c = t.charCodeAt(q);
    if (!inMap) {
      // compact nesting after `- `
      if (c === DASH && this.isSep(q + 1)) {
        if (anchor !== undefined) throw DECLINE;
        return this.seq(col, undefined);
      }
      if (this.keyEnd(q) >= 0) {
        if (anchor !== undefined) throw DECLINE;
        return this.map(col, undefined);
      }
    } else if (c === DASH && this.isSep(q + 1)) throw DECLINE; // (`a: b: c` is declined where the value is read)
    if (c === 124 || c === 62) {
      const s = this.blockScalar(q, parent);
      this.register(anchor, s);
      return s;
    }
    const node = this.inline(q, parent, anchor);
    if (node === undefined) throw DECLINE;
    this.li++;
    return node;
  }

  /** The node on the lines after an indicator with nothing after it (`key:` / `-`). */
  private nested(parent: number, indicatorLine: number, anchor: string | undefined, inMap: boolean): YNode {
    this.li = indicatorLine + 1;
    const ind = this.nextContent();
    if (ind > parent) return this.block(ind, parent, anchor);
    if (inMap && ind === parent) {
      // `key:` followed by `- item` at the key's own indent
      const p = this.starts[this.li]! + ind;
      if (this.text.charCodeAt(p) === DASH && this.isSep(p + 1)) return this.seq(ind, anchor);
    }
    // empty value: a null scalar on the indicator's line
    const s = scalar(this.lineNo(indicatorLine), '', null);
    this.register(anchor, s);
    return s;
  }

  private isNameEnd(c: number): boolean {
    return c === SP || c === 10 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || Number.isNaN(c);
  }

  /**
   * When offset p starts a simple key (`name:`, `"name":`, `'name':` followed by a space or the
   * end of line) on its line, the offset of its colon; else -1.
   */
  private keyEnd(p: number): number {
    const t = this.text;
    const e = this.lineEnd(this.li);
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p, e);
      if (close < 0) return -1;
      let j = close + 1;
      while (j < e && t.charCodeAt(j) === SP) j++;
      if (t.charCodeAt(j) === COLON && (j + 1 >= e || t.charCodeAt(j + 1) === SP)) return j;
      return -1;
    }
    // a plain key: the first ': ' (or ':' at the end) before any ' #'
    for (let j = p; j < e; j++) {
      const d = t.charCodeAt(j);
      if (d === COLON) {
        if (j + 1 >= e || t.charCodeAt(j + 1) === SP) {
          if (j - p > 1000) throw DECLINE; // implicit keys are limited to 1024 characters
          return j;
        }
      } else if (d === HASH && j > p && t.charCodeAt(j - 1) === SP) return -1;
    }
    return -1;
  }

  /** Offset of the first unescaped `quote` in [a, e), else -1. */
  private findClose(quote: number, a: number, e: number): number {
    const t = this.text;
    for (let j = a; j < e; j++) {
      const d = t.charCodeAt(j);
      if (quote === 34 && d === 92) {
        j++;
        continue;
      }
      if (d === quote) {
        if (quote === 39 && t.charCodeAt(j + 1) === 39) {
          j++;
          continue;
        }
        return j;
      }
    }
    return -1;
  }

  /** Offset of the closing quote of a one-line quoted scalar opening at p, else -1. */
  private quoteEnd(p: number, e: number): number {
    const t = this.text;
    const q = t.charCodeAt(p);
    for (let j = p + 1; j < e; j++) {
      const d = t.charCodeAt(j);
      if (q === 34 && d === 92) {
        j++;
        continue;
      }
      if (d === q) {
        if (q === 39 && t.charCodeAt(j + 1) === 39) {
          j++;
          continue;
        }
        return j;
      }
    }
    return -1;
  }

  private map(col: number, anchor: string | undefined): YMap {
    const pairs: YPair[] = [];
    const node: YMap = { t: 'map', line: this.lineNo(this.li), pairs };
    this.register(anchor, node);
    const t = this.text;
    let first = true;
    for (;;) {
      if (first) first = false;
      else {
        const ind = this.nextContent();
        if (ind < col) break;
        if (ind > col) throw DECLINE;
      }
      const p = this.starts[this.li]! + col;
      const colon = this.keyEnd(p);
      if (colon < 0) throw DECLINE; // not a key at the map's indent (or a `- ` there): let the full parser say
      const key = this.key(p, colon);
      const keyLine = this.li;
      const e = this.lineEnd(this.li);
      let q = colon + 1;
      while (q < e && t.charCodeAt(q) === SP) q++;
      const value = q === e || t.charCodeAt(q) === HASH ? this.nested(col, keyLine, undefined, true) : this.value(q, col, keyLine, true);
      pairs.push({ key, value });
    }
    return node;
  }

  private key(p: number, colon: number): YScalar {
    const t = this.text;
    const c = t.charCodeAt(p);
    const line = this.lineNo(this.li);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p, colon);
      const s = c === 34 ? this.doubleQuoted(p + 1, close) : t.slice(p + 1, close).replace(/''/g, "'");
      return scalar(line, s, s);
    }
    let e = colon;
    while (e > p && t.charCodeAt(e - 1) === SP) e--;
    const s = t.slice(p, e);
    if (s === '' || !this.plainStartOk(s)) throw DECLINE;
    if (s === '<<') return scalar(line, s, '<<', true);
    return scalar(line, s, plainValue(s));
  }

  /** A plain scalar may not start with an indicator (`-?:` only when followed by a space). */
  private plainStartOk(s: string): boolean {
    const c = s.charCodeAt(0);
    switch (c) {
      case 44: case 91: case 93: case 123: case 125: case 35: case 38: case 42: case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
        return false;
      case DASH: case 63: case COLON: {
        const d = s.charCodeAt(1);
        return !(Number.isNaN(d) || d === SP);
      }
      default:
        return true;
    }
  }

  /**
   * A one-line node at offset q: alias, quoted scalar, flow collection or plain scalar, with
   * nothing but a comment after it. Undefined when it is not one of those.
   */
  private inline(q: number, parent: number, anchor: string | undefined): YNode | undefined {
    const t = this.text;
    const e = this.lineEnd(this.li);
    const line = this.lineNo(this.li);
    const c = t.charCodeAt(q);
    let node: YNode;
    let end: number;
    if (c === 42) {
      if (anchor !== undefined) throw DECLINE;
      let j = q + 1;
      while (j < e && !this.isNameEnd(t.charCodeAt(j))) j++;
      const name = t.slice(q + 1, j);
      if (name === '') throw DECLINE;
      const a: YAlias = { t: 'alias', line, name, target: this.anchors.get(name) };
      node = a;
      end = j;
    } else if (c === 34 || c === 39) {
      const close = this.quoteEnd(q, e);
      if (close < 0) {
        const m = this.multiQuoted(q, parent);
        node = scalar(line, m, m);
        this.register(anchor, node);
        const le = this.lineEnd(this.li);
        this.checkTail(this.quoteClose + 1, le);
        this.checkNoContinuation(parent);
        return node;
      }
      const s = c === 34 ? this.doubleQuoted(q + 1, close) : t.slice(q + 1, close).replace(/''/g, "'");
      node = scalar(line, s, s);
      end = close + 1;
    } else if (c === 91 || c === 123) {
      const f = new FlowReader(this, q, parent);
      node = f.node(0);
      // the flow may span lines: continue after it
      end = f.pos;
      this.li = this.lineAtOrBefore(end);
      const le = this.lineEnd(this.li);
      this.checkTail(end, le);
      this.register(anchor, node);
      this.checkNoContinuation(parent);
      // a self-reference (`&a [*a]`) would need the anchor set before the items
      if (anchor !== undefined && t.slice(q, end).includes('*')) throw DECLINE;
      return node; // li is the flow's last line: the caller advances past it
    } else {
      if (!this.plainStartOk(t.slice(q, q + 2))) throw DECLINE;
      // plain: up to ' #' or the end of line; ': ' inside means a key, which callers handled
      let j = q;
      let last = q;
      for (; j < e; j++) {
        const d = t.charCodeAt(j);
        if (d === HASH && t.charCodeAt(j - 1) === SP) break;
        if (d === COLON && (j + 1 >= e || t.charCodeAt(j + 1) === SP)) throw DECLINE;
        if (d !== SP) last = j + 1;
      }
      const s = t.slice(q, last);
      node = scalar(line, s, plainValue(s));
      end = last;
      this.register(anchor, node);
      this.checkTail(end, e);
      this.checkNoContinuation(parent);
      return node;
    }
    this.register(anchor, node);
    this.checkTail(end, e);
    this.checkNoContinuation(parent);
    return node;
  }

  /** Offset of the closing quote found by multiQuoted. */
  private quoteClose = 0;

  /**
   * A quoted scalar over several lines (opening quote at q on line li): line breaks fold to a
   * space, empty lines to newlines, as YAML's flow folding says. Leaves li on the closing line.
   */
  private multiQuoted(q: number, parent: number): string {
    const t = this.text;
    const quote = t.charCodeAt(q);
    const parts: string[] = [];
    /** Indexes of parts that follow an escaped line break. */
    const joins = new Set<number>();
    const from = q + 1;
    for (let li = this.li; ; li++) {
      if (li >= this.n) throw DECLINE;
      const s = this.starts[li]!;
      const le = this.lineEnd(li);
      let a = li === this.li ? from : s;
      if (li !== this.li) {
        while (a < le && t.charCodeAt(a) === SP) a++;
        if (a < le && a - s <= parent) throw DECLINE; // continuation not indented
        if (a - s === 0 && this.isMarker(li)) throw DECLINE;
      }
      const close = this.findClose(quote, a, le);
      if (close >= 0) {
        parts.push(quote === 34 ? this.doubleQuoted(a, close) : t.slice(a, close).replace(/''/g, "'"));
        this.li = li;
        this.quoteClose = close;
        break;
      }
      if (quote === 34 && t.charCodeAt(le - 1) === 92) {
        // an escaped line break: the lines join with nothing between them
        let k = le - 1;
        while (k > a && t.charCodeAt(k - 1) === 92) k--;
        if ((le - k) % 2 === 1) {
          parts.push(this.doubleQuoted(a, le - 1));
          joins.add(parts.length);
          continue;
        }
      }
      let b = le;
      while (b > a && t.charCodeAt(b - 1) === SP) b--;
      parts.push(quote === 34 ? this.doubleQuoted(a, b) : t.slice(a, b).replace(/''/g, "'"));
    }
    let out = parts[0]!;
    let empties = 0;
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i]!;
      if (joins.has(i)) {
        if (p === '' || empties > 0) throw DECLINE;
        out += p;
        continue;
      }
      if (p === '' && i < parts.length - 1) {
        empties++;
        continue;
      }
      out += (empties > 0 ? '\n'.repeat(empties) : ' ') + p;
      empties = 0;
    }
    return out;
  }

  /** Only spaces and a comment may follow a one-line node. */
  private checkTail(from: number, e: number): void {
    const t = this.text;
    let j = from;
    while (j < e && t.charCodeAt(j) === SP) j++;
    if (j < e && !(t.charCodeAt(j) === HASH && j > from)) throw DECLINE;
  }

  /** A scalar value whose next line is indented deeper would continue (multi-line plain) or be invalid. */
  private checkNoContinuation(parent: number): void {
    const ind = this.ind;
    for (let li = this.li + 1; li < this.n; li++) {
      // blank and comment lines (a `#` after indentation ends a plain scalar) do not continue it
      const i = ind[li]!;
      if (i < 0) continue;
      if (i > parent) throw DECLINE;
      return;
    }
  }

  /** Double-quoted content between offsets a and b (one line), escapes resolved. */
  private doubleQuoted(a: number, b: number): string {
    const t = this.text;
    const bs = t.indexOf('\\', a);
    if (bs < 0 || bs >= b) return t.slice(a, b);
    let out = '';
    let from = a;
    for (let j = bs; j < b; j++) {
      if (t.charCodeAt(j) !== 92) continue;
      out += t.slice(from, j);
      const d = t[j + 1];
      switch (d) {
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        case '/': out += '/'; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case ' ': out += ' '; break;
        case 'u': {
          const h = t.slice(j + 2, j + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) throw DECLINE;
          const code = parseInt(h, 16);
          if (code >= 0xd800 && code <= 0xdfff) throw DECLINE;
          out += String.fromCharCode(code);
          j += 4;
          break;
        }
        default:
          throw DECLINE;
      }
      j++;
      from = j + 1;
    }
    return out + t.slice(from, b);
  }

  /**
   * A block scalar (`|`, `>`, with an optional chomping indicator) whose header is at offset q;
   * its content is the following lines indented deeper than `parent`.
   */
  private blockScalar(q: number, parent: number): YScalar {
    const t = this.text;
    const line = this.lineNo(this.li);
    const folded = t.charCodeAt(q) === 62;
    const e = this.lineEnd(this.li);
    let j = q + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const h = t.charCodeAt(j);
    if (h === DASH) {
      chomp = 'strip';
      j++;
    } else if (h === 43) {
      chomp = 'keep';
      j++;
    }
    if (j < e && t.charCodeAt(j) !== SP) throw DECLINE; // explicit indentation or junk
    this.checkTail(j, e);
    if (j < e) {
      // a comment after the header needs a space before '#'
      let k = j;
      while (k < e && t.charCodeAt(k) === SP) k++;
      if (k < e && k === j) throw DECLINE;
    }
    // content lines
    const lines: string[] = [];
    let indent = -1;
    let li = this.li + 1;
    let lastLi = this.li;
    let sawNewlineAtEnd = true;
    for (; li < this.n; li++) {
      const s = this.starts[li]!;
      const le = this.lineEnd(li);
      let i = s;
      while (i < le && t.charCodeAt(i) === SP) i++;
      if (i === le) {
        // blank line: spaces beyond the content indent would be content
        if (indent >= 0 ? le - s > indent : le > s) throw DECLINE;
        if (li === this.n - 1 && le === t.length && s === le) break; // the empty tail after the final newline
        lines.push('');
        continue;
      }
      const ind = i - s;
      if (indent < 0) {
        if (ind <= parent) break;
        indent = ind;
      } else if (ind < indent) {
        if (ind > parent) throw DECLINE;
        break;
      }
      if (ind === 0 && this.isMarker(li)) break;
      lines.push(t.slice(s + indent, le));
      lastLi = li;
      sawNewlineAtEnd = le < t.length;
    }
    if (indent < 0) {
      // no content line: the full parser decides what the blank lines mean
      throw DECLINE;
    }
    if (!sawNewlineAtEnd) throw DECLINE;
    // trailing blank lines belong to chomping, not to the content
    let k = lines.length;
    while (k > 0 && lines[k - 1] === '') k--;
    const trailing = lines.length - k;
    const body = lines.slice(0, k);
    let text: string;
    if (!folded) text = body.join('\n');
    else {
      text = '';
      let prevMore = false;
      let empties = 0;
      let firstDone = false;
      for (const l of body) {
        if (l === '') {
          empties++;
          continue;
        }
        const more = l.charCodeAt(0) === SP;
        if (!firstDone) text += '\n'.repeat(empties) + l;
        else if (!more && !prevMore) text += (empties > 0 ? '\n'.repeat(empties) : ' ') + l;
        else text += '\n' + '\n'.repeat(empties) + l;
        firstDone = true;
        prevMore = more;
        empties = 0;
      }
    }
    if (chomp === 'clip') text += '\n';
    else if (chomp === 'keep') text += '\n' + '\n'.repeat(trailing);
    this.li = lastLi + 1;
    return scalar(line, text, text);
  }

  // --- for FlowReader
  get source(): string {
    return this.text;
  }
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lineNo(lo);
  }
  anchorOf(name: string): YNode | undefined {
    return this.anchors.get(name);
  }
  unescape(a: number, b: number): string {
    return this.doubleQuoted(a, b);
  }
}

/**
 * Flow collections (`[a, "b", *c]`, `{k: v}`), possibly over several lines. Declines multi-line
 * scalars, anchors and tags inside, pairs in sequences and keys without values.
 */
class FlowReader {
  pos: number;
  private readonly t: string;
  constructor(
    private readonly p: FastParser,
    start: number,
    /** Indent of the block the flow collection sits in: its lines must be indented deeper. */
    private readonly parent: number,
  ) {
    this.pos = start;
    this.t = p.source;
  }

  /** After a line break at `nl`: the next non-blank line must be indented deeper than the enclosing block. */
  private indented(nl: number): void {
    const t = this.t;
    let k = nl + 1;
    let col = 0;
    for (; k < t.length; k++) {
      const d = t.charCodeAt(k);
      if (d === SP) col++;
      else if (d === 10) col = 0;
      else break;
    }
    if (k < t.length && col <= this.parent) throw DECLINE;
  }

  private ws(): void {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 10) {
        this.indented(this.pos);
        this.pos++;
      } else if (c === SP) this.pos++;
      else if (c === HASH && (t.charCodeAt(this.pos - 1) === SP || t.charCodeAt(this.pos - 1) === 10)) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl < 0 ? t.length : nl;
      } else return;
    }
  }

  node(depth: number): YNode {
    if (depth > MAX_DEPTH) throw DECLINE;
    const t = this.t;
    const c = t.charCodeAt(this.pos);
    const line = this.p.lineAt(this.pos);
    if (c === 91) {
      const items: (YNode | null)[] = [];
      const seq: YSeq = { t: 'seq', line, items };
      this.pos++;
      this.ws();
      if (t.charCodeAt(this.pos) === 93) {
        this.pos++;
        return seq;
      }
      for (;;) {
        const it = this.node(depth + 1);
        this.ws();
        if (t.charCodeAt(this.pos) === COLON) throw DECLINE; // a pair in a sequence
        items.push(it);
        const d = t.charCodeAt(this.pos);
        if (d === 93) {
          this.pos++;
          return seq;
        }
        if (d !== 44) throw DECLINE;
        this.pos++;
        this.ws();
        if (t.charCodeAt(this.pos) === 93) {
          this.pos++;
          return seq;
        }
      }
    }
    if (c === 123) {
      const pairs: YPair[] = [];
      const map: YMap = { t: 'map', line, pairs };
      this.pos++;
      this.ws();
      if (t.charCodeAt(this.pos) === 125) {
        this.pos++;
        return map;
      }
      for (;;) {
        const k = this.node(depth + 1);
        if (k.t !== 'scalar') throw DECLINE;
        this.ws();
        if (t.charCodeAt(this.pos) !== COLON) throw DECLINE;
        this.pos++;
        const after = t.charCodeAt(this.pos);
        if (!(after === SP || after === 10)) throw DECLINE;
        this.ws();
        const d0 = t.charCodeAt(this.pos);
        if (d0 === 44 || d0 === 125) throw DECLINE; // empty value
        const v = this.node(depth + 1);
        pairs.push({ key: k, value: v });
        this.ws();
        const d = t.charCodeAt(this.pos);
        if (d === 125) {
          this.pos++;
          return map;
        }
        if (d !== 44) throw DECLINE;
        this.pos++;
        this.ws();
        if (t.charCodeAt(this.pos) === 125) {
          this.pos++;
          return map;
        }
      }
    }
    if (c === 42) {
      let j = this.pos + 1;
      while (j < t.length) {
        const d = t.charCodeAt(j);
        if (d === SP || d === 10 || d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
        j++;
      }
      const name = t.slice(this.pos + 1, j);
      if (name === '') throw DECLINE;
      this.pos = j;
      return { t: 'alias', line, name, target: this.p.anchorOf(name) };
    }
    if (c === 34 || c === 39) {
      let j = this.pos + 1;
      for (; j < t.length; j++) {
        const d = t.charCodeAt(j);
        if (d === 10) throw DECLINE; // multi-line quoted
        if (c === 34 && d === 92) {
          j++;
          continue;
        }
        if (d === c) {
          if (c === 39 && t.charCodeAt(j + 1) === 39) {
            j++;
            continue;
          }
          break;
        }
      }
      if (j >= t.length) throw DECLINE;
      const s = c === 34 ? this.p.unescape(this.pos + 1, j) : t.slice(this.pos + 1, j).replace(/''/g, "'");
      this.pos = j + 1;
      return scalar(line, s, s);
    }
    // plain scalar in flow context: ends at , [ ] { } or ': ' / ':' before an indicator, one line only
    switch (c) {
      case 44: case 93: case 125: case 35: case 38: case 33: case 124: case 62: case 37: case 64: case 96: case 63:
        throw DECLINE;
    }
    if ((c === DASH || c === COLON) && (t.charCodeAt(this.pos + 1) === SP || t.charCodeAt(this.pos + 1) === 10)) throw DECLINE;
    let j = this.pos;
    let last = j;
    for (; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 10 || d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (Number.isNaN(e) || e === SP || e === 10 || e === 44 || e === 91 || e === 93 || e === 123 || e === 125) break;
      }
      if (d === HASH && t.charCodeAt(j - 1) === SP) throw DECLINE;
      if (d !== SP) last = j + 1;
    }
    if (t.charCodeAt(j) === 10) {
      this.indented(j);
      // the scalar may go on on the next line: only when the next content is an indicator is it over
      let k = j;
      while (k < t.length && (t.charCodeAt(k) === SP || t.charCodeAt(k) === 10)) k++;
      const d = t.charCodeAt(k);
      if (!(d === 44 || d === 93 || d === 125 || d === COLON)) throw DECLINE;
    }
    const s = t.slice(this.pos, last);
    if (s === '') throw DECLINE;
    this.pos = last;
    if (s === '<<') throw DECLINE; // a merge key or not depends on its place
    return scalar(line, s, plainValue(s));
  }
}
