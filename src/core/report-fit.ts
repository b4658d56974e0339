/**
 * What scan writes, merge reads (issue #18): the report is fitted to schema/report.schema.json
 * before it is written. Every string the schema bounds with `maxLength` is cut, at a code point,
 * to that limit with "…" as its last character (maxLength counts code points, as Ajv does); a
 * one-line field (target names, image references) has its control characters replaced with
 * U+FFFD. Paths are not touched: the schema takes a path with any character but NUL.
 */
import schema from '../../schema/report.schema.json' with { type: 'json' };
import type { Report } from './types.js';
import { visibleText } from './controls.js';

interface Node {
  $ref?: string;
  maxLength?: number;
  properties?: Record<string, Node>;
  items?: Node;
  definitions?: Record<string, Node>;
}

type Fitter = (v: unknown) => unknown;

const ELLIPSIS = '…';
const ONE_LINE_REF = '#/definitions/oneLine';
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** `s` cut to at most `max` code points, ending in "…" when cut. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s; // UTF-16 length ≥ code points
  const step = (i: number): number => i + (s.codePointAt(i)! > 0xffff ? 2 : 1);
  let i = 0;
  let n = 0;
  for (; i < s.length && n < max - 1; n++) i = step(i);
  let rest = 0;
  for (let j = i; j < s.length && rest <= 1; rest++) j = step(j);
  return n + rest <= max ? s : `${s.slice(0, i)}${ELLIPSIS}`;
}

const root = schema as unknown as Node;
const cache = new Map<Node, Fitter | null>();

function resolveRef(ref: string): Node {
  const name = ref.replace('#/definitions/', '');
  const n = root.definitions?.[name];
  if (!n) throw new Error(`report schema: unknown $ref ${ref}`);
  return n;
}

/** A function fitting a value to `node`, or null when nothing under it is bounded. */
function compile(node: Node, viaRef?: string): Fitter | null {
  if (node.$ref) return compile(resolveRef(node.$ref), node.$ref);
  if (cache.has(node)) return cache.get(node)!;
  cache.set(node, null); // recursion guard
  let f: Fitter | null = null;
  if (node.maxLength !== undefined || viaRef === ONE_LINE_REF) {
    const max = node.maxLength ?? Infinity;
    const oneLine = viaRef === ONE_LINE_REF;
    f = (v) => {
      if (typeof v !== 'string') return v;
      const t = oneLine ? v.replace(CONTROL, '\ufffd') : v;
      return capText(t, max);
    };
  } else if (node.properties) {
    const props = Object.entries(node.properties)
      .map(([k, n]) => [k, compile(n)] as const)
      .filter((p): p is readonly [string, Fitter] => p[1] !== null);
    if (props.length > 0) {
      f = (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
        const o = v as Record<string, unknown>;
        for (const [k, fit] of props) if (o[k] !== undefined) o[k] = fit(o[k]);
        return o;
      };
    }
  } else if (node.items) {
    const item = compile(node.items);
    if (item) f = (v) => (Array.isArray(v) ? (v.forEach((x, i) => (v[i] = item(x))), v) : v);
  }
  cache.set(node, f);
  return f;
}

let fitter: Fitter | null | undefined;

/**
 * Fits the report to the schema's limits in place and returns it. What a person reads and copies
 * (messages, fixes, rule titles) has escape sequences and controls taken out and invisible
 * characters shown, whatever file or tool output they were built from.
 */
export function fitReport(report: Report): Report {
  for (const f of report.findings) {
    f.message = visibleText(f.message);
    if (f.fix !== undefined) f.fix = visibleText(f.fix);
    if (f.rule) {
      f.rule.title = visibleText(f.rule.title);
      if (f.rule.description !== undefined) f.rule.description = visibleText(f.rule.description);
    }
  }
  fitter ??= compile(root);
  fitter?.(report);
  return report;
}
