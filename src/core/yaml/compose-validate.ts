/**
 * Compose's refusals of a whole compose document (issue 17): the document as compose-go v2.16.2
 * validates it (./compose-json.ts, ./compose-casts.ts) checked against compose's schema
 * (./compose-spec-schema.ts) with ajv, each refusal at the line of the key or item it concerns,
 * with the reason in compose's words where it has them. Pure (the compiled schema is cached).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { YDoc } from './ast.js';
import { castAndDedupe, dedupeLists } from './compose-casts.js';
import { lineAt, toJson, type Json, type Segment } from './compose-json.js';
import { COMPOSE_SCHEMA } from './compose-spec-schema.js';

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
    if (Array.isArray(x)) work.push(...x);
    else if (x !== null && typeof x === 'object') work.push(...Object.values(x));
  }
  return false;
}

/** Why compose refuses this document (empty: it loads it); the first refusal is the one compose names. */
export function documentRefusals(y: YDoc): DocumentRefusal[] {
  if (y.root === null) return [];
  const { value, lines } = toJson(y, y.root);
  const at = (path: readonly Segment[]): number => lineAt(value, lines, path) ?? y.root!.line;
  const out: DocumentRefusal[] = [];
  for (const e of castAndDedupe(value)) out.push({ line: at(e.path), field: e.path.join('.'), message: `${e.path.join('.')}: ${e.message}` });
  if (out.length > 0) return out;
  if (hasNonFinite(value)) return [{ line: y.root.line, field: '', message: 'a .inf or .nan value, which compose cannot convert to JSON to validate it' }];
  dedupeLists(value, lines);
  const validate = validator();
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'allOf');
  errors.sort((a, b) => specificity(b) - specificity(a));
  const best = errors[0];
  if (!best) return [{ line: y.root.line, field: '', message: 'the document does not match compose\'s schema' }];
  const path: Segment[] = segments(best.instancePath);
  const p = best.params as Record<string, unknown>;
  const extra = p['additionalProperty'] ?? p['unevaluatedProperty'];
  const linePath = extra !== undefined ? [...path, String(extra)] : path;
  return [{ line: at(linePath), field: path.join('.'), message: describe(best, path.join('.')) }];
}
