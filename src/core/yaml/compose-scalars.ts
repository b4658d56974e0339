/**
 * Plain scalars as compose reads them (go.yaml.in/yaml/v4, the YAML library of compose-go
 * v2.16.2) and the text compose makes of a value (Go's fmt.Sprint). Pure.
 *
 * go-yaml v4 types a plain scalar as: a null (`~`, `null` …, the empty scalar), a boolean only
 * for `true`/`True`/`TRUE` and the `false` ones (not `yes`/`on`), `.inf`/`.nan` floats, and for
 * text starting with a digit or a sign: an integer as Go's strconv reads one with base 0 after
 * dropping every `_` (so `0777` is octal 511, `0x1F`, `0o17`, `0b101`, `1_000` are integers), else a
 * float of the YAML form (`1.5`, `1e3`, `.5`); anything else is text. Dates (`2001-12-14`) are
 * times to it, which compose writes back as text; they are kept as the text here.
 */
import { deref, str, type YDoc } from './ast.js';

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

export interface GoScalar {
  value: string | number | boolean | null;
  /** A float64 to Go (printed by fmt in its %g form), not an integer. */
  float: boolean;
}

/** strconv.ParseInt(s, 0, 64) (and ParseUint after it), as a JS number; undefined when Go refuses it. */
function goInt(s: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (body.length > 1 && body[0] === '0') v = parseInt(body.slice(1), 8);
  else v = parseInt(body, 10);
  return m[1] === '-' ? -v : v;
}

/** The value go-yaml v4 gives a plain scalar of this text. */
export function goYamlScalar(s: string): GoScalar {
  if (NULLS.has(s)) return { value: null, float: false };
  if (TRUE.has(s)) return { value: true, float: false };
  if (FALSE.has(s)) return { value: false, float: false };
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s) && s[0] !== '-') return { value: Number.POSITIVE_INFINITY, float: true };
  if (/^-\.(?:inf|Inf|INF)$/.test(s)) return { value: Number.NEGATIVE_INFINITY, float: true };
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return { value: Number.NaN, float: true };
  if (s === '-0' || s === '-0.0') return { value: -0, float: true };
  const c = s[0];
  if (c === '.') return FLOAT.test(s) ? { value: parseFloat(s), float: true } : { value: s, float: false };
  if (c === undefined || !/[-+0-9]/.test(c)) return { value: s, float: false };
  if (/^\d{4}-/.test(s) && /^\d{4}-\d\d?-\d\d?(?:[Tt ].*)?$/.test(s)) return { value: s, float: false };
  const plain = s.replace(/_/g, '');
  const i = goInt(plain);
  if (i !== undefined) return { value: i, float: false };
  if (FLOAT.test(plain)) return { value: parseFloat(plain), float: true };
  return { value: s, float: false };
}

/** Go's fmt.Sprint of a float64 (%v: the shortest digits, in %e form when the exponent is below -4 or 6 and more). */
export function goFloatText(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, ex] = f.toExponential().split('e') as [string, string];
  const exp = Number(ex);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${Math.abs(exp) < 10 ? '0' : ''}${Math.abs(exp)}`;
  return String(f);
}

/** The text compose makes of a plain scalar (an environment value, a label): fmt.Sprint of go-yaml's value. */
export function goScalarText(s: string): string | null {
  const g = goYamlScalar(s);
  if (g.value === null) return null;
  if (typeof g.value === 'number') return g.float ? goFloatText(g.value) : String(g.value);
  return String(g.value);
}

/** A scalar's text as compose holds it: a plain one typed by go-yaml and printed by fmt; undefined for none. */
export function composeText(y: YDoc, node: unknown): string | undefined {
  const n = deref(y, node);
  if (n === null || n.t !== 'scalar' || n.value === null) return undefined;
  if (n.plain === true && !n.merge) return goScalarText(n.source) ?? undefined;
  return str(y, n);
}

/** Whether go-yaml reads this node as a float64 (a plain `1.5`, not `"1.5"` nor `2`). */
export function isGoFloat(y: YDoc, node: unknown): boolean {
  const n = deref(y, node);
  return n !== null && n.t === 'scalar' && n.plain === true && !n.merge && goYamlScalar(n.source).float;
}

/** A float32 as Go widens it to float64 (what compose's `cpus` hold). */
export const float32 = (v: number): number => Math.fround(v);
