/**
 * Fake credentials in the formats TruffleHog 3.97 reports offline (unverified), generated from a
 * seeded PRNG so that no secret-shaped literal sits in the repository and every run plants the same
 * values. None was ever issued by anyone. Tests check that the rig's TruffleHog really reports each.
 */
import { generateKeyPairSync } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FakeSecrets {
  github: string;
  slackWebhook: string;
  stripe: string;
  awsKeyId: string;
  awsSecret: string;
  gitlab: string;
  sendgrid: string;
  npm: string;
  /** PKCS#8 RSA private key PEM (fresh per process). */
  privateKeyPem: string;
}

/** `seed` picks the set; different seeds give disjoint values. */
export function fakeSecrets(seed: number): FakeSecrets {
  const rnd = prng(seed);
  const pick = (n: number, alphabet = ALNUM): string => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return {
    github: `ghp_${pick(36)}`,
    slackWebhook: `https://hooks.slack.com/services/T${pick(8, UPPER_DIGITS)}/B${pick(10, UPPER_DIGITS)}/${pick(24)}`,
    stripe: `sk_live_${pick(24)}`,
    awsKeyId: `AKIA${pick(16, BASE32)}`,
    awsSecret: pick(40),
    gitlab: `glpat-${pick(20)}`,
    sendgrid: `SG.${pick(22)}.${pick(43)}`,
    npm: `npm_${pick(36)}`,
    privateKeyPem: privateKey,
  };
}

/** The distinctive parts of a secret that must appear in no output (whole value and inner slices). */
export function secretNeedles(value: string): string[] {
  if (value.includes('PRIVATE KEY')) {
    const body = value.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
    return body.slice(1, 4);
  }
  return [value, value.slice(-16)];
}
