/**
 * Position-keeping access to parsed YAML (the `yaml` package's AST), with aliases and merge keys
 * (`<<: *x`) resolved the way YAML 1.1 merge semantics define them. Pure.
 *
 * Nothing here ever expands a document as a whole: rules walk fixed key paths, aliases are
 * resolved one hop at a time through an index built in one pass, and merged maps are memoised,
 * so an alias bomb costs linear time. A work budget bounds what is left.
 */
import { isAlias, isMap as isYamlMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** Thrown when a document needs more alias/merge work than any real manifest does. */
export class YamlBudgetError extends Error {}

/** One parsed document with what is needed to resolve aliases and report lines. */
export interface YDoc {
  doc: Document.Parsed;
  /** Offsets of this document to lines of the file. */
  lc: { linePos(offset: number): { line: number; col: number } };
  /** Index (0-based) of the document in its file. */
  index: number;
  aliasTarget: Map<Alias, Node | undefined>;
  mergeCache: WeakMap<YAMLMap, Entry[]>;
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

export function makeYDoc(doc: Document.Parsed, lc: YDoc['lc'], index: number, budget = { left: DEFAULT_BUDGET }): YDoc {
  const aliasTarget = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  // One pass in document order: an alias refers to the last anchor of that name before it; and
  // duplicate keys are found here in linear time (the parser's own check is quadratic).
  visit(doc, {
    Node(_k, node) {
      if (--budget.left < 0) throw new YamlBudgetError('document too large to check');
      if (isAlias(node)) aliasTarget.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
      if (isYamlMap(node) && node.items.length > 1) {
        const seen = new Set<string>();
        for (const p of node.items) {
          const k = p.key;
          if (!isScalar(k) || typeof k.value === 'symbol') continue;
          const text = String(k.value);
          if (seen.has(text)) throw new YamlDuplicateKeyError(text, k.range ? lc.linePos(k.range[0]).line : 1);
          seen.add(text);
        }
      }
    },
  });
  return { doc, lc, index, aliasTarget, mergeCache: new WeakMap(), budget };
}

export function lineAt(y: YDoc, offset: number): number {
  return y.lc.linePos(offset).line;
}

/** Line of a node (its first character); 1 when it has no position. */
export function lineOf(y: YDoc, node: Node | null | undefined): number {
  const r = node?.range;
  return r ? lineAt(y, r[0]) : 1;
}

/** Follows aliases to the node they name. */
export function deref(y: YDoc, node: unknown): Node | null {
  let n = node;
  for (let i = 0; i < 64 && isAlias(n); i++) n = y.aliasTarget.get(n) ?? null;
  if (isAlias(n)) return null;
  return (n as Node | null | undefined) ?? null;
}

export function asMap(y: YDoc, node: unknown): YAMLMap | undefined {
  const n = deref(y, node);
  return isYamlMap(n) ? n : undefined;
}

export function asSeq(y: YDoc, node: unknown): YAMLSeq | undefined {
  const n = deref(y, node);
  return isSeq(n) ? n : undefined;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || key.source === '<<' || key.value === '<<');
}

/** Scalar key text, undefined for complex keys. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
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
  const sources: YAMLMap[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair.key)) {
      const v = deref(y, pair.value);
      if (isYamlMap(v)) sources.push(v);
      else if (isSeq(v)) for (const it of v.items) {
        const m = asMap(y, it);
        if (m) sources.push(m);
      }
      continue;
    }
    const k = keyText(pair.key);
    if (k === undefined) continue;
    own.push({ key: k, line: lineOf(y, pair.key as Node), value: deref(y, pair.value), merged: false });
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
  return seq.items.map((it, index) => {
    const raw = it as Node | null;
    return { index, node: deref(y, raw), line: lineOf(y, raw ?? undefined) };
  });
}

/** The text of a scalar (numbers and booleans as written), undefined for null / non-scalars. */
export function str(y: YDoc, node: unknown): string | undefined {
  const n = deref(y, node);
  if (!isScalar(n)) return undefined;
  if (n.value === null || n.value === undefined) return undefined;
  if (typeof n.value === 'string') return n.value;
  if (typeof n.value === 'number' && typeof n.source === 'string' && n.source !== '') return n.source;
  return String(n.value);
}

/** True for `true` (and the string "true" a template may produce). */
export function isTrue(y: YDoc, node: unknown): boolean {
  const n = deref(y, node);
  if (!isScalar(n)) return false;
  return n.value === true || (typeof n.value === 'string' && n.value.trim().toLowerCase() === 'true');
}

export function isFalse(y: YDoc, node: unknown): boolean {
  const n = deref(y, node);
  if (!isScalar(n)) return false;
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

/** True when the text holds an interpolation reference (`${VAR}`, `$VAR`; `$$` is an escaped `$`). */
export function hasReference(text: string): boolean {
  return /(^|[^$])(\$\$)*\$(\{[A-Za-z_]|[A-Za-z_]|\()/.test(text);
}

/** True when the node (aliases resolved) is a mapping. */
export function isMap(y: YDoc, node: unknown): boolean {
  return asMap(y, node) !== undefined;
}
