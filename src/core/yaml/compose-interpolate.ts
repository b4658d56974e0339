/**
 * Compose interpolation as compose-go v2.16.2 performs it (its template package): `$$` is an
 * escaped `$`; `$VAR` and `${VAR}` take the variable (unset: empty); `${VAR:-d}` / `${VAR-d}`
 * the default when unset-or-empty / unset; `${VAR:+r}` / `${VAR+r}` the replacement when
 * set-and-non-empty / set; `${VAR:?e}` / `${VAR?e}` refuse the file when unset-or-empty / unset.
 * Defaults nest (`${A:-${B:-c}}`); a `${` that matches none of these refuses the file. Pure.
 *
 * Written from compose-go's documented behaviour and its grammar: one pattern
 * `\$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))` replaced left to
 * right, the operator picked by its first occurrence in the match, the match cut at its first
 * balanced `}` and the rest substituted on its own.
 */
import type { YMap, YNode, YScalar, YSeq } from './tree.js';

/** The variables interpolation sees (name → value). */
export type ComposeEnv = ReadonlyMap<string, string>;

/** Why compose refuses a value. */
export interface InterpolationError {
  kind: 'required' | 'invalid';
  /** The variable (required) or the template (invalid). */
  subject: string;
  message: string;
}

export interface Substituted {
  value: string;
  error?: InterpolationError;
}

// Go's `.` is every character but `\n`; JS's also excludes `\r`, U+2028 and U+2029.
const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{(?:([_a-z][_a-z0-9]*(?::?[-+?]([^\n]*))?)\}|()))/gi;
const SINGLE = new RegExp(`^${PATTERN.source}`, 'i');

const OPERATORS = [':?', '?', ':-', '-', ':+', '+'] as const;
type Operator = (typeof OPERATORS)[number];

/** The operator whose first occurrence in the match comes first (compose-go's choice). */
function operatorFor(match: string): Operator {
  let best: Operator = OPERATORS[0];
  let bestAt = Infinity;
  for (const op of OPERATORS) {
    const at = match.indexOf(op);
    if (at >= 0 && at < bestAt) {
      best = op;
      bestAt = at;
    }
  }
  return best;
}

function firstBraceClosing(s: string): number {
  let open = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (s[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

function partition(s: string, sep: string): [string, string] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + sep.length)];
}

interface Applied {
  value: string;
  applied: boolean;
  error?: InterpolationError;
}

