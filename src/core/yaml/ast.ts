/**
 * Position-keeping access to parsed YAML (the light tree of ./tree.ts), with aliases and merge
 * keys (`<<: *x`) resolved the way YAML 1.1 merge semantics define them. Pure.
 *
 * Nothing here ever expands a document as a whole: rules walk fixed key paths, aliases point at
 * their anchored node (one hop), and merged maps are memoised, so an alias bomb costs linear
 * time. A work budget bounds what is left.
 */
import type { YMap, YNode, YPair, YScalar, YSeq } from './tree.js';

/** A node of a parsed document (the light tree). */
export type Node = YNode;
export type YAMLMap = YMap;
export type YAMLSeq = YSeq;

/** Thrown when a document needs more alias/merge work than any real manifest does. */
export class YamlBudgetError extends Error {}

/** One parsed document, with what is needed to resolve merge keys within a budget. */
export interface YDoc {
  /** The document's top node. */
  root: YNode | null;
  /** Index (0-based) of the document in its file. */
  index: number;
  mergeCache: WeakMap<YMap, Entry[]>;
  budget: { left: number };
}

/** A key of a map, after merge keys are applied. */
export interface Entry {
  key: string;
  /** Line of the key (1-based): where a finding about this key is reported. */
  line: number;
  /** The value, aliases resolved; null when the value is empty. */
  value: Node | null;
  /** True when the key came in through a `<<` merge key. */
  merged: boolean;
}

export const DEFAULT_BUDGET = 2_000_000;

/** Thrown by makeYDoc when a map repeats a key (tools disagree on which value wins). */
export class YamlDuplicateKeyError extends Error {
  constructor(
    readonly key: string,
    readonly line: number,
  ) {
    super(`duplicate key "${key.slice(0, 80)}"`);
  }
}

/**
 * Checks a document once, in document order (outer maps before inner ones, as a pre-order walk
 * visits them): a repeated key throws YamlDuplicateKeyError, and every node costs one unit of the
 * budget. Iterative, so deep nesting cannot overflow the stack.
 */
export function makeYDoc(root: YNode, index: number, budget = { left: DEFAULT_BUDGET }): YDoc {
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (--budget.left < 0) throw new YamlBudgetError('document too large to check');
    if (node.t === 'map') {
      const pairs = node.pairs;
      if (pairs.length > 1) checkDuplicates(pairs);
      for (let i = pairs.length - 1; i >= 0; i--) {
        const p = pairs[i]!;
        if (p.value) stack.push(p.value);
        if (p.key) stack.push(p.key);
      }
    } else if (node.t === 'seq') {
      const its = node.items;
      for (let i = its.length - 1; i >= 0; i--) {
        const it = its[i];
        if (it) stack.push(it);
      }
    }
  }
  return { root, index, mergeCache: new WeakMap(), budget };
}

const keyString = (k: YScalar): string => (typeof k.value === 'string' ? k.value : String(k.value));

/** Throws YamlDuplicateKeyError at the first key that repeats an earlier one (scalar keys, merge keys aside). */
function checkDuplicates(pairs: readonly YPair[]): void {
  if (pairs.length <= 12) {
    // small maps (nearly all): compare in place, no set to allocate
    for (let i = 1; i < pairs.length; i++) {
      const k = pairs[i]!.key;
      if (k === null || k.t !== 'scalar' || k.merge) continue;
      const text = keyString(k);
      for (let j = 0; j < i; j++) {
        const o = pairs[j]!.key;
        if (o !== null && o.t === 'scalar' && !o.merge && keyString(o) === text) throw new YamlDuplicateKeyError(text, k.line);
      }
    }
    return;
  }
  const seen = new Set<string>();
  for (const p of pairs) {
    const k = p.key;
    if (k === null || k.t !== 'scalar' || k.merge) continue;
    const text = keyString(k);
    if (seen.has(text)) throw new YamlDuplicateKeyError(text, k.line);
    seen.add(text);
  }
}

/** Line of a node (its first character); 1 when there is no node. */
export function lineOf(_y: YDoc, node: YNode | null | undefined): number {
  return node ? node.line : 1;
}

/** Follows an alias to the node it names. */
export function deref(_y: YDoc, node: unknown): YNode | null {
  const n = node as YNode | null | undefined;
  if (n === null || n === undefined) return null;
  if (n.t === 'alias') {
    const target = n.target;
    return target === undefined || target.t === 'alias' ? null : target;
  }
  return n;
}

export function asMap(y: YDoc, node: unknown): YMap | undefined {
  const n = deref(y, node);
  return n !== null && n.t === 'map' ? n : undefined;
}

export function asSeq(y: YDoc, node: unknown): YSeq | undefined {
  const n = deref(y, node);
  return n !== null && n.t === 'seq' ? n : undefined;
}

function isMergeKey(key: YNode | null): boolean {
  return key !== null && key.t === 'scalar' && (key.merge || key.source === '<<' || key.value === '<<');
}

