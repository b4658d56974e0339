/**
 * Compose's refusals of a service after its schema (./compose-validate.ts checks the schema): a
 * short volume with an empty part, or a memory size compose cannot read (compose-go v2.16.2
 * refuses both when it converts the file). Pure.
 */
import { deref, get, getPath, items, str } from './ast.js';
import type { ComposeService } from './models.js';
import { memoryBytes } from './compose-syntax.js';

export interface SchemaRefusal {
  line: number;
  /** The field, as compose names it in its message (`services.a.user`). */
  field: string;
  message: string;
}

/** Why compose's schema refuses this service, field by field (empty: it does not). */
export function schemaRefusals(s: ComposeService): SchemaRefusal[] {
  const out: SchemaRefusal[] = [];
  const y = s.y;
  for (const e of [get(y, s.node, 'mem_limit'), getPath(y, s.node, 'deploy', 'resources', 'limits', 'memory')]) {
    const n = e ? deref(y, e.value) : null;
    if (e && n !== null && n.t === 'scalar' && typeof n.value === 'string' && memoryBytes(n.value) === undefined) {
      out.push({ line: e.line, field: `services.${s.name}.memory`, message: `invalid size "${n.value.slice(0, 80)}" (write a size such as 512m or 1g)` });
    }
  }
  for (const it of items(y, get(y, s.node, 'volumes')?.value)) {
    const v = str(y, it.node);
    // a short volume with an empty part (often an unset variable: `${DATA}:/data`)
    if (v !== undefined && /^:|::|:$/.test(v)) out.push({ line: it.line, field: `services.${s.name}.volumes`, message: `invalid volume spec "${v.slice(0, 80)}": empty section between colons (is a variable unset?)` });
  }
  return out;
}
