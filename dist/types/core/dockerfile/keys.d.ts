/** Fingerprint keys of stages and instructions (line numbers never enter them). Pure. */
import type { Instruction, Stage } from './model.js';
/** The stage as it appears in fingerprints: its name, else its index. */
export declare function stageLabel(stage: Stage): string;
/** Fingerprint key of an instruction within its stage (line numbers never enter it). */
export declare function insKey(stage: Stage, ins: Instruction): string;
/** FROM key without tag or digest, so that a version bump keeps the fingerprint. */
export declare function fromKey(stage: Stage): string;
