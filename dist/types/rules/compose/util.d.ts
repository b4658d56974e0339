/** Helpers shared by the compose rules. Pure. */
import type { RuleHit } from '../../core/types.js';
import { type Entry } from '../../core/yaml/ast.js';
import type { ComposeService } from '../../core/yaml/models.js';
import type { ComposeContext } from '../yaml-types.js';
/** A key of a service (merge keys applied). */
export declare function key(s: ComposeService, name: string): Entry | undefined;
/** Runs `fn` for every service and collects the hits. */
export declare function eachService(ctx: ComposeContext, fn: (s: ComposeService) => RuleHit[] | RuleHit | undefined): RuleHit[];
