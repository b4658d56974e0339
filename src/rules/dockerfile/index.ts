/** The Dockerfile rules, in id order. Each lives in its own file with its metadata. */
import type { DockerfileRule } from '../types.js';
import { rule as MCG001 } from './MCG001-root-user.js';

export const dockerfileRules: readonly DockerfileRule[] = [MCG001];
