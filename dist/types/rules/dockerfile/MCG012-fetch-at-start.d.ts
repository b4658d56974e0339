import type { DockerfileRule } from '../types.js';
/** A plain description of what the command fetches, or undefined when it fetches nothing. */
export declare function fetchAtStart(argv: readonly string[]): string | undefined;
export declare const rule: DockerfileRule;
