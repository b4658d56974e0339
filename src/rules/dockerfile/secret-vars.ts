/** ENV/ARG declarations with secret-like names, for MCG009 and MCG010. Pure. */
import type { DockerfileModel, Instruction, Property, Stage } from '../../core/dockerfile/model.js';
import { isSecretName } from '../../core/secret-names.js';
import { stageLabel } from './util.js';

export interface SecretVar {
  ins: Instruction;
  prop: Property;
  /** undefined for global ARGs before the first FROM. */
  stage: Stage | undefined;
  /** `global` or the stage label: part of the fingerprint key (never the value). */
  scope: string;
}

/** Every ENV/ARG property with a secret-like name, global ARGs included, in file order. */
export function secretVars(model: DockerfileModel, keywords: readonly string[]): SecretVar[] {
  const out: SecretVar[] = [];
  for (const ins of model.instructions) {
    if (!keywords.includes(ins.keyword)) continue;
    const stage = ins.stageIndex >= 0 ? model.stages[ins.stageIndex] : undefined;
    for (const prop of ins.properties) {
      if (!isSecretName(prop.name)) continue;
      out.push({ ins, prop, stage, scope: stage ? stageLabel(stage) : 'global' });
    }
  }
  return out;
}

export function scopeText(v: SecretVar): string {
  return v.stage ? `stage ${stageLabel(v.stage)}` : 'the global scope (before the first FROM)';
}
