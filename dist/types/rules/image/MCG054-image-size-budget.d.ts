import type { ImageRule } from './types.js';
export declare function formatBytes(n: number): string;
export declare const rule: ImageRule;
