/** Helpers shared by the compose rules. Pure. */
import type { RuleHit } from '../../core/types.js';
import { get, type Entry } from '../../core/yaml/ast.js';
import type { ComposeService } from '../../core/yaml/models.js';
import type { ComposeContext } from '../yaml-types.js';
import { appendAll } from '../../core/arrays.js';

/** A key of a service (merge keys applied). */
export function key(s: ComposeService, name: string): Entry | undefined {
  return get(s.y, s.node, name);
}

/** Runs `fn` for every service and collects the hits. */
export function eachService(ctx: ComposeContext, fn: (s: ComposeService) => RuleHit[] | RuleHit | undefined): RuleHit[] {
  const out: RuleHit[] = [];
  for (const s of ctx.services) {
    const r = fn(s);
    if (Array.isArray(r)) appendAll(out, r);
    else if (r) out.push(r);
  }
  return out;
}
