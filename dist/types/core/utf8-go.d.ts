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
export declare function decodeUtf8Go(bytes: Uint8Array, keepBytes?: boolean): GoDecoded;
