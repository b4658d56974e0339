import type { RuleHit, RuleMeta } from '../../core/types.js';
import { COMPOSE_BOOLEAN_SERVICE_KEYS, composeBool } from '../../core/yaml/compose-cast.js';
import { asMap, deref, get, items, type YDoc } from '../../core/yaml/ast.js';
import type { YNode } from '../../core/yaml/tree.js';
import type { ComposeService } from '../../core/yaml/models.js';
import type { ComposeRule } from '../yaml-types.js';
import { schemaRefusals } from '../../core/yaml/compose-schema.js';
import { documentRefusals } from '../../core/yaml/compose-validate.js';
import { appendAll } from '../../core/arrays.js';

/**
 * Raised where compose (compose-go, the loader of `docker compose`) reads a compose file
 * differently from the YAML specification, or refuses it: YAML 1.1 boolean spellings it casts,
 * values it cannot cast, quoted `"<<"` keys, duplicate keys, malformed `${…}` interpolation.
 * The other rules are evaluated on compose's reading.
 */
export const meta: RuleMeta = {
  id: 'MCG994',
  name: 'read-differently-by-compose',
  title: 'Compose reads this differently from the YAML specification, or refuses it',
  severity: 'high',
  kind: 'meta',
  description:
    'compose-go, the loader behind `docker compose`, casts `yes`/`on`/`y` (and `no`/`off`/`n`) to booleans in fields such as `privileged` and `read_only`, refuses a boolean it cannot cast, refuses duplicate keys, treats a quoted `"<<"` as an ordinary (invalid) key, refuses a malformed `${…}`, and its schema refuses a number where it wants a string (`user: 0`), a repeated `group_add`/`security_opt` item and a short volume with an empty part. Another YAML 1.2 reader, or a reviewer, sees something else.',
  rationale:
    'A value one tool reads as the string "yes" and compose runs as `privileged: true` hides the most dangerous setting a service can have from review and from other scanners. A file compose refuses is not what the repository deploys. Either way the file should say one thing to every reader.',
  fix: 'Write booleans as `true` or `false`; keep one of two repeated keys; write a merge key as a plain `<<: *anchor`; write `${NAME}`, `${NAME:-default}`, or `$$` for a literal `$`; quote numbers in string fields (`user: "1000"`, `memory: 512m`); list an item once; set the variables a volume uses (in the project\'s `.env`) or give them defaults.',
  tags: ['reliability', 'security', 'compose'],
  precision: 'very-high',
};

function booleanHit(s: ComposeService, key: string, node: unknown, line: number): RuleHit | undefined {
  const b = composeBool(s.y, node);
  if (!b?.differs) return undefined;
  if (b.value === undefined) {
    return { line, key: `${s.key}.${key}`, message: `Service "${s.name}": compose refuses \`${key}: ${b.text}\` (not a boolean it can cast), so \`docker compose\` will not load this file.` };
  }
  return {
    line,
    key: `${s.key}.${key}`,
    message: `Service "${s.name}": \`${key}: ${b.text}\` is the string "${b.text}" to a YAML 1.2 reader, but compose casts it to ${b.value}; write \`${key}: ${b.value}\`.`,
  };
}

/** Quoted `"<<"` keys anywhere in the document (compose's schema refuses them). Visits each node once. */
function quotedMergeKeys(y: YDoc, out: RuleHit[]): void {
  const seen = new Set<YNode>();
  const stack: (YNode | null)[] = [y.root];
  while (stack.length > 0) {
    const n = deref(y, stack.pop());
    if (n === null || seen.has(n)) continue;
    seen.add(n);
    if (n.t === 'map') {
      for (const p of n.pairs) {
        const k = p.key;
        if (k !== null && k.t === 'scalar' && !k.merge && k.value === '<<') {
          out.push({
            line: k.line,
            key: `document${y.index}.line${k.line}.<<`,
            message: 'A quoted "<<" key is an ordinary key named "<<" to compose, not a merge key: compose refuses it (services may not have such a key), so `docker compose` will not load this file. Write `<<: *anchor` unquoted.',
          });
        }
        stack.push(p.value);
      }
    } else if (n.t === 'seq') appendAll(stack, n.items);
  }
}

export const rule: ComposeRule = {
  meta,
  check: (ctx) => {
    const out: RuleHit[] = [];
    const seen = new Set<YDoc>();
    for (const s of ctx.services) {
      for (const key of COMPOSE_BOOLEAN_SERVICE_KEYS) {
        const e = get(s.y, s.node, key);
        if (!e) continue;
        const h = booleanHit(s, key, e.value, e.line);
        if (h) out.push(h);
      }
      for (const it of items(s.y, get(s.y, s.node, 'volumes')?.value)) {
        const ro = asMap(s.y, it.node) ? get(s.y, it.node, 'read_only') : undefined;
        if (!ro) continue;
        const h = booleanHit(s, `volumes[${it.index}].read_only`, ro.value, ro.line);
        if (h) out.push(h);
      }
      for (const r of schemaRefusals(s)) {
        out.push({ line: r.line, key: `${r.field}.schema`, message: `Service "${s.name}": compose refuses the file (${r.message}), so \`docker compose\` will not load it.` });
      }
      if (!seen.has(s.y)) {
        seen.add(s.y);
        quotedMergeKeys(s.y, out);
        for (const r of documentRefusals(s.y)) {
          // a boolean compose cannot cast is reported above, with its own fix
          if (out.some((h) => h.line === r.line && h.message.includes('refuses'))) continue;
          out.push({ line: r.line, key: `document${s.y.index}.${r.field}.schema`, message: `compose refuses the file (${r.message}), so \`docker compose\` will not load it.` });
        }
      }
    }
    return out;
  },
};
