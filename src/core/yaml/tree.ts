/**
 * The light YAML tree the compose, Kubernetes and workflow checks read: scalars with their
 * value under the reading's scalar schema, maps, sequences and aliases (pointing straight at the
 * node their anchor names), each with the 1-based line of the file it starts on. Pure.
 *
 * The `yaml` package is the parser; `fromDocument` converts its parsed Document. How plain
 * scalars are typed is a reading option (ReadOptions.scalars), so each consumer's reading is
 * chosen by the caller: `core` (YAML 1.2 core schema, as the `yaml` package resolves it) or
 * `yaml11` (go-yaml v2's YAML 1.1 resolution, which kubectl reads through sigs.k8s.io/yaml).
 */
import { flattenDedents } from './dedent.js';
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, type CST, type Document, type Node } from 'yaml';
import { composeDeep, cstDepth, firstCstError, MAX_NESTING, SHALLOW_DEPTH, type Depth } from './deep.js';

export interface YScalar {
  readonly t: 'scalar';
  readonly line: number;
  /** Core-schema value: plain `true` is a boolean, `8080` a number, `~` null; quoted text is a string. */
  readonly value: string | number | boolean | null;
  /** The scalar's text as written (after quoting and folding are resolved), before typing. */
  readonly source: string;
  /** A plain `<<` key: a merge key. */
  readonly merge: boolean;
  /** True for a plain (unquoted, untagged) scalar; only plain scalars are typed by the schema. */
  readonly plain?: boolean;
  /** For a plain scalar whose YAML 1.2 core value differs from the value it was given (`yes` → true under `yaml11`). */
  readonly coreValue?: string | number | boolean | null;
}

export interface YPair {
  key: YNode | null;
  value: YNode | null;
}

export interface YMap {
  readonly t: 'map';
  readonly line: number;
  readonly pairs: YPair[];
}

export interface YSeq {
  readonly t: 'seq';
  readonly line: number;
  readonly items: (YNode | null)[];
}

export interface YAlias {
  readonly t: 'alias';
  readonly line: number;
  readonly name: string;
  /** The node of the last anchor of that name before the alias; undefined when there is none. */
  target: YNode | undefined;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

/** One document of a file. */
export interface YDocument {
  /** Null for an empty document. */
  contents: YNode | null;
  /** Line where the document's contents (else the document) start. */
  line: number;
  /** First error of the document (the `yaml` package's message), with its line. */
  error?: { line: number; message: string };
}

// ---------------------------------------------------------------- core schema

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** The YAML 1.2 core-schema value of a plain scalar, as the `yaml` package resolves it. */
export function plainValue(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  // fast exit: most plain scalars start with a letter other than n/N/t/T/f/F
  if (s === '' || s === '~') return null;
  if (c === 110 || c === 78) return s === 'null' || s === 'Null' || s === 'NULL' ? null : s;
  if (c === 116 || c === 84) return s === 'true' || s === 'True' || s === 'TRUE' ? true : s;
  if (c === 102 || c === 70) return s === 'false' || s === 'False' || s === 'FALSE' ? false : s;
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(s)) return parseInt(s, 10);
    if (OCT.test(s)) return parseInt(s.slice(2), 8);
    if (HEX.test(s)) return parseInt(s.slice(2), 16);
    if (FLOAT.test(s)) return parseFloat(s);
    if (INF.test(s)) return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (NAN.test(s)) return Number.NaN;
  }
  return s;
}

// ---------------------------------------------------------------- YAML 1.1 (go-yaml v2)

/** How plain scalars are typed and what a document is read as. */
export interface ReadOptions {
  /** `core`: YAML 1.2 core schema (the default); `yaml11`: go-yaml v2's YAML 1.1 resolution (kubectl). */
  scalars?: 'core' | 'yaml11';
}

const Y11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const Y11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const Y11_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const Y11_INF = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const Y11_NINF = new Set(['-.inf', '-.Inf', '-.INF']);
const Y11_NAN = new Set(['.nan', '.NaN', '.NAN']);
const Y11_DEC = /^[-+]?(?:0|[1-9][0-9]*)$/;
const Y11_OCT = /^[-+]?0[0-7]+$/;
const Y11_HEX = /^[-+]?0x[0-9a-fA-F]+$/;
const Y11_BIN = /^[-+]?0b[01]+$/;
const Y11_OCT_O = /^[-+]?0o[0-7]+$/;
const Y11_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

