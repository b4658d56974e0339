import type { ImageRule } from './types.js';
export declare const CA_BUNDLES: string[];
export declare const rule: ImageRule;
