/**
 * What compose-go v2.16.2 refuses after its schema accepted a document: in Normalize, a
 * namespace key (`pid`, `network_mode` …) present but null stops it with a panic (the schema lets
 * null through); in decoding to its Go types, a string in a boolean field that is not one of its
 * boolean spellings, and a float in a string list (`group_add: [1.5]`; integers are printed).
 * Pure, on the plain JSON of ./compose-json.ts.
 */
import type { Json, Segment } from './compose-json.js';

export interface DecodeRefusal {
  path: Segment[];
  message: string;
}

const isObj = (v: Json | undefined): v is { [k: string]: Json } => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

const NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'];
/** Boolean fields of compose's Go types that the schema also lets hold a string and no cast covers. */
const BOOL_PATHS = [['build', 'no_cache'], ['build', 'pull'], ['build', 'privileged']];
const STRING_LISTS = ['group_add'];
const BOOLEAN = /^(?:true|false|y|yes|on|n|no|off)$/i;

/** The refusals of one service, in the order compose meets them (Normalize before decoding). */
function serviceRefusals(name: string, svc: { [k: string]: Json }): DecodeRefusal[] {
  const out: DecodeRefusal[] = [];
  for (const k of NAMESPACES) {
    if (k in svc && svc[k] === null) out.push({ path: ['services', name, k], message: `compose stops on a null ${k} (interface conversion: interface {} is nil, not string); remove the key or give it a value` });
  }
  for (const p of BOOL_PATHS) {
    let v: Json | undefined = svc;
    for (const s of p) v = isObj(v) ? v[s] : undefined;
    if (typeof v === 'string' && !BOOLEAN.test(v)) out.push({ path: ['services', name, ...p], message: `invalid boolean: ${v.slice(0, 40)}` });
  }
  for (const k of STRING_LISTS) {
    const list = svc[k];
    if (!Array.isArray(list)) continue;
    list.forEach((x, i) => {
      if (typeof x === 'number' && !Number.isInteger(x)) out.push({ path: ['services', name, k, i], message: "expected type 'string', got unconvertible type 'float64'" });
    });
  }
  return out;
}

export function decodeRefusals(root: Json): DecodeRefusal[] {
  const services = isObj(root) ? root['services'] : undefined;
  if (!isObj(services)) return [];
  return Object.entries(services).flatMap(([name, svc]) => (isObj(svc) ? serviceRefusals(name, svc) : []));
}
