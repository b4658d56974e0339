/**
 * Terminal escape sequences and control characters in untrusted text (tool output, names).
 * Sequences (CSI colour codes, OSC titles) are removed whole, so no `[31m` residue is left; then
 * every C0/C1 control but TAB, LF and CR, which the callers fold or encode themselves. Pure.
 */
const ESCAPES_AND_CONTROLS =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function stripEscapes(text: string): string {
  return text.replace(ESCAPES_AND_CONTROLS, '');
}