function signed(s: string, digits: string, radix: number): number {
  const v = parseInt(digits, radix);
  return s[0] === '-' ? -v : v;
}

/**
 * The value go-yaml v2 (sigs.k8s.io/yaml's reader) gives a plain scalar decoded into an
 * interface: YAML 1.1 booleans (`yes`, `on`, `y` …), nulls, ints (decimal, `0` and `0o` octal, `0x`, `0b`,
 * `_` separators dropped), floats; everything else (timestamps and sexagesimal numbers included)
 * stays text.
 */
export function yaml11Value(s: string): string | number | boolean | null {
  if (Y11_NULL.has(s)) return null;
  if (Y11_TRUE.has(s)) return true;
  if (Y11_FALSE.has(s)) return false;
  if (Y11_INF.has(s)) return Number.POSITIVE_INFINITY;
  if (Y11_NINF.has(s)) return Number.NEGATIVE_INFINITY;
  if (Y11_NAN.has(s)) return Number.NaN;
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  const plain = s.indexOf('_') >= 0 ? s.replace(/_/g, '') : s;
  const sign = plain[0] === '-' || plain[0] === '+' ? 1 : 0;
  if (Y11_DEC.test(plain)) return parseInt(plain, 10);
  if (Y11_BIN.test(plain)) return signed(plain, plain.slice(sign + 2), 2);
  if (Y11_HEX.test(plain)) return signed(plain, plain.slice(sign + 2), 16);
  if (Y11_OCT_O.test(plain)) return signed(plain, plain.slice(sign + 2), 8);
  if (Y11_OCT.test(plain)) return signed(plain, plain.slice(sign + 1), 8);
  if (Y11_FLOAT.test(plain) && /[0-9]/.test(plain)) return parseFloat(plain);
  return s;
}

// ---------------------------------------------------------------- from the yaml package

/**
 * Converts a parsed Document (parsed with `merge: true`) into the light tree. Aliases point at
 * the last node anchored with their name before them in document order, as `yaml` resolves them.
 */
export function fromDocument(doc: Document.Parsed, lineOf: (offset: number) => number, opts: ReadOptions = {}): YNode | null {
  const y11 = opts.scalars === 'yaml11';
  const anchors = new Map<string, YNode>();
  const line = (n: { range?: [number, number, number] | null }): number => (n.range ? lineOf(n.range[0]) : 1);
  const conv = (n: unknown): YNode | null => {
    if (n === null || n === undefined) return null;
    let out: YNode;
    if (isAlias(n)) return { t: 'alias', line: line(n), name: n.source, target: anchors.get(n.source) };
    const node = n as Node;
    if (isScalar(node)) {
      const v = node.value;
      const merge = typeof v === 'symbol';
      const core = merge ? '<<' : typeof v === 'bigint' ? Number(v) : (v as string | number | boolean | null | undefined) ?? null;
      const plain = node.type === 'PLAIN' && !node.tag;
      const source = typeof node.source === 'string' ? node.source : merge ? '<<' : String(core);
      const value = y11 && plain && !merge ? yaml11Value(source) : core;
      out = !Object.is(value, core)
        ? { t: 'scalar', line: line(node), value, source, merge, plain, coreValue: core }
        : { t: 'scalar', line: line(node), value, source, merge, plain };
      if (node.anchor) anchors.set(node.anchor, out);
      return out;
    }
    if (isMap(node)) {
      const pairs: YPair[] = [];
      out = { t: 'map', line: line(node), pairs };
      if (node.anchor) anchors.set(node.anchor, out);
      for (const p of node.items) {
        if (!isPair(p)) continue;
        const key = conv(p.key);
        pairs.push({ key, value: conv(p.value) });
      }
      return out;
    }
    if (isSeq(node)) {
      const items: (YNode | null)[] = [];
      out = { t: 'seq', line: line(node), items };
      if (node.anchor) anchors.set(node.anchor, out);
      for (const it of node.items) items.push(conv(it));
      return out;
    }
    return null;
  };
  return conv(doc.contents);
}

