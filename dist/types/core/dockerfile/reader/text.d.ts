/**
 * Text as BuildKit's Go code sees it. A file is decoded as Go decodes UTF-8: each byte that is not part
 * of a valid sequence stands for itself, here as the lone surrogate U+DC80+byte (Go reads it as
 * U+FFFD, one per byte). Some BuildKit steps walk bytes rather than runes (flags, HEALTHCHECK);
 * they work on a "byte string" (one character per byte) made by toBytes and read back by fromBytes.
 */
import { isGoSpace } from '../directives.js';
export { isGoSpace };
/** Decodes UTF-8 bytes as Go does, keeping invalid bytes as lone surrogates U+DC80..U+DCFF. */
export declare function decodeGo(bytes: Uint8Array): string;
/** One character per UTF-8 byte of `s` (a kept invalid byte is its own byte again). */
export declare function toBytes(s: string): string;
/** Reads a byte string (see toBytes) back as Go would read those bytes. */
export declare function fromBytes(b: string): string;
/** Number of UTF-8 bytes Go holds for `s`. */
export declare function byteLength(s: string): number;
/** What Go writes out for `s`: a kept invalid byte becomes U+FFFD (as Go's runes and its JSON encoder do). */
export declare function goRunes(s: string): string;
/** Go's strings.ToLower: a simple mapping per code point (so `İ` is `i`). */
export declare function goLower(s: string): string;
export declare function trimLeftSpace(s: string): string;
/** Go's strings.TrimSpace (Unicode blanks at both ends). */
export declare function trimSpace(s: string): string;
/** BuildKit's trimNewline: every trailing CR and LF. */
export declare function trimNewline(s: string): string;
