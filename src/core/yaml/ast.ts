/**
 * Position-keeping access to parsed YAML (the light tree of ./tree.ts), with aliases and merge
 * keys (`<<: *x`) resolved the way YAML 1.1 merge semantics define them. Pure.
 *
 * Nothing here ever expands a document as a whole: rules walk fixed key paths, aliases point at
 * their anchored node (one hop), and merged maps are memoised, so an alias bomb costs linear
 * time. A work budget bounds what is left. The document itself (its checks and budget) is built by
 * ./ydoc.ts, re-exported here.
 */
import type { YMap, YNode, YSeq } from './tree.js';
import { YamlBudgetError, type Entry, type Node, type YDoc } from './ydoc.js';

export { DEFAULT_BUDGET, makeYDoc, YamlBudgetError, YamlDuplicateKeyError, type Ambiguity, type Entry, type Node, type ReadPolicy, type YAMLMap, type YAMLSeq, type YDoc } from './ydoc.js';

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

function isMergeKey(y: YDoc, key: YNode | null): boolean {
  if (key === null || key.t !== 'scalar') return false;
  if (y.policy?.maps === 'go-yaml-v2' || y.policy?.maps === 'go-yaml-v4') return key.merge;
  return key.merge || key.source === '<<' || key.value === '<<';
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
  if (y.policy?.maps === 'go-yaml-v2') return entriesV2(y, map, depth);
  const own: Entry[] = [];
  const sources: YMap[] = [];
  for (const pair of map.pairs) {
    if (isMergeKey(y, pair.key)) {
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

/** The map as go-yaml v2 builds it: keys in document order, a later key (or merge) overriding an earlier one. */
function entriesV2(y: YDoc, map: YMap, depth: number): Entry[] {
  const result: Entry[] = [];
  const at = new Map<string, number>();
  const put = (e: Entry): void => {
    if (--y.budget.left < 0) throw new YamlBudgetError('too many merge-key expansions');
    const i = at.get(e.key);
    if (i === undefined) {
      at.set(e.key, result.length);
      result.push(e);
    } else result[i] = e;
  };
  for (const pair of map.pairs) {
    if (isMergeKey(y, pair.key)) {
      const v = deref(y, pair.value);
      const sources: YMap[] = [];
      if (v !== null && v.t === 'map') sources.push(v);
      else if (v !== null && v.t === 'seq') for (const it of v.items) {
        const m = asMap(y, it);
        if (m) sources.push(m);
      }
      for (let i = sources.length - 1; i >= 0; i--) for (const e of entries(y, sources[i], depth + 1)) put({ ...e, merged: true });
      continue;
    }
    const k = keyText(pair.key);
    if (k === undefined) continue;
    put({ key: k, line: lineOf(y, pair.key), value: deref(y, pair.value), merged: false });
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
