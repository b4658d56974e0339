/** The Dockerfile rules, in id order. Each lives in its own file with its metadata. */
import type { DockerfileRule } from '../types.js';
export declare const dockerfileRules: readonly DockerfileRule[];
