/**
 * Differential helpers for the fast YAML parser: a plain, comparable view of parsed documents
 * (aliases shown by name and by the line of the node they resolve to, so cycles cannot recurse).
 */
import type { ParsedDoc, YNode } from '../../src/core/yaml/tree.js';

export type Plain = null | { s: string | number | boolean | null; src: string; merge?: true; line: number } | { map: [Plain, Plain][]; line: number } | { seq: Plain[]; line: number } | { alias: string; line: number; to: string | number | undefined };

export function plain(n: YNode | null): Plain {
  if (n === null) return null;
  switch (n.t) {
    case 'scalar':
      return n.merge ? { s: n.value, src: n.source, merge: true, line: n.line } : { s: Number.isNaN(n.value) ? 'NaN' : n.value, src: n.source, line: n.line };
    case 'map':
      return { map: n.pairs.map((p) => [plain(p.key), plain(p.value)]), line: n.line };
    case 'seq':
      return { seq: n.items.map(plain), line: n.line };
    case 'alias':
      return { alias: n.name, line: n.line, to: n.target === undefined ? undefined : `${n.target.t}@${n.target.line}` };
  }
}

export function plainDocs(docs: ParsedDoc[]): unknown[] {
  return docs.map((d) => ({ contents: plain(d.contents), line: d.contents === null ? undefined : d.line, error: d.error, notMap: d.notMap, failure: d.failure === undefined ? undefined : String(d.failure) }));
}
