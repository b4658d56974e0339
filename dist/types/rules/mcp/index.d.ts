/** The MCP launch and publication rules (MCG5xx), in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { McpRule } from './types.js';
export declare const mcpRules: readonly McpRule[];
export declare const mcpRuleMetas: readonly RuleMeta[];
