import type { DockerfileRule } from '../types.js';
export declare const rule: DockerfileRule;
