/**
 * One positioned tree for MCP configs, built from JSON/JSONC (Microsoft's jsonc-parser, the parser
 * behind VS Code) or YAML (the `yaml` package): objects, arrays and scalars, each with the 1-based
 * line it starts on. Duplicate keys keep the last value, as JSON.parse, Go's encoding/json and
 * VS Code do. Pure.
 */
import { parseTree, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YNode } from 'yaml';

export type MNode = MObj | MArr | MScalar;
export interface MEntry {
  key: string;
  keyLine: number;
  value: MNode;
}
export interface MObj {
  t: 'obj';
  line: number;
  entries: MEntry[];
}
export interface MArr {
  t: 'arr';
  line: number;
  items: MNode[];
}
export interface MScalar {
  t: 'scalar';
  line: number;
  value: string | number | boolean | null;
}

/**
 * How a client reads its JSON: `json` strict (JSON.parse, Go encoding/json), `json-comments`
 * (comments stripped first, as Gemini CLI does; no trailing commas), `jsonc` (VS Code: comments
 * and trailing commas).
 */
export type JsonDialect = 'json' | 'json-comments' | 'jsonc';

export type ParseResult = { ok: true; root: MNode } | { ok: false; line: number; message: string };

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const JSON_ERR_FIX: Record<string, string> = {
  InvalidCommentToken: 'this client reads strict JSON: remove the comment',
  PropertyNameExpected: 'a property name is expected (a trailing comma is not allowed here)',
  ValueExpected: 'a value is expected (a trailing comma is not allowed here)',
};

export function parseJson(text: string, dialect: JsonDialect, lineOffset = 0): ParseResult {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: dialect === 'jsonc', disallowComments: dialect === 'json', allowEmptyContent: false });
  const starts = lineStarts(text);
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const code = e ? printParseErrorCode(e.error) : 'EmptyContent';
    const line = lineAt(starts, e?.offset ?? 0) + lineOffset;
    return { ok: false, line, message: `not valid ${dialect === 'jsonc' ? 'JSONC' : 'JSON'} (${code}${JSON_ERR_FIX[code] ? `: ${JSON_ERR_FIX[code]}` : ''})` };
  }
  const conv = (n: JNode): MNode => {
    const line = lineAt(starts, n.offset) + lineOffset;
    if (n.type === 'object') {
      const entries: MEntry[] = [];
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v) continue;
        entries.push({ key: String(k.value), keyLine: lineAt(starts, k.offset) + lineOffset, value: conv(v) });
      }
      return { t: 'obj', line, entries };
    }
    if (n.type === 'array') return { t: 'arr', line, items: (n.children ?? []).map(conv) };
    return { t: 'scalar', line, value: n.value as MScalar['value'] };
  };
  return { ok: true, root: conv(tree) };
}

export function parseYaml(text: string, lineOffset = 0): ParseResult {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, merge: false });
  const err = doc.errors[0];
  if (err) return { ok: false, line: lc.linePos(err.pos[0]).line + lineOffset, message: `not valid YAML (${err.message.split('\n')[0]})` };
  const lineOf = (n: YNode): number => lc.linePos(n.range?.[0] ?? 0).line + lineOffset;
  const conv = (n: unknown, depth: number): MNode => {
    if (depth > 64) return { t: 'scalar', line: lineOffset + 1, value: null };
    if (isMap(n)) {
      const entries: MEntry[] = [];
      for (const p of n.items) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        const kl = isScalar(p.key) ? lineOf(p.key) : lineOf(n);
        entries.push({ key: k, keyLine: kl, value: p.value ? conv(p.value, depth + 1) : { t: 'scalar', line: kl, value: null } });
      }
      return { t: 'obj', line: lineOf(n), entries };
    }
    if (isSeq(n)) return { t: 'arr', line: lineOf(n), items: n.items.map((x) => conv(x, depth + 1)) };
    if (isScalar(n)) {
      const v = n.value;
      return { t: 'scalar', line: lineOf(n), value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null ? null : String(v) };
    }
    return { t: 'scalar', line: lineOffset + 1, value: null };
  };
  return { ok: true, root: conv(doc.contents, 0) };
}

/** The value of a key (the last one when the key repeats). */
export function field(n: MNode | undefined, key: string): MEntry | undefined {
  if (n?.t !== 'obj') return undefined;
  for (let i = n.entries.length - 1; i >= 0; i--) if (n.entries[i]!.key === key) return n.entries[i];
  return undefined;
}

export function strOf(n: MNode | undefined): string | undefined {
  return n?.t === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

/** Keys in written order, last duplicate winning. */
export function entriesOf(n: MNode | undefined): MEntry[] {
  if (n?.t !== 'obj') return [];
  const seen = new Map<string, MEntry>();
  for (const e of n.entries) {
    seen.delete(e.key);
    seen.set(e.key, e);
  }
  return [...seen.values()];
}

export function itemsOf(n: MNode | undefined): MNode[] {
  return n?.t === 'arr' ? n.items : [];
}
