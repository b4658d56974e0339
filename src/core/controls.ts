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

/**
 * Characters that change how text looks without showing themselves: zero-width spaces and joiners,
 * bidirectional overrides and isolates, word joiners, the byte-order mark, the soft hyphen. In a
 * message or a copyable fix they hide what the reader copies, so they are shown as `<U+200D>`.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** A lone surrogate: how the Dockerfile reader holds a byte that is not UTF-8 (src/core/utf8-go.ts). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Untrusted text made fit for a message: escape sequences and controls removed (TAB and LF kept),
 * invisible characters shown, and each byte that was not UTF-8 one U+FFFD (as Go prints it).
 */
export function visibleText(text: string): string {
  return stripEscapes(text)
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
