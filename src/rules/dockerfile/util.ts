/** Helpers shared by the Dockerfile rules. Pure. */
import type { Instruction, Stage } from '../../core/dockerfile/model.js';
import { normalizedText } from '../../core/dockerfile/model.js';

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

/** True for USER values that mean root: root, 0, root:x, 0:x. */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0]!.trim();
  return u === 'root' || u === '0';
}

/** The quote and escape characters a shell removes from inside a word (`c"ur"l` is `curl`). */
const SHELL_QUOTING = /[\\'"\r\n]/g;

/**
 * False only when no shell word the instruction runs can spell one of `names`: a cheap test that
 * lets a rule looking for a few programs skip instructions that cannot hold them. True is no
 * promise (the rule still does its full check).
 */
export function mayMention(ins: Instruction, names: readonly string[]): boolean {
  let text = ins.json ? ins.json.join(' ') : ins.rest;
  for (const h of ins.heredocs) text += `\n${h.body}`;
  if (names.some((n) => text.includes(n))) return true;
  if (!/[\\'"]/.test(text)) return false;
  const plain = text.replace(SHELL_QUOTING, '');
  return names.some((n) => plain.includes(n));
}
