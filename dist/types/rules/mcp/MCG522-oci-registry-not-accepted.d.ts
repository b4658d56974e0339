import type { McpRule } from './types.js';
export declare function acceptedHost(host: string): boolean;
export declare const rule: McpRule;
