/** Helpers shared by the Kubernetes rules. Pure. */
import type { RuleHit } from '../../core/types.js';
import { getPath, type Entry } from '../../core/yaml/ast.js';
import type { K8sContainer, K8sWorkload } from '../../core/yaml/models.js';
import type { K8sContext } from '../yaml-types.js';
import { appendAll } from '../../core/arrays.js';

type Result = RuleHit[] | RuleHit | undefined;

function push(out: RuleHit[], r: Result): void {
  if (Array.isArray(r)) appendAll(out, r);
  else if (r) out.push(r);
}

export function eachWorkload(ctx: K8sContext, fn: (w: K8sWorkload) => Result): RuleHit[] {
  const out: RuleHit[] = [];
  for (const w of ctx.workloads) push(out, fn(w));
  return out;
}

/** Every container and init container of every workload. */
export function eachContainer(ctx: K8sContext, fn: (w: K8sWorkload, c: K8sContainer) => Result): RuleHit[] {
  const out: RuleHit[] = [];
  for (const w of ctx.workloads) for (const c of w.containers) push(out, fn(w, c));
  return out;
}

/** `securityContext.<key…>` of a container. */
export function sc(w: K8sWorkload, c: K8sContainer, ...keys: string[]): Entry | undefined {
  return getPath(w.y, c.node, 'securityContext', ...keys);
}

/** How a container is named in messages. */
export function label(w: K8sWorkload, c: K8sContainer): string {
  return `${c.list === 'initContainers' ? 'Init container' : 'Container'} "${c.name}" of ${w.object.kind} "${w.object.name}"`;
}
