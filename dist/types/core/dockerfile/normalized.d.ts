/** The text of an instruction as fingerprints key it (DESIGN §3). */
import type { Instruction } from './model-types.js';
/** Normalised instruction text for fingerprints: keyword + whitespace-folded arguments, versions masked. */
export declare function normalizedText(ins: Instruction): string;
