import type { DockerfileRule } from '../types.js';
/** Why a context path is secret-bearing, or undefined. Directories end with '/'. */
export declare function secretBearing(path: string): string | undefined;
export declare const rule: DockerfileRule;
