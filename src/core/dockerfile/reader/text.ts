/**
 * Text as BuildKit's Go code sees it. A file is decoded as Go decodes UTF-8: each byte that is not part
 * of a valid sequence stands for itself, here as the lone surrogate U+DC80+byte (Go reads it as
 * U+FFFD, one per byte). Some BuildKit steps walk bytes rather than runes (flags, HEALTHCHECK);
 * they work on a "byte string" (one character per byte) made by toBytes and read back by fromBytes.
 */
import { isGoSpace } from '../directives.js';
import { decodeUtf8Go } from '../../utf8-go.js';

export { isGoSpace };

/** Decodes UTF-8 bytes as Go does, keeping invalid bytes as lone surrogates U+DC80..U+DCFF. */
export function decodeGo(bytes: Uint8Array): string {
  return decodeUtf8Go(bytes, true).text;
}

/** One character per UTF-8 byte of `s` (a kept invalid byte is its own byte again). */
export function toBytes(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) out += String.fromCharCode(cp - 0xdc00);
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\xef\xbf\xbd';
    else out += unescape(encodeURIComponent(ch));
  }
  return out;
}

/** Reads a byte string (see toBytes) back as Go would read those bytes. */
export function fromBytes(b: string): string {
  if (/^[\x00-\x7f]*$/.test(b)) return b;
  const bytes = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);
  return decodeGo(bytes);
}

/** Number of UTF-8 bytes Go holds for `s`. */
export function byteLength(s: string): number {
  return toBytes(s).length;
}

/** What Go writes out for `s`: a kept invalid byte becomes U+FFFD (as Go's runes and its JSON encoder do). */
export function goRunes(s: string): string {
  return s.replace(/[\udc80-\udcff]/g, (c, i: number, all: string) => (i > 0 && /[\ud800-\udbff]/.test(all[i - 1]!) ? c : '\ufffd'));
}

/** Go's strings.ToLower: a simple mapping per code point (so `İ` is `i`). */
export function goLower(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const low = ch === '\u0130' ? 'i' : ch.toLowerCase();
    out += [...low].length === 1 ? low : ch;
  }
  return out;
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return s.slice(i);
}

/** Go's strings.TrimSpace (Unicode blanks at both ends). */
export function trimSpace(s: string): string {
  let j = s.length;
  while (j > 0 && isGoSpace(s.charCodeAt(j - 1))) j--;
  return trimLeftSpace(s.slice(0, j));
}

/** BuildKit's trimNewline: every trailing CR and LF. */
export function trimNewline(s: string): string {
  let j = s.length;
  while (j > 0 && (s[j - 1] === '\n' || s[j - 1] === '\r')) j--;
  return s.slice(0, j);
}
