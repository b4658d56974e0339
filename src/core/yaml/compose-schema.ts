/**
 * The part of compose's schema (compose-spec.json in compose-go v2.16.2) that covers the fields
 * the compose rules read: compose refuses a file whose service holds a number or a boolean where
 * the schema wants a string, the same item twice in a list of unique items, or a short volume
 * with an empty part. Pure.
 */
import { deref, get, getPath, items, str, type YDoc } from './ast.js';
import type { ComposeService } from './models.js';

/** Service fields the schema types as a string (a null is unset). */
const STRING_FIELDS = ['image', 'user', 'pid', 'ipc', 'network_mode', 'userns_mode'];
/** Service lists whose items must be unique. */
const UNIQUE_LISTS = ['group_add', 'security_opt'];

export interface SchemaRefusal {
  line: number;
  /** The field, as compose names it in its message (`services.a.user`). */
  field: string;
  message: string;
}

function nonString(y: YDoc, node: unknown): string | undefined {
  const n = deref(y, node);
  if (n === null || n.t !== 'scalar' || n.value === null || typeof n.value === 'string') return undefined;
  return typeof n.value;
}

/** Why compose's schema refuses this service, field by field (empty: it does not). */
export function schemaRefusals(s: ComposeService): SchemaRefusal[] {
  const out: SchemaRefusal[] = [];
  const y = s.y;
  const check = (e: { value: unknown; line: number } | undefined, field: string): void => {
    const t = e ? nonString(y, e.value) : undefined;
    if (e && t) out.push({ line: e.line, field, message: `${field} must be a string (it is a ${t}): quote it` });
  };
  for (const f of STRING_FIELDS) check(get(y, s.node, f), `services.${s.name}.${f}`);
  check(getPath(y, s.node, 'deploy', 'resources', 'limits', 'memory'), `services.${s.name}.deploy.resources.limits.memory`);
  for (const it of items(y, get(y, s.node, 'volumes')?.value)) {
    const v = str(y, it.node);
    // a short volume with an empty part (often an unset variable: `${DATA}:/data`)
    if (v !== undefined && /^:|::|:$/.test(v)) out.push({ line: it.line, field: `services.${s.name}.volumes`, message: `invalid volume spec "${v.slice(0, 80)}": empty section between colons (is a variable unset?)` });
  }
  for (const f of UNIQUE_LISTS) {
    const seen = new Map<string, number>();
    for (const it of items(y, get(y, s.node, f)?.value)) {
      const v = str(y, it.node);
      if (v === undefined) continue;
      const first = seen.get(v);
      if (first !== undefined) {
        out.push({ line: it.line, field: `services.${s.name}.${f}`, message: `services.${s.name}.${f} items at ${first} and ${it.index} are equal ("${v.slice(0, 80)}"): remove one` });
        break;
      }
      seen.set(v, it.index);
    }
  }
  return out;
}
