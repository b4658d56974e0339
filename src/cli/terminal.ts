/**
 * The CLI's terminal text: C0/C1 control characters (ESC, CSI, BEL, NUL, DEL …) and bidi
 * overrides are removed from everything the CLI writes, so an untrusted name cannot drive the
 * terminal. Line feeds and tabs stay. Structured output (JSON, SARIF) escapes controls itself.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '');
}
