import type { McpRule } from './types.js';
export declare const rule: McpRule;
