/** Helpers shared by the Dockerfile rules. Pure. */
import { isRootUserSpec } from '../../core/user.js';
import type { Instruction } from '../../core/dockerfile/model.js';

export { fromKey, insKey, stageLabel } from '../../core/dockerfile/keys.js';

/** True for USER values that mean root: root, 0, root:x, 0:x. */
export function isRootUser(user: string, passwd?: string): boolean {
  return isRootUserSpec(user, passwd);
}

/** The quote and escape characters a shell removes from inside a word (`c"ur"l` is `curl`). */
const SHELL_QUOTING = /[\\'"\r\n]/g;

/**
 * False only when no shell word the instruction runs can spell one of `names`: a cheap test that
 * lets a rule looking for a few programs skip instructions that cannot hold them. True is no
 * promise (the rule still does its full check). The names hold no quote, backslash or line end.
 */
export function mayMention(ins: Instruction, names: readonly string[]): boolean {
  const plain = unquoted(ins);
  for (const n of names) if (plain.includes(n)) return true;
  return false;
}

/**
 * What an instruction runs (exec-form words, the argument text, heredoc bodies), with the shell's
 * quote and escape characters and line ends taken out when it has any quoting (`c"ur"l` is
 * `curl`). A name that holds none of those characters and is in the text as written is in this
 * text too: taking characters out never splits it.
 */
function unquoted(ins: Instruction): string {
  let text = ins.json ? ins.json.join(' ') : ins.rest;
  for (const h of ins.heredocs) text += `\n${h.body}`;
  if (!/[\\'"]/.test(text)) return text;
  return text.replace(SHELL_QUOTING, '');
}
