import type { DockerfileRule } from '../types.js';
/** Where a bare program name is looked up (Docker's default PATH). */
export declare const DEFAULT_PATH: string[];
export declare const rule: DockerfileRule;
