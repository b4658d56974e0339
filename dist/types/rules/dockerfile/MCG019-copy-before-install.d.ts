import type { DockerfileRule } from '../types.js';
/** The ecosystem and command of a dependency install, or undefined. */
export declare function dependencyInstall(argv: readonly string[]): {
    eco: string;
    what: string;
} | undefined;
export declare const rule: DockerfileRule;
