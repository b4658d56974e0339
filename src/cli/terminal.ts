/**
 * The CLI's terminal text: C0/C1 control characters (ESC, CSI, BEL, NUL, DEL …) and bidi
 * overrides are removed from everything the CLI writes, so an untrusted name cannot drive the
 * terminal. Line feeds and tabs stay. Structured output (JSON, SARIF) escapes controls itself.
 *
 * Standard output may keep plain colour sequences (SGR, `ESC [ 1;31 m`): the table reporter
 * writes them with `--color`, and it has already removed every control character from the
 * untrusted text it shows (src/reporters/escape.ts), so an SGR on standard output is its own.
 * Every other sequence (cursor moves, OSC titles, screen clears) loses its ESC there too.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SGR = /(\u001b\[[0-9;]*m)/;

export function terminalSafe(text: string, opts: { keepColour?: boolean } = {}): string {
  if (!opts.keepColour) return text.replace(TERMINAL_CONTROLS, '');
  // split with a capture group: odd items are the colour sequences, kept as they are
  return text
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(TERMINAL_CONTROLS, '')))
    .join('');
}
