/**
 * A compose document as compose-go v2.16.2 holds it when it validates it against its schema:
 * plain JSON, merge keys applied, plain scalars typed as go-yaml v4 types them
 * (./compose-scalars.ts), interpolated, then cast where compose casts (loader/interpolate.go:
 * `privileged: "yes"` becomes true, `cpus: "0.5"` 0.5 …), then the lists compose keeps one entry
 * of per key (override/uncity.go) without their repeats. Every value keeps the line of its key or
 * item, so a refusal lands on the line. Iterative, so deep documents cannot overflow the stack. Pure.
 */
import { deref, entries, items, type YDoc } from './ast.js';
import { goYamlScalar } from './compose-scalars.js';
import type { YNode } from './tree.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Segment = string | number;

/** Line of each key of a JSON object and each item of a JSON array, by the container. */
export type Lines = WeakMap<object, Map<Segment, number>>;

function scalarJson(n: YNode & { t: 'scalar' }): Json {
  return n.plain === true && !n.merge ? goYamlScalar(n.source).value : n.value;
}

/** The line of the deepest part of `path` that exists in `root` (undefined when not even the first). */
export function lineAt(root: Json, lines: Lines, path: readonly Segment[]): number | undefined {
  let at: Json = root;
  let line: number | undefined;
  for (const seg of path) {
    if (at === null || typeof at !== 'object') break;
    const l = lines.get(at)?.get(Array.isArray(at) ? Number(seg) : String(seg));
    if (l === undefined) break;
    line = l;
    at = Array.isArray(at) ? (at[Number(seg)] ?? null) : (at[String(seg)] ?? null);
  }
  return line;
}

/** Plain JSON of a node, merges applied, lines recorded. */
export function toJson(y: YDoc, root: unknown): { value: Json; lines: Lines } {
  const lines: Lines = new WeakMap();
  const out: { value: Json } = { value: null };
  const work: { node: unknown; set: (v: Json) => void }[] = [{ node: root, set: (v) => (out.value = v) }];
  while (work.length > 0) {
    const { node, set } = work.pop()!;
    const n = deref(y, node);
    if (n === null) set(null);
    else if (n.t === 'scalar') set(scalarJson(n));
    else if (n.t === 'map') {
      const o: { [k: string]: Json } = {};
      const l = new Map<Segment, number>();
      lines.set(o, l);
      set(o);
      for (const e of entries(y, n)) {
        l.set(e.key, e.line);
        o[e.key] = null;
        work.push({ node: e.value, set: (v) => (o[e.key] = v) });
      }
    } else if (n.t === 'seq') {
      const a: Json[] = [];
      const l = new Map<Segment, number>();
      lines.set(a, l);
      set(a);
      for (const it of items(y, n)) {
        l.set(it.index, it.line);
        const i = a.push(null) - 1;
        work.push({ node: it.node, set: (v) => (a[i] = v) });
      }
    } else set(null);
  }
  return { value: out.value, lines };
}
