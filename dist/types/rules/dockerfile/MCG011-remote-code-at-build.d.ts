import type { DockerfileRule } from '../types.js';
/** Does this interpreter call read its program from stdin (`sh`, `bash -s --`, `python3 -`, `node`)? */
export declare function runsStdin(argv: readonly string[]): boolean;
export declare const rule: DockerfileRule;
