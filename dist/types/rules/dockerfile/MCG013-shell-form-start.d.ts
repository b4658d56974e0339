import type { DockerfileRule } from '../types.js';
/**
 * True when the shell script hands PID 1 to a program with `exec`: its first command
 * (`exec node a.js`) or its last one (`cd /app && exec node a.js`).
 */
export declare function endsInExec(script: string): boolean;
export declare const rule: DockerfileRule;
