import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SecretRegistry, shortenSecretLike } from '../../../src/core/secret-registry.js';

// fast-check prints the seed and the counterexample when a property fails
const SEED = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);
const RUNS = { numRuns: 300, seed: SEED };

/** Printable text with regex metacharacters well represented. */
const secretArb = (min: number, max: number) =>
  fc.string({ unit: fc.oneof(fc.constantFrom(...'.*+?^${}()|[]\\/-_%&="\''), fc.string({ minLength: 1, maxLength: 1 })), minLength: min, maxLength: max }).filter((s) => s.trim().length >= 4 && !/\s/.test(s));

const surround = fc.string({ maxLength: 40 });

describe('SecretRegistry', () => {
  it('removes every registered value (4..200 chars, regex metacharacters) from any text around it', () => {
    fc.assert(
      fc.property(secretArb(4, 200), surround, surround, (secret, a, b) => {
        const r = new SecretRegistry();
        r.add(secret);
        const out = r.redact(`${a}${secret}${b}${secret}`);
        expect(out).not.toContain(secret);
      }),
      RUNS,
    );
  });

  it('removes overlapping secrets, whatever order they were registered in', () => {
    fc.assert(
      fc.property(secretArb(8, 60), fc.integer({ min: 2, max: 6 }), surround, (s, cut, a) => {
        const first = s.slice(0, s.length - cut + 2 > 4 ? s.length - cut : 4);
        const second = s.slice(cut);
        const r = new SecretRegistry();
        r.add(second);
        r.add(first);
        r.add(s);
        const out = r.redact(`${a}${s}${a}${first}${second}`);
        for (const v of [s, first, second].filter((x) => x.trim().length >= 4)) expect(out).not.toContain(v);
      }),
      RUNS,
    );
  });

  it('removes a secret written JSON-escaped or URL-encoded', () => {
    fc.assert(
      fc.property(secretArb(4, 80), (secret) => {
        const r = new SecretRegistry();
        r.add(secret);
        const json = JSON.stringify({ message: `build said ${secret}` });
        expect(r.redact(json)).not.toContain(JSON.stringify(secret).slice(1, -1));
        expect(JSON.parse(r.redact(json)).message).not.toContain(secret);
        const url = `https://example.invalid/?q=${encodeURIComponent(secret)}`;
        expect(r.redact(url)).not.toContain(encodeURIComponent(secret));
      }),
      RUNS,
    );
  });

  it('redacts strings and keys deep in a report-like object, and leaves the input alone', () => {
    const r = new SecretRegistry();
    r.add('hunter2!');
    const input = { findings: [{ message: 'pw=hunter2!', n: 3 }], 'key-hunter2!': true };
    const out = r.redactDeep(input);
    expect(JSON.stringify(out)).not.toContain('hunter2!');
    expect(out.findings[0]!.n).toBe(3);
    expect(input.findings[0]!.message).toBe('pw=hunter2!');
  });

  it('ignores values shorter than 4 characters and registers multi-line values line by line', () => {
    const r = new SecretRegistry();
    const seen: string[] = [];
    r.onAdd((v) => seen.push(v));
    expect(r.add('abc')).toBe(false);
    r.add('line-one-value\nline-two-value');
    expect(r.redact('x line-two-value y abc')).toBe('x *** y abc');
    expect(seen).toContain('line-one-value');
    expect(r.add('line-one-value')).toBe(false);
  });

  it('registers environment values with secret-like names only', () => {
    const r = new SecretRegistry();
    r.addSecretEnv({ DB_PASSWORD: 'pa55word', GITHUB_TOKEN: 'tok-1234', HOME: '/root', TOKEN_FILE: '/run/x' });
    expect(r.redact('pa55word tok-1234 /root /run/x')).toBe('*** *** /root /run/x');
  });
});

describe('shortenSecretLike', () => {
  it('shortens token-shaped identifiers and keeps ordinary ones', () => {
    expect(shortenSecretLike('GHP_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')).toBe('GHP_…');
    expect(shortenSecretLike('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…');
    expect(shortenSecretLike('HEALTHCHECK')).toBe('HEALTHCHECK');
    expect(shortenSecretLike('metadata.name')).toBe('metadata.name');
  });
});

describe('addSecretEnv leaves configuration alone', () => {
  it('skips INPUT_* (the action registers its secret inputs itself) and plain words', () => {
    const r = new SecretRegistry();
    r.addSecretEnv({ 'INPUT_VERIFY-SECRETS': 'true', SECRET_MODE: 'auto', 'INPUT_GITHUB-TOKEN': 'ghs_x1234' });
    expect(r.size).toBe(0);
    expect(r.redact('{"ok":true}')).toBe('{"ok":true}');
  });
});
