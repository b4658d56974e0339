import { type ImageRule } from './types.js';
export declare const TOOLS: {
    name: string;
    what: string;
    paths: string[];
}[];
export declare const rule: ImageRule;
