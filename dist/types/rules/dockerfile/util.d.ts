import type { Instruction, Stage } from '../../core/dockerfile/model.js';
/** The stage as it appears in fingerprints: its name, else its index. */
export declare function stageLabel(stage: Stage): string;
/** Fingerprint key of an instruction within its stage (line numbers never enter it). */
export declare function insKey(stage: Stage, ins: Instruction): string;
/** FROM key without tag or digest, so that a version bump keeps the fingerprint. */
export declare function fromKey(stage: Stage): string;
/** True for USER values that mean root: root, 0, root:x, 0:x. */
export declare function isRootUser(user: string, passwd?: string): boolean;
/**
 * False only when no shell word the instruction runs can spell one of `names`: a cheap test that
 * lets a rule looking for a few programs skip instructions that cannot hold them. True is no
 * promise (the rule still does its full check). The names hold no quote, backslash or line end.
 */
export declare function mayMention(ins: Instruction, names: readonly string[]): boolean;
