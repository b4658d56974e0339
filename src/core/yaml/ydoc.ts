/**
 * A parsed YAML document made ready for reading (./ast.ts): checked once in document order for
 * repeated keys (or, in the go-yaml-v2 reading, for the places consumers read differently), with
 * the work budget that bounds alias and merge-key expansion. Pure.
 */
import { K8S_SECURITY_BOOLEANS } from './security-fields.js';
import type { YMap, YNode, YPair, YScalar, YSeq } from './tree.js';

/** A node of a parsed document (the light tree). */
export type Node = YNode;
export type YAMLMap = YMap;
export type YAMLSeq = YSeq;

/** Thrown when a document needs more alias/merge work than any real manifest does. */
export class YamlBudgetError extends Error {}

/**
 * How a consumer reads maps. `yaml` (the default): a repeated key is an error
 * (YamlDuplicateKeyError), a `<<` key merges whether quoted or not, and a map's own keys win over
 * merged ones (earlier merge sources first). `go-yaml-v2` (kubectl, through sigs.k8s.io/yaml):
 * keys apply in document order and the later one wins — a repeated key, and a merge that comes
 * after the key it sets; the sources of one `<<: [*a, *b]` apply last to first (so `*a` wins);
 * only a plain `<<` merges (a quoted `"<<"` is an ordinary key).
 */
export interface ReadPolicy {
  /** `go-yaml-v4` (compose-go): as `yaml`, but only a plain `<<` merges. */
  maps: 'yaml' | 'go-yaml-v2' | 'go-yaml-v4';
}

/** A place where the consumer's reading departs from the YAML 1.2 spec or another consumer's. */
export interface Ambiguity {
  line: number;
  kind: 'duplicate-key' | 'quoted-merge' | 'late-merge' | 'yaml11-boolean';
  /** What the consumer reads there, for the message. */
  message: string;
}

/** One parsed document, with what is needed to resolve merge keys within a budget. */
export interface YDoc {
  /** The document's top node. */
  root: YNode | null;
  /** Index (0-based) of the document in its file. */
  index: number;
  mergeCache: WeakMap<YMap, Entry[]>;
  budget: { left: number };
  /** How maps are read; absent = `yaml`. */
  policy?: ReadPolicy;
  /** Ambiguities found while checking the document (go-yaml-v2 reading only). */
  ambiguities?: Ambiguity[];
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
export function makeYDoc(root: YNode, index: number, budget = { left: DEFAULT_BUDGET }, policy?: ReadPolicy): YDoc {
  const v2 = policy?.maps === 'go-yaml-v2';
  const ambiguities: Ambiguity[] = [];
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (--budget.left < 0) throw new YamlBudgetError('document too large to check');
    if (node.t === 'map') {
      const pairs = node.pairs;
      if (v2) noteV2Ambiguities(pairs, ambiguities);
      else if (pairs.length > 1) checkDuplicates(pairs);
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
  if (!v2) return policy ? { root, index, mergeCache: new WeakMap(), budget, policy } : { root, index, mergeCache: new WeakMap(), budget };
  return { root, index, mergeCache: new WeakMap(), budget, policy, ambiguities };
}

const SHOWN = (k: string): string => JSON.stringify(k.length > 80 ? `${k.slice(0, 80)}…` : k);

/** Keys a merge value supplies directly (its maps' own scalar keys; nested merges aside). */
function mergeSourceKeys(value: YNode | null): Set<string> {
  const out = new Set<string>();
  const add = (n: YNode | null | undefined): void => {
    const m = n && n.t === 'alias' ? n.target : n;
    if (!m || m.t !== 'map') return;
    for (const p of m.pairs) if (p.key && p.key.t === 'scalar' && !p.key.merge) out.add(keyString(p.key));
  };
  const v = value && value.t === 'alias' ? value.target : value;
  if (v && v.t === 'seq') for (const it of v.items) add(it);
  else add(v);
  return out;
}

/** Duplicate keys (at the kept one), quoted `"<<"` keys, merges after the key they override, YAML 1.1 booleans in the security fields. */
function noteV2Ambiguities(pairs: readonly YPair[], out: Ambiguity[]): void {
  const seen = new Map<string, number>();
  for (const p of pairs) {
    const k = p.key;
    const v = p.value;
    if (v && v.t === 'scalar' && typeof v.value === 'boolean' && v.coreValue !== undefined && k?.t === 'scalar' && K8S_SECURITY_BOOLEANS.has(keyString(k)) && out.length < 1000) {
      out.push({ line: v.line, kind: 'yaml11-boolean', message: `\`${v.source.slice(0, 40)}\` is read by kubectl as the boolean ${String(v.value)} (YAML 1.1), but as the text "${v.source.slice(0, 40)}" by YAML 1.2 readers` });
    }
    if (k === null || k.t !== 'scalar') continue;
    if (k.merge) {
      for (const name of mergeSourceKeys(v)) {
        const at = seen.get(name);
        if (at !== undefined && out.length < 1000) out.push({ line: k.line, kind: 'late-merge', message: `this merge key comes after ${SHOWN(name)} (line ${at}): kubectl lets the merged value win, the YAML merge-key spec keeps line ${at}'s` });
      }
      continue;
    }
    const text = keyString(k);
    if (text === '<<' && out.length < 1000) out.push({ line: k.line, kind: 'quoted-merge', message: 'a quoted "<<" key is an ordinary key for kubectl, not a merge: nothing is merged here' });
    const prev = seen.get(text);
    if (prev !== undefined && out.length < 1000) out.push({ line: k.line, kind: 'duplicate-key', message: `duplicate key ${SHOWN(text)} (first at line ${prev}): kubectl keeps this value, other readers reject the file or keep the first` });
    seen.set(text, k.line);
  }
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
