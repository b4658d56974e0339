/**
 * Stable fingerprints (DESIGN §3): they survive rebuilds, retags, version bumps and line shifts,
 * and never contain a secret (secret findings put only a hash of the secret in their key).
 */
import * as crypto from 'node:crypto';
import type { Finding } from './types.js';

// crypto.hash (Node 20.12+) hashes a string in one call, without a Hash object per finding
const oneShot: ((algorithm: string, data: string, encoding: 'hex') => string) | undefined = typeof crypto.hash === 'function' ? crypto.hash : undefined;

export function sha256Hex(s: string): string {
  return oneShot ? oneShot('sha256', s, 'hex') : crypto.createHash('sha256').update(s).digest('hex');
}

/** The identity of a finding before occurrence numbering. */
export function baseFingerprint(f: Pick<Finding, 'ruleId' | 'source' | 'location' | 'fingerprintKey' | 'target'>): string {
  // Rules: id + path + key (stage + normalised instruction or YAML key path).
  // Scanner findings: their adapters put package/detector identity into the key; the target
  // keeps the same CVE in two images apart.
  // the same text as joining the parts with U+0000 (join writes null and undefined as '')
  const s = (v: string | null | undefined): string => (v === undefined || v === null ? '' : v);
  const text =
    f.source === 'mcg'
      ? `${s(f.ruleId)}\u0000${s(f.location.path)}\u0000${s(f.fingerprintKey)}`
      : `${s(f.source)}\u0000${s(f.ruleId)}\u0000${s(f.fingerprintKey)}\u0000${s(f.target)}`;
  return sha256Hex(text).slice(0, 32);
}

/**
 * Fills `fingerprint` for every finding, numbering identical ones (`<hash>` then `<hash>:2` …)
 * in their stable order so that two identical instructions keep distinct identities.
 */
export function assignFingerprints(findings: Finding[]): void {
  // an open-addressing table of the base fingerprints met (typed arrays, nothing per finding for
  // the garbage collector), keyed by their first hex digits: slot → index of the first finding
  // with that base (plus one; 0: empty), whose fingerprint is the base itself, and its count
  let cap = 16;
  while (cap < findings.length * 2) cap *= 2;
  const mask = cap - 1;
  const first = new Int32Array(cap);
  const count = new Int32Array(cap);
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    const base = baseFingerprint(f);
    let h = 0x811c9dc5;
    for (let j = 0; j < 8 && j < base.length; j++) h = Math.imul(h ^ base.charCodeAt(j), 0x01000193);
    let i = h & mask;
    while (first[i] !== 0 && findings[first[i]! - 1]!.fingerprint !== base) i = (i + 1) & mask;
    if (first[i] === 0) {
      first[i] = k + 1;
      count[i] = 1;
      f.fingerprint = base;
    } else f.fingerprint = `${base}:${++count[i]!}`;
  }
}

/** SARIF `partialFingerprints` for a finding (GitHub reads `primaryLocationLineHash`). */
export function partialFingerprints(f: Finding): Record<string, string> {
  return { primaryLocationLineHash: primaryLocationLineHash(f.fingerprint), 'mcg/v1': f.fingerprint };
}

/** `<first 16 hex digits>:<occurrence>` of a fingerprint (`<hash>` or `<hash>:<n>`). */
export function primaryLocationLineHash(fingerprint: string): string {
  const colon = fingerprint.indexOf(':');
  if (colon < 0) return `${fingerprint.slice(0, 16)}:1`;
  const next = fingerprint.indexOf(':', colon + 1);
  return `${fingerprint.slice(0, Math.min(16, colon))}:${fingerprint.slice(colon + 1, next < 0 ? undefined : next)}`;
}
