import { type ImageRule } from './types.js';
export declare const rule: ImageRule;
