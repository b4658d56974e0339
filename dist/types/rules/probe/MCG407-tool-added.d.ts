import type { ProbeRule } from './types.js';
export declare const rule: ProbeRule;
