/** Rule interface for the MCP launch and publication rules (MCG5xx). */
import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { McpModel } from '../../core/mcp/model.js';
/** What is known of the image this repository built (from the image config). */
export interface BuiltImage {
    /** The reference it was built or tagged as (`ghcr.io/o/s:1.2.0`). */
    ref?: string;
    labels: Readonly<Record<string, string>>;
}
export interface McpContext {
    path: string;
    model: McpModel;
    image?: BuiltImage;
    /** Least-privilege flags proven by the runtime probe; undefined = the recommended profile. */
    profile?: readonly string[];
}
export interface McpRule {
    meta: RuleMeta;
    check(ctx: McpContext): RuleHit[];
}
