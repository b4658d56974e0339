/**
 * Compose's refusals of a whole compose document (issue 17): the document as compose-go v2.16.2
 * validates it (./compose-json.ts, ./compose-casts.ts) checked against compose's schema
 * (./compose-spec-schema.ts, ./compose-spec-container.ts) with ajv, each refusal at the line of the key or item it concerns,
 * with the reason in compose's words where it has them. Pure (the compiled schema is cached).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { YDoc } from './ast.js';
import { castAndDedupe, dedupeLists } from './compose-casts.js';
import { decodeRefusals } from './compose-decode.js';
import { lineAt, toJson, type Json, type Segment } from './compose-json.js';
import { COMPOSE_SCHEMA } from './compose-spec-schema.js';
import { parsePortSpec } from './compose-ports.js';
import { goFloatText } from './compose-scalars.js';
import { appendAll } from '../arrays.js';

export interface DocumentRefusal {
  line: number;
  /** Dotted path of what is refused (`services.a.ports.0`). */
  field: string;
  message: string;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: false, validateSchema: false }).compile(COMPOSE_SCHEMA);
  return compiled;
}

const segments = (pointer: string): string[] => (pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));

/** compose's order of preference among errors: the deepest, an unknown key counting one deeper. */
function specificity(e: ErrorObject): number {
  return segments(e.instancePath).length + (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties' ? 1 : 0);
}

function describe(e: ErrorObject, at: string): string {
  const where = at || 'the top level';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}: additional property "${String(p['additionalProperty']).slice(0, 80)}" is not allowed (extensions are named x-…)`;
    case 'unevaluatedProperties':
      return `${where}: additional property "${String(p['unevaluatedProperty']).slice(0, 80)}" is not allowed (extensions are named x-…)`;
    case 'type':
      return `${where} must be a ${String(p['type']).replace('object', 'mapping').split(',').join(' or ')}`;
    case 'enum':
      return `${where} must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `${where}: "${String(p['missingProperty'])}" is required`;
    case 'uniqueItems':
      return `${where} items at ${String(p['j'])} and ${String(p['i'])} are equal: remove one`;
    case 'pattern':
      return `${where} does not match ${String(p['pattern'])}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function hasNonFinite(v: Json): boolean {
  const work: Json[] = [v];
  while (work.length > 0) {
    const x = work.pop()!;
    if (typeof x === 'number' && !Number.isFinite(x)) return true;
    if (Array.isArray(x)) appendAll(work, x);
    else if (x !== null && typeof x === 'object') appendAll(work, Object.values(x));
  }
  return false;
}

const isObj = (v: Json | undefined): v is { [k: string]: Json } => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** What compose refuses when it converts a valid document (its canonical form and types): ports, cpus. */
function conversionRefusals(root: Json): { path: Segment[]; message: string }[] {
  const out: { path: Segment[]; message: string }[] = [];
  const services = isObj(root) ? root['services'] : undefined;
  if (!isObj(services)) return out;
  for (const [name, svc] of Object.entries(services)) {
    if (!isObj(svc)) continue;
    const ports = svc['ports'];
    if (Array.isArray(ports)) {
      ports.forEach((p, i) => {
        const path = ['services', name, 'ports', i];
        if (typeof p === 'number' && !Number.isInteger(p)) out.push({ path, message: `invalid type float64 for port (${goFloatText(p)})` });
        const spec = typeof p === 'number' && Number.isInteger(p) ? String(p) : typeof p === 'string' ? p : undefined;
        const r = spec === undefined ? undefined : parsePortSpec(spec);
        if (r && 'error' in r) out.push({ path, message: r.error });
      });
    }
    const res = isObj(svc['deploy']) ? svc['deploy']['resources'] : undefined;
    for (const part of ['limits', 'reservations']) {
      const cpus = isObj(res) && isObj(res[part]) ? res[part]['cpus'] : undefined;
      if (typeof cpus === 'string' && !/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(cpus)) out.push({ path: ['services', name, 'deploy', 'resources', part, 'cpus'], message: `invalid cpus "${cpus.slice(0, 40)}"` });
    }
  }
  return out;
}

/** Why compose refuses this document (empty: it loads it); the first refusal is the one compose names. */
export function documentRefusals(y: YDoc): DocumentRefusal[] {
  if (y.root === null) return [];
  // compose's reading of maps: a quoted "<<" is an ordinary key
  const { value, lines } = toJson({ ...y, mergeCache: new WeakMap(), policy: { maps: 'go-yaml-v4' } }, y.root);
  const at = (path: readonly Segment[]): number => lineAt(value, lines, path) ?? y.root!.line;
  const out: DocumentRefusal[] = [];
  for (const e of castAndDedupe(value)) out.push({ line: at(e.path), field: e.path.join('.'), message: `${e.path.join('.')}: ${e.message}` });
  if (out.length > 0) return out;
  if (hasNonFinite(value)) return [{ line: y.root.line, field: '', message: 'a .inf or .nan value, which compose cannot convert to JSON to validate it' }];
  dedupeLists(value, lines);
  const validate = validator();
  if (validate(value)) return [...decodeRefusals(value), ...conversionRefusals(value)].map((e) => ({ line: at(e.path), field: e.path.join('.'), message: `${e.path.join('.')}: ${e.message}` }));
  const errors = leafErrors(validate.errors ?? []);
  errors.sort((a, b) => specificity(b) - specificity(a));
  if (errors.length === 0) return [{ line: y.root.line, field: '', message: "the document does not match compose's schema" }];
  // one refusal a line, the most specific first (the one compose names is among them)
  const byLine = new Map<number, DocumentRefusal>();
  for (const e of errors) {
    const path: Segment[] = segments(e.instancePath);
    const p = e.params as Record<string, unknown>;
    const extra = p['additionalProperty'] ?? p['unevaluatedProperty'];
    const line = at(extra !== undefined ? [...path, String(extra)] : path);
    if (!byLine.has(line)) byLine.set(line, { line, field: path.join('.'), message: describe(e, path.join('.')) });
  }
  return [...byLine.values()];
}

/**
 * The errors that say why: not the combinators' own (`oneOf` …), and within a `oneOf` only the
 * branches that got furthest into the value (compose names the most specific error; a branch
 * for another shape of the value is not the reason).
 */
function leafErrors(all: readonly ErrorObject[]): ErrorObject[] {
  const leaves = all.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'allOf');
  return leaves.filter((e) => {
    // a key left unevaluated because the subschema that knows it failed on its value: that failure is the reason
    if (e.keyword === 'unevaluatedProperties') {
      const key = `${e.instancePath}/${String((e.params as Record<string, unknown>)['unevaluatedProperty']).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (leaves.some((o) => o.keyword !== 'unevaluatedProperties' && (o.instancePath === key || o.instancePath.startsWith(`${key}/`) || (o.instancePath === e.instancePath && o.keyword === 'required')))) return false;
      if (leaves.some((o) => o.keyword !== 'unevaluatedProperties' && o.instancePath.startsWith(`${e.instancePath}/`))) return false;
    }
    const i = e.schemaPath.lastIndexOf('/oneOf/');
    if (i < 0) return true;
    const base = e.schemaPath.slice(0, i + '/oneOf/'.length);
    return !leaves.some((o) => o !== e && o.schemaPath.startsWith(base) && o.instancePath.startsWith(e.instancePath) && specificity(o) > specificity(e));
  });
}