/** What `parseDocuments` gives for one document. */
export interface ParsedDoc extends YDocument {
  /** For a top that is not a mapping: what it is (`a list`, `a scalar (text)` …). */
  notMap?: string;
  /** The tree could not be built (nesting too deep for the converter). */
  failure?: unknown;
}

function describeTop(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `a scalar (${typeof node.value === 'string' ? 'text' : String(node.value)})`;
  return 'not a mapping';
}

/** One composed document of the `yaml` package as a ParsedDoc. */
function convert(doc: Document.Parsed, lineOf: (offset: number) => number, lineOffset: number, opts: ReadOptions): ParsedDoc {
  const start = doc.contents?.range?.[0] ?? doc.range?.[0];
  const line = start !== undefined ? lineOf(start) : lineOffset + 1;
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { contents: null, line, error: { line: lineOf(err.pos[0]), message } };
  }
  const top = doc.contents;
  if (top === null || (isScalar(top) && (top.value === null || top.value === undefined))) return { contents: null, line };
  if (!isMap(top)) return { contents: null, line, notMap: describeTop(top) };
  try {
    return { contents: fromDocument(doc, lineOf, opts), line };
  } catch (e) {
    return { contents: null, line, failure: e };
  }
}

/** A document nested deeper than SHALLOW_DEPTH: built without recursion (./deep.ts), or refused past MAX_NESTING. */
function deepDocument(tok: CST.Document, depth: Depth, lineOf: (offset: number) => number, opts: ReadOptions): ParsedDoc {
  const line = lineOf(tok.value?.offset ?? tok.offset);
  if (depth.flow > MAX_NESTING || depth.block > MAX_NESTING) {
    return { contents: null, line, error: { line, message: `nesting deeper than ${MAX_NESTING.toLocaleString('en-US')} ${depth.flow > MAX_NESTING ? 'flow' : 'block'} levels, the most kubectl and this scanner read (kubectl: "exceeded max depth of ${MAX_NESTING}"): split the nested part into separate documents or files and scan again` } };
  }
  const bad = firstCstError(tok);
  if (bad) return { contents: null, line, error: { line: lineOf(bad.offset), message: bad.message } };
  const d = composeDeep(tok, lineOf, opts);
  return d.error ? { contents: null, line: d.line, error: d.error } : d.notMap !== undefined ? { contents: null, line: d.line, notMap: d.notMap } : { contents: d.contents, line: d.line };
}

/**
 * Parses with the `yaml` package (merge keys on, duplicate keys left to makeYDoc) and converts
 * each document, plain scalars typed as `opts.scalars` says. Documents nested deeper than
 * SHALLOW_DEPTH are built without recursion from the parser's syntax tree. Throws what the parser throws.
 */
export function parseDocuments(text: string, lineOffset = 0, opts: ReadOptions = {}): ParsedDoc[] {
  const lc = new LineCounter();
  const parser = flattenDedents(new Parser(lc.addNewLine));
  const composer = new Composer({ merge: true, uniqueKeys: false, prettyErrors: false });
  const lineOf = (offset: number): number => lc.linePos(offset).line + lineOffset;
  const out: ParsedDoc[] = [];
  const take = (docs: Iterable<Document.Parsed>): void => {
    for (const d of docs) out.push(convert(d, lineOf, lineOffset, opts));
  };
  let afterDeep = false;
  for (const tok of parser.parse(text)) {
    if (afterDeep && tok.type === 'doc-end') continue;
    afterDeep = false;
    if (tok.type === 'document') {
      const depth = cstDepth(tok, MAX_NESTING);
      if (depth.total > SHALLOW_DEPTH) {
        take(composer.end());
        out.push(deepDocument(tok, depth, lineOf, opts));
        afterDeep = true;
        continue;
      }
    }
    take(composer.next(tok));
  }
  take(composer.end());
  return out;
}

/** The earlier name of parseDocuments (YAML 1.2 core reading unless told otherwise). */
export const slowParse = parseDocuments;
