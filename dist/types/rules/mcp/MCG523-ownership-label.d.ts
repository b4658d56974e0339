import type { McpRule } from './types.js';
export declare const OWNERSHIP_LABEL = "io.modelcontextprotocol.server.name";
export declare const rule: McpRule;
