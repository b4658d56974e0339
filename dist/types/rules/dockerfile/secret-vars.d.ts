/** ENV/ARG declarations with secret-like names, for MCG009 and MCG010. Pure. */
import type { DockerfileModel, Instruction, Property, Stage } from '../../core/dockerfile/model.js';
export interface SecretVar {
    ins: Instruction;
    prop: Property;
    /** undefined for global ARGs before the first FROM. */
    stage: Stage | undefined;
    /** `global` or the stage label: part of the fingerprint key (never the value). */
    scope: string;
}
/** Every ENV/ARG property with a secret-like name, global ARGs included, in file order. */
export declare function secretVars(model: DockerfileModel, keywords: readonly string[]): SecretVar[];
export declare function scopeText(v: SecretVar): string;
