/**
 * Deeply nested documents (DESIGN §5, issue 17 item 5). The `yaml` package's composer recurses
 * once per level and overflows the call stack near 1,000 levels; kubectl (go-yaml v2) reads up to
 * 10,000. A document nested deeper than SHALLOW_DEPTH is therefore built here from the `yaml`
 * package's concrete syntax tree (its parser is iterative) without recursion; beyond MAX_NESTING
 * it is an error naming the limit. Pure, linear time.
 */
import { CST } from 'yaml';
import { plainValue, yaml11Value, type ReadOptions, type YMap, type YNode, type YPair, type YSeq } from './tree.js';

/** Nesting depth up to which the `yaml` package's own composer is used. */
export const SHALLOW_DEPTH = 200;
/** Deepest nesting read: kubectl's limit (go-yaml v2: 10,000 flow levels and 10,000 block indents). */
export const MAX_NESTING = 10_000;

type Tok = CST.Token;

/** Children of a token that are nodes (keys and values of collections, a document's value). */
function children(t: Tok): (Tok | null | undefined)[] {
  switch (t.type) {
    case 'document':
      return [t.value];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return t.items.flatMap((it) => [it.key, it.value]);
    default:
      return [];
  }
}

/** Nesting of a document's tree: all collections, flow ones and block ones (kubectl limits the last two apart). */
export interface Depth {
  total: number;
  flow: number;
  block: number;
}

/** Collection nesting depth of a document's tree, counted without recursion; stops early past `stopAt` levels of either kind. */
export function cstDepth(doc: Tok, stopAt: number): Depth {
  const max: Depth = { total: 0, flow: 0, block: 0 };
  const stack: [Tok, number, number][] = [[doc, 0, 0]];
  while (stack.length > 0) {
    const [t, f0, b0] = stack.pop()!;
    const f = t.type === 'flow-collection' ? f0 + 1 : f0;
    const b = t.type === 'block-map' || t.type === 'block-seq' ? b0 + 1 : b0;
    if (f + b > max.total) max.total = f + b;
    if (f > max.flow) max.flow = f;
    if (b > max.block) max.block = b;
    if (max.flow > stopAt || max.block > stopAt) return max;
    for (const c of children(t)) if (c) stack.push([c, f, b]);
  }
  return max;
}

export interface DeepDoc {
  contents: YNode | null;
  line: number;
  error?: { line: number; message: string };
  notMap?: string;
}

interface Props {
  anchor?: string;
  tag?: string;
}

function propsOf(tokens: readonly CST.SourceToken[] | undefined, out: Props = {}): Props {
  for (const s of tokens ?? []) {
    if (s.type === 'anchor') out.anchor = s.source.slice(1);
    else if (s.type === 'tag') out.tag = s.source;
  }
  return out;
}

interface Task {
  tok: Tok | null | undefined;
  props: Props;
  set: (n: YNode | null) => void;
  key?: boolean;
}

