import type { McpRule } from './types.js';
export declare function pinned(spec: string): boolean;
export declare const rule: McpRule;
