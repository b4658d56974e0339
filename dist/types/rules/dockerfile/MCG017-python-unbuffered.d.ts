import type { DockerfileRule } from '../types.js';
/** `python -u …`, `python -Bu …`, `python -um app`: unbuffered by option. */
export declare function pythonDashU(argv: readonly string[]): boolean;
export declare const rule: DockerfileRule;
