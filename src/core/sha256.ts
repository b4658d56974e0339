/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, written for the fingerprints: one short string
 * (a rule's key, ~20–200 characters) per finding, tens of thousands of them in a large scan.
 * `crypto.hash` spends ~8,000 instructions a call on OpenSSL's method lookup and the string
 * conversion before hashing one block; this does the whole job in about a third of that, and gives
 * the hex digits as one flat string (no 64-character parent kept alive by a slice of it).
 * test/unit/core/sha256.test.ts checks it against node:crypto for any string, lone surrogates and
 * every block-boundary length included.
 */

/** floor(x^(1/k)) for a non-negative BigInt (Newton's method from above). */
function iroot(x: bigint, k: bigint): bigint {
  if (x < 2n) return x;
  let r = 1n << (BigInt(x.toString(2).length) / k + 1n);
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) return r;
    r = next;
  }
}

function firstPrimes(n: number): number[] {
  const out: number[] = [];
  for (let p = 2; out.length < n; p++) if (out.every((q) => p % q !== 0)) out.push(p);
  return out;
}

// The constants, worked out exactly from their definition: the first 32 bits of the fractional
// parts of the square roots of the first 8 primes (the initial hash) and of the cube roots of the
// first 64 primes (the round constants).
const PRIMES = firstPrimes(64);
const INIT = new Int32Array(PRIMES.slice(0, 8).map((p) => Number(BigInt.asUintN(32, iroot(BigInt(p) << 64n, 2n))) | 0));
const K = new Int32Array(PRIMES.map((p) => Number(BigInt.asUintN(32, iroot(BigInt(p) << 96n, 3n))) | 0));

const W = new Int32Array(64);
const H = new Int32Array(8);
let bytes = new Uint8Array(1024);
const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);
const out: number[] = [];

/** Writes the UTF-8 of `s` (a lone surrogate as U+FFFD, as Node encodes it) to `bytes`; returns the length. */
function utf8(s: string): number {
  const len = s.length;
  if (bytes.length < len * 3 + 72) bytes = new Uint8Array(len * 3 + 72);
  const b = bytes;
  let n = 0;
  for (let i = 0; i < len; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      b[n++] = c;
    } else if (c < 0x800) {
      b[n++] = 0xc0 | (c >> 6);
      b[n++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < len ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[n++] = 0xf0 | (cp >> 18);
          b[n++] = 0x80 | ((cp >> 12) & 0x3f);
          b[n++] = 0x80 | ((cp >> 6) & 0x3f);
          b[n++] = 0x80 | (cp & 0x3f);
          i++;
          continue;
        }
        c = 0xfffd;
      }
      b[n++] = 0xe0 | (c >> 12);
      b[n++] = 0x80 | ((c >> 6) & 0x3f);
      b[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

function compress(b: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++) {
    const o = at + t * 4;
    W[t] = (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const x = W[t - 15]!;
    const y = W[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = H[0]!;
  let bb = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & bb) ^ (a & c) ^ (bb & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = bb;
    bb = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + bb) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

/**
 * `lead` followed by the first `digits` (1–64) lower-case hex digits of SHA-256(UTF-8 of `s`),
 * as one string: `sha256HexPrefix(s, 64)` is the whole digest in hex.
 */
export function sha256HexPrefix(s: string, digits: number, lead = ''): string {
  const n = utf8(s);
  const b = bytes;
  // padding: 0x80, zeros up to 56 mod 64, the length in bits as a 64-bit big-endian number
  let end = n + 1;
  b[n] = 0x80;
  while (end % 64 !== 56) b[end++] = 0;
  const bits = n * 8;
  const high = Math.floor(bits / 0x100000000);
  b[end++] = high >>> 24;
  b[end++] = (high >>> 16) & 0xff;
  b[end++] = (high >>> 8) & 0xff;
  b[end++] = high & 0xff;
  b[end++] = bits >>> 24;
  b[end++] = (bits >>> 16) & 0xff;
  b[end++] = (bits >>> 8) & 0xff;
  b[end++] = bits & 0xff;
  H.set(INIT);
  for (let at = 0; at < end; at += 64) compress(b, at);
  out.length = 0;
  for (let i = 0; i < lead.length; i++) out.push(lead.charCodeAt(i));
  for (let i = 0; i < digits; i++) {
    const word = H[i >> 3]!;
    out.push(HEX[(word >>> (28 - (i & 7) * 4)) & 0xf]!);
  }
  return String.fromCharCode.apply(null, out);
}