function applyOperator(op: Operator, substitution: string, env: ComposeEnv): Applied {
  if (!substitution.includes(op)) return { value: '', applied: false };
  const [name, arg] = partition(substitution, op);
  const value = env.get(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  if (op === ':?' || op === '?') {
    if (op === ':?' ? nonEmpty : set) return { value: value!, applied: true };
    const reason = substitute(arg, env);
    if (reason.error) return { value: '', applied: true, error: reason.error };
    return { value: '', applied: true, error: { kind: 'required', subject: name, message: `required variable ${name} is missing a value${reason.value ? `: ${reason.value}` : ''}` } };
  }
  if (op === ':-' || op === '-') {
    if (op === ':-' ? nonEmpty : set) return { value: value!, applied: true };
    const d = substitute(arg, env);
    return { value: d.value, applied: true, ...(d.error ? { error: d.error } : {}) };
  }
  // `:+` / `+`
  if (op === ':+' ? nonEmpty : set) {
    const r = substitute(arg, env);
    return { value: r.value, applied: true, ...(r.error ? { error: r.error } : {}) };
  }
  return { value: value ?? '', applied: true };
}

function replacement(match: string, env: ComposeEnv, template: string): Applied {
  const op = operatorFor(match);
  const close = firstBraceClosing(match);
  let rest = '';
  let sub = match;
  if (close > -1) {
    rest = match.slice(close + 1);
    sub = match.slice(0, close + 1);
  }
  const m = SINGLE.exec(sub);
  if (m?.[1] !== undefined) return { value: m[1], applied: true };
  const named = m?.[2];
  const substitution = named ?? m?.[3] ?? '';
  if (substitution === '') return { value: '', applied: false, error: { kind: 'invalid', subject: template, message: `invalid interpolation format for "${template}"` } };
  if (named === undefined) {
    const r = applyOperator(op, substitution, env);
    if (r.error) return r;
    if (r.applied) {
      const nested = substitute(rest, env);
      return { value: r.value + nested.value, applied: true, ...(nested.error ? { error: nested.error } : {}) };
    }
  }
  const v = env.get(substitution);
  return { value: v ?? '', applied: v !== undefined };
}

/** Compose's value of one string. On an error the first one is returned with what was substituted. */
export function substitute(template: string, env: ComposeEnv): Substituted {
  if (!template.includes('$')) return { value: template };
  let error: InterpolationError | undefined;
  const value = template.replace(PATTERN, (match: string) => {
    const r = replacement(match, env, template);
    if (r.error && !error) error = r.error;
    return r.value;
  });
  return error ? { value, error } : { value };
}

/** An interpolation error with the line of the scalar holding it. */
export interface TreeError extends InterpolationError {
  line: number;
}

/**
 * The tree compose reads: every string scalar value (not keys, not numbers or booleans, which
 * compose's YAML library has already typed) substituted. Lines are kept; aliases point at the
 * substituted copy of their anchor (interpolation does not depend on where a value sits, so one
 * copy per node serves every alias to it, and an alias bomb stays linear).
 */
export function interpolateTree(root: YNode, env: ComposeEnv, errors: TreeError[]): YNode {
  const memo = new Map<YNode, YNode>();
  const aliases: { from: YNode & { t: 'alias' }; copy: { target: YNode | undefined } }[] = [];
  // without recursion: documents are read up to 10,000 levels deep (./deep.ts)
  const visit = (top: YNode): YNode => {
    let result: YNode = top;
    const work: { n: YNode; set: (v: YNode) => void }[] = [{ n: top, set: (v) => (result = v) }];
    while (work.length > 0) {
      const { n, set } = work.pop()!;
      const done = memo.get(n);
      if (done) {
        set(done);
        continue;
      }
      let out: YNode;
      const later: { n: YNode; set: (v: YNode) => void }[] = [];
      if (n.t === 'scalar') out = scalar(n, env, errors);
      else if (n.t === 'alias') {
        const copy = { t: 'alias' as const, line: n.line, name: n.name, target: undefined as YNode | undefined };
        aliases.push({ from: n, copy });
        out = copy;
      } else if (n.t === 'map') {
        const m: YMap = { t: 'map', line: n.line, pairs: n.pairs.map((p) => ({ key: p.key, value: null })) };
        n.pairs.forEach((p, i) => {
          if (p.value !== null) later.push({ n: p.value, set: (v) => (m.pairs[i]!.value = v) });
        });
        out = m;
      } else {
        const q: YSeq = { t: 'seq', line: n.line, items: n.items.map(() => null) };
        n.items.forEach((it, i) => {
          if (it !== null) later.push({ n: it, set: (v) => (q.items[i] = v) });
        });
        out = q;
      }
      memo.set(n, out);
      set(out);
      for (let i = later.length - 1; i >= 0; i--) work.push(later[i]!);
    }
    return result;
  };
  const result = visit(root);
  for (let i = 0; i < aliases.length; i++) {
    const a = aliases[i]!;
    a.copy.target = a.from.target === undefined ? undefined : visit(a.from.target);
  }
  return result;
}

/** A scalar compose interpolated, with the text the file holds. */
export interface InterpolatedScalar extends YScalar {
  readonly written: string;
}

function scalar(n: YScalar, env: ComposeEnv, errors: TreeError[]): YScalar {
  if (typeof n.value !== 'string' || !n.value.includes('$')) return n;
  const r = substitute(n.value, env);
  if (r.error) errors.push({ ...r.error, line: n.line });
  const out: InterpolatedScalar = { t: 'scalar', line: n.line, value: r.value, source: r.value, merge: n.merge, written: n.value };
  return out;
}

/**
 * The text a scalar has in the file, before interpolation (what is committed to the repository:
 * a rule about literals in the file reads this, not compose's value). Undefined for non-scalars.
 */
export function writtenText(node: YNode | null | undefined): string | undefined {
  if (node === null || node === undefined || node.t !== 'scalar' || node.value === null) return undefined;
  if ('written' in node && typeof node.written === 'string') return node.written;
  if (typeof node.value === 'string') return node.value;
  return node.source !== '' ? node.source : String(node.value);
}
