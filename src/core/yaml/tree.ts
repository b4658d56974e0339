/**
 * The light YAML tree the compose, Kubernetes and workflow checks read: scalars with their
 * YAML 1.2 core-schema value, maps, sequences and aliases (pointing straight at the node their
 * anchor names), each with the 1-based line of the file it starts on. Pure.
 *
 * Two producers build it: the fast parser (./fast.ts) for the block-style YAML real files are made
 * of, and `fromDocument` below, which converts the `yaml` package's parsed Document — the path
 * for everything the fast parser declines (flow edge cases, tags, errors …). Both must give the
 * same tree for the same text (test/unit/yaml-fast-parser.test.ts holds them to it).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';

export interface YScalar {
  readonly t: 'scalar';
  readonly line: number;
  /** Core-schema value: plain `true` is a boolean, `8080` a number, `~` null; quoted text is a string. */
  readonly value: string | number | boolean | null;
  /** The scalar's text as written (after quoting and folding are resolved), before typing. */
  readonly source: string;
  /** A plain `<<` key: a merge key. */
  readonly merge: boolean;
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

// ---------------------------------------------------------------- from the yaml package

/**
 * Converts a parsed Document (parsed with `merge: true`) into the light tree. Aliases point at
 * the last node anchored with their name before them in document order, as `yaml` resolves them.
 */
export function fromDocument(doc: Document.Parsed, lineOf: (offset: number) => number): YNode | null {
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
      const value = merge ? '<<' : typeof v === 'bigint' ? Number(v) : (v as string | number | boolean | null | undefined) ?? null;
      out = { t: 'scalar', line: line(node), value, source: typeof node.source === 'string' ? node.source : merge ? '<<' : String(value), merge };
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

/** What `slowParse` and `fastParse` give for one document. */
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

/**
 * Parses with the `yaml` package (YAML 1.2, merge keys on, duplicate keys left to makeYDoc) and
 * converts each document; the reference the fast parser is held to. Throws what the parser throws.
 */
export function slowParse(text: string, lineOffset = 0): ParsedDoc[] {
  const lc = new LineCounter();
  const all = parseAllDocuments(text, { lineCounter: lc, merge: true, uniqueKeys: false, prettyErrors: false });
  const parsed = Array.isArray(all) ? all : [];
  const lineOf = (offset: number): number => lc.linePos(offset).line + lineOffset;
  return parsed.map((doc): ParsedDoc => {
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
      return { contents: fromDocument(doc, lineOf), line };
    } catch (e) {
      return { contents: null, line, failure: e };
    }
  });
}
