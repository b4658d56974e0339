/** Fingerprint keys of stages and instructions (line numbers never enter them). Pure. */
import type { Instruction, Stage } from './model.js';
import { normalizedText } from './model.js';

/** The stage as it appears in fingerprints: its name, else its index. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? String(stage.index);
}

/** Fingerprint key of an instruction within its stage (line numbers never enter it). */
export function insKey(stage: Stage, ins: Instruction): string {
  if (ins.keyword === 'FROM') return fromKey(stage);
  return `${stageLabel(stage)}|${normalizedText(ins)}`;
}

/** FROM key without tag or digest, so that a version bump keeps the fingerprint. */
export function fromKey(stage: Stage): string {
  const base = stage.image ? (stage.image.registry ? `${stage.image.registry}/` : '') + stage.image.repository : stage.base;
  return `${stageLabel(stage)}|FROM ${base}`;
}
