/**
 * UTF-8 decoded as Go decodes it (utf8.DecodeRune, `for range` over a string): every byte that does
 * not start a valid, complete, shortest-form sequence is one invalid byte on its own, and decoding
 * goes on at the next byte. So a truncated sequence (`E2 82` then `A`) is two U+FFFD and an `A`,
 * where a WHATWG decoder (TextDecoder, Buffer) folds the truncated sequence into one U+FFFD.
 * BuildKit reads a Dockerfile's bytes this way; the CLI decodes every file this way too.
 */

export interface GoDecoded {
  text: string;
  /** Offset of the first invalid byte, -1 when the bytes are valid UTF-8. */
  firstInvalid: number;
}

/**
 * Decodes `bytes`; an invalid byte becomes U+FFFD, or with `keepBytes` the lone surrogate
 * U+DC80+byte (so that a reader that walks bytes, as BuildKit's flag splitter does, still sees it).
 */
export function decodeUtf8Go(bytes: Uint8Array, keepBytes = false): GoDecoded {
  const out: string[] = [];
  let chunk = '';
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let cp = -1;
    let n = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b <= 0xdf) [cp, n] = sequence(bytes, i, 2, b & 0x1f);
    else if (b >= 0xe0 && b <= 0xef) [cp, n] = sequence(bytes, i, 3, b & 0x0f);
    else if (b >= 0xf0 && b <= 0xf4) [cp, n] = sequence(bytes, i, 4, b & 0x07);
    if (cp < 0) {
      if (firstInvalid < 0) firstInvalid = i;
      cp = keepBytes ? 0xdc00 + b : 0xfffd;
      n = 1;
    }
    chunk += String.fromCodePoint(cp);
    if (chunk.length > 8192) {
      out.push(chunk);
      chunk = '';
    }
    i += n;
  }
  out.push(chunk);
  return { text: out.join(''), firstInvalid };
}

const MIN = [0, 0, 0x80, 0x800, 0x10000];

/** The code point of the `len`-byte sequence at `i`, or -1 when it is truncated, overlong, a surrogate or beyond U+10FFFF. */
function sequence(bytes: Uint8Array, i: number, len: number, first: number): [number, number] {
  let cp = first;
  for (let k = 1; k < len; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return [-1, 1];
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < MIN[len]! || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return [-1, 1];
  return [cp, len];
}