/** Scalar key text, undefined for complex keys. */
function keyText(key: YNode | null): string | undefined {
  if (key !== null && key.t === 'scalar') return key.value === null ? '' : String(key.value);
  return undefined;
}

/**
 * The entries of a map: its own keys, then keys supplied by `<<` merge keys that it does not
 * set itself (earlier merge sources win over later ones). Memoised per map node.
 */
export function entries(y: YDoc, node: unknown, depth = 0): Entry[] {
  const map = asMap(y, node);
  if (!map) return [];
  const cached = y.mergeCache.get(map);
  if (cached) return cached;
  if (depth > 64) throw new YamlBudgetError('merge keys nested too deeply');
  const own: Entry[] = [];
  const sources: YMap[] = [];
  for (const pair of map.pairs) {
    if (isMergeKey(pair.key)) {
      const v = deref(y, pair.value);
      if (v !== null && v.t === 'map') sources.push(v);
      else if (v !== null && v.t === 'seq') for (const it of v.items) {
        const m = asMap(y, it);
        if (m) sources.push(m);
      }
      continue;
    }
    const k = keyText(pair.key);
    if (k === undefined) continue;
    own.push({ key: k, line: lineOf(y, pair.key), value: deref(y, pair.value), merged: false });
  }
  let result = own;
  if (sources.length > 0) {
    const seen = new Set(own.map((e) => e.key));
    result = [...own];
    for (const src of sources) {
      for (const e of entries(y, src, depth + 1)) {
        if (--y.budget.left < 0) throw new YamlBudgetError('too many merge-key expansions');
        if (seen.has(e.key)) continue;
        seen.add(e.key);
        result.push({ ...e, merged: true });
      }
    }
  }
  y.budget.left -= result.length;
  if (y.budget.left < 0) throw new YamlBudgetError('too many merge-key expansions');
  y.mergeCache.set(map, result);
  return result;
}

export function get(y: YDoc, node: unknown, key: string): Entry | undefined {
  for (const e of entries(y, node)) if (e.key === key) return e;
  return undefined;
}

/** Follows a path of keys; undefined as soon as one is missing. */
export function getPath(y: YDoc, node: unknown, ...keys: string[]): Entry | undefined {
  let cur: Entry | undefined;
  let n: unknown = node;
  for (const k of keys) {
    cur = get(y, n, k);
    if (!cur) return undefined;
    n = cur.value;
  }
  return cur;
}

export interface Item {
  index: number;
  node: Node | null;
  line: number;
}

/** Items of a sequence, aliases resolved. A non-sequence gives []. */
export function items(y: YDoc, node: unknown): Item[] {
  const seq = asSeq(y, node);
  if (!seq) return [];
  y.budget.left -= seq.items.length;
  if (y.budget.left < 0) throw new YamlBudgetError('too many sequence items');
  return seq.items.map((raw, index) => ({ index, node: deref(y, raw), line: lineOf(y, raw) }));
}

/** The text of a scalar (numbers and booleans as written), undefined for null / non-scalars. */
export function str(y: YDoc, node: unknown): string | undefined {
  const n = deref(y, node);
  if (n === null || n.t !== 'scalar' || n.value === null) return undefined;
  if (typeof n.value === 'string') return n.value;
  if (typeof n.value === 'number' && n.source !== '') return n.source;
  return String(n.value);
}

/** True for `true` (and the string "true" a template may produce). */
export function isTrue(y: YDoc, node: unknown): boolean {
  const n = deref(y, node);
  if (n === null || n.t !== 'scalar') return false;
  return n.value === true || (typeof n.value === 'string' && n.value.trim().toLowerCase() === 'true');
}

export function isFalse(y: YDoc, node: unknown): boolean {
  const n = deref(y, node);
  if (n === null || n.t !== 'scalar') return false;
  return n.value === false || (typeof n.value === 'string' && n.value.trim().toLowerCase() === 'false');
}

/** Scalar strings of a sequence (non-scalars skipped), with their lines. */
export function strings(y: YDoc, node: unknown): { value: string; line: number; index: number }[] {
  const out: { value: string; line: number; index: number }[] = [];
  for (const it of items(y, node)) {
    const v = str(y, it.node);
    if (v !== undefined) out.push({ value: v, line: it.line, index: it.index });
  }
  return out;
}

/**
 * Compose-style interpolation with nothing set: `${VAR:-d}` and `${VAR-d}` become their default,
 * `$$` an escaped `$`; other references stay as written (so the result still contains `$`).
 */
export function interpolateDefaults(text: string): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (whole, _name: string | undefined, def: string | undefined) => {
    if (whole === '$$') return '$';
    return def !== undefined ? interpolateDefaults(def) : whole;
  });
}

/** True when the node (aliases resolved) is a mapping. */
export function isMap(y: YDoc, node: unknown): boolean {
  return asMap(y, node) !== undefined;
}
