/** Helpers shared by the Kubernetes rules. Pure. */
import type { RuleHit } from '../../core/types.js';
import { type Entry } from '../../core/yaml/ast.js';
import type { K8sContainer, K8sWorkload } from '../../core/yaml/models.js';
import type { K8sContext } from '../yaml-types.js';
type Result = RuleHit[] | RuleHit | undefined;
export declare function eachWorkload(ctx: K8sContext, fn: (w: K8sWorkload) => Result): RuleHit[];
/** Every container and init container of every workload. */
export declare function eachContainer(ctx: K8sContext, fn: (w: K8sWorkload, c: K8sContainer) => Result): RuleHit[];
/** `securityContext.<key…>` of a container. */
export declare function sc(w: K8sWorkload, c: K8sContainer, ...keys: string[]): Entry | undefined;
/** How a container is named in messages. */
export declare function label(w: K8sWorkload, c: K8sContainer): string;
export {};
