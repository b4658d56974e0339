import type { Instruction } from '../../core/dockerfile/model.js';
export { fromKey, insKey, stageLabel } from '../../core/dockerfile/keys.js';
/** True for USER values that mean root: root, 0, root:x, 0:x. */
export declare function isRootUser(user: string, passwd?: string): boolean;
/**
 * False only when no shell word the instruction runs can spell one of `names`: a cheap test that
 * lets a rule looking for a few programs skip instructions that cannot hold them. True is no
 * promise (the rule still does its full check). The names hold no quote, backslash or line end.
 */
export declare function mayMention(ins: Instruction, names: readonly string[]): boolean;