/** Builds the light tree of one CST document iteratively (anchors in document order, as `yaml` resolves them). */
export function composeDeep(doc: CST.Document, lineOf: (offset: number) => number, opts: ReadOptions = {}): DeepDoc {
  const y11 = opts.scalars === 'yaml11';
  const anchors = new Map<string, YNode>();
  let root: YNode | null = null;
  let error: { line: number; message: string } | undefined;
  const stack: Task[] = [{ tok: doc.value, props: propsOf(doc.start), set: (n) => (root = n) }];
  while (stack.length > 0 && !error) {
    const { tok: t, props, set, key } = stack.pop()!;
    if (!t) {
      set(null);
      continue;
    }
    const line = lineOf(t.offset);
    let node: YNode | null = null;
    const later: Task[] = [];
    if (t.type === 'alias') {
      const name = t.source.slice(1).trim();
      set({ t: 'alias', line, name, target: anchors.get(name) });
      continue;
    } else if (CST.isScalar(t)) {
      if (t.type === 'block-scalar') propsOf(t.props.filter((p): p is CST.SourceToken => 'indent' in p), props);
      const r = CST.resolveAsScalar(t, true, (offset, _code, message) => {
        error ??= { line: lineOf(offset), message };
      });
      const plain = r.type === 'PLAIN' && props.tag === undefined;
      const source = r.value;
      const merge = key === true && plain && source === '<<';
      const value = !plain || merge ? source : y11 ? yaml11Value(source) : plainValue(source);
      const core = plain && !merge ? plainValue(source) : value;
      node = Object.is(value, core) ? { t: 'scalar', line, value, source, merge, plain } : { t: 'scalar', line, value, source, merge, plain, coreValue: core };
    } else if (t.type === 'block-map' || (t.type === 'flow-collection' && t.start.source === '{')) {
      const pairs: YPair[] = [];
      node = { t: 'map', line, pairs } satisfies YMap;
      for (const it of t.items) {
        const pair: YPair = { key: null, value: null };
        pairs.push(pair);
        const hasSep = it.sep !== undefined && it.sep.some((s) => s.type === 'map-value-ind');
        const k = it.key ?? (hasSep ? null : it.value);
        if (k && (k.type === 'block-map' || k.type === 'block-seq') && !it.start.some((st) => st.type === 'explicit-key-ind')) {
          // what the `yaml` composer (and go-yaml: "did not find expected key") refuses
          error = { line: lineOf(k.offset), message: `A block ${k.type === 'block-map' ? 'mapping' : 'sequence'} may not be used as an implicit map key` };
          break;
        }
        later.push({ tok: k, props: propsOf(it.start), set: (n) => (pair.key = n), key: true });
        later.push({ tok: hasSep ? it.value : null, props: propsOf(it.sep), set: (n) => (pair.value = n) });
      }
    } else if (t.type === 'block-seq' || t.type === 'flow-collection') {
      const items: (YNode | null)[] = [];
      node = { t: 'seq', line, items } satisfies YSeq;
      for (const it of t.items) {
        const i = items.length;
        items.push(null);
        if (it.key !== undefined || (it.sep ?? []).some((s) => s.type === 'map-value-ind')) {
          // `[a: 1]`: a single-pair map
          const pair: YPair = { key: null, value: null };
          items[i] = { t: 'map', line: lineOf(it.key?.offset ?? t.offset), pairs: [pair] };
          later.push({ tok: it.key, props: propsOf(it.start), set: (n) => (pair.key = n), key: true });
          later.push({ tok: it.value, props: propsOf(it.sep), set: (n) => (pair.value = n) });
        } else later.push({ tok: it.value, props: propsOf(it.start), set: (n) => (items[i] = n) });
      }
    } else {
      error = { line, message: t.type === 'error' ? t.message : `unexpected ${t.type}` };
      break;
    }
    if (props.anchor !== undefined) anchors.set(props.anchor, node);
    set(node);
    for (let i = later.length - 1; i >= 0; i--) stack.push(later[i]!);
  }
  const line = doc.value ? lineOf(doc.value.offset) : lineOf(doc.offset);
  if (error) return { contents: null, line, error };
  const top = root as YNode | null;
  if (top === null || top.t === 'map') return { contents: top, line };
  return { contents: null, line, notMap: top.t === 'seq' ? 'a list' : 'not a mapping' };
}

/** Error tokens anywhere in a document (the parser's own complaints). */
export function firstCstError(doc: Tok): CST.ErrorToken | undefined {
  const stack: Tok[] = [doc];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.type === 'error') return t;
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const it of t.items) for (const s of [...it.start, ...(it.sep ?? [])]) if ((s as Tok).type === 'error') return s as unknown as CST.ErrorToken;
    }
    for (const c of children(t)) if (c) stack.push(c);
  }
  return undefined;
}
