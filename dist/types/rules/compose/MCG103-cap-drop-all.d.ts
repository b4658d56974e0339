import type { ComposeRule } from '../yaml-types.js';
export declare const rule: ComposeRule;
