import type { ReadNode, ReadProblem } from './index.js';
/** Why BuildKit's ParseInstruction refuses this instruction, or undefined when it accepts it. */
export declare function instructionError(n: ReadNode): string | undefined;
/**
 * instructions.Parse one instruction at a time: give it each instruction in file order; it answers
 * why BuildKit refuses the file at that one (the instruction's own error, or one before any FROM).
 */
export declare function instructionsInOrder(): (n: ReadNode) => ReadProblem | undefined;
/** The first instruction BuildKit's instructions.Parse refuses, with its line, or undefined. */
export declare function firstInstructionError(nodes: readonly ReadNode[]): ReadProblem | undefined;
