/** Trivy DB mirrors, download failures and age (issue #23 item 3): the pure part. Outputs are Trivy 0.74's, captured against local fakes. */
import { describe, expect, it } from 'vitest';
import { backoffDelays, checkDbAge, dbDownloadFailure, dbFailureMessage, parseMaxDbAge, parseRepositories } from '../../../src/core/trivy-db.js';
import { buildArgs } from '../../../src/scanners/trivy.js';

const err = (repo: string, answer: string): string =>
  `2026-12-08T00:44:51Z\tERROR\t[vulndb] Failed to download artifact\trepo="${repo}" err="OCI repository error: 1 error occurred:\\n\\t* Get \\"https://127.0.0.1:39431/v2/\\": http: server gave HTTP response to HTTPS client; GET http://127.0.0.1:39431/v2/: ${answer}\\n\\n"`;
const fatal = '2026-12-08T00:44:51Z\tFATAL\tFatal error\trun error: init error: DB error: failed to download vulnerability DB: OCI artifact error: failed to download vulnerability DB: failed to download artifact from any source: 1 error occurred:';

describe('parseRepositories', () => {
  it.each([
    ['', []],
    ['mirror.example/trivy-db:2', ['mirror.example/trivy-db:2']],
    ['a.example/db\n# comment\nb.example:5000/x/y:2,a.example/db', ['a.example/db', 'b.example:5000/x/y:2']],
    ['oci://a.example/db', ['a.example/db']],
  ])('%j', (t, want) => expect(parseRepositories(t)).toEqual(want));
  it.each(['https://a.example/db', 'a.example', 'a b/c', '-x/y', 'a.example/db;rm'])('refuses %j', (t) => expect(() => parseRepositories(t)).toThrow(/not an OCI repository/));
});

describe('parseMaxDbAge', () => {
  it.each([
    ['', undefined],
    ['24', 24],
    ['1.5', 1.5],
  ])('%j', (t, want) => expect(parseMaxDbAge(t)).toBe(want));
  it.each(['0', '-1', 'x', '9999'])('refuses %j', (t) => expect(() => parseMaxDbAge(t)).toThrow(/hours/));
});

describe('dbDownloadFailure', () => {
  it('a rate limit: retryable, names the repository and the answer', () => {
    const f = dbDownloadFailure(`${err('127.0.0.1:39431/trivy-db:2', 'TOOMANYREQUESTS: retry-after: 1s, allowed: 44000/minute')}\n${fatal}`);
    expect(f).toEqual({ retryable: true, answers: [{ repository: '127.0.0.1:39431/trivy-db:2', answer: 'TOOMANYREQUESTS: retry-after: 1s, allowed: 44000/minute', retryable: true }] });
  });
  it('5xx answers, every mirror in order', () => {
    const f = dbDownloadFailure([err('m1.example/db:2', 'unexpected status code 502 Bad Gateway'), err('m2.example/db:2', 'UNAVAILABLE: service unavailable'), fatal].join('\n'));
    expect(f?.retryable).toBe(true);
    expect(f?.answers.map((a) => [a.repository, a.answer])).toEqual([
      ['m1.example/db:2', 'unexpected status code 502 Bad Gateway'],
      ['m2.example/db:2', 'UNAVAILABLE: service unavailable'],
    ]);
  });
  it('a 404 or an auth failure is not retried', () => {
    const f = dbDownloadFailure(`${err('m.example/db:2', 'MANIFEST_UNKNOWN: manifest unknown')}\n${fatal}`);
    expect(f?.retryable).toBe(false);
    expect(f?.answers[0]?.answer).toBe('MANIFEST_UNKNOWN: manifest unknown');
  });
  it('not a DB failure: undefined', () => expect(dbDownloadFailure('FATAL\tFatal error\trun error: image scan error: unable to open /x.tar')).toBeUndefined());
  it('the MCG990 message names each repository and its answer', () => {
    const f = dbDownloadFailure(`${err('m.example/db:2', 'TOOMANYREQUESTS: slow down')}\n${fatal}`)!;
    expect(dbFailureMessage(f, ['m.example/db:2'], 4)).toMatch(/after 4 attempts: m\.example\/db:2 answered "TOOMANYREQUESTS: slow down"/);
  });
});

describe('backoff and argv', () => {
  it('three waits, growing', () => expect(backoffDelays(10)).toEqual([10, 40, 150]));
  it('one flag per mirror, in order', () => {
    const a = buildArgs({ input: '/i.tar', cacheDir: '/c', dbRepositories: ['a.example/db', 'b.example/db'], javaDbRepositories: ['j.example/jdb'] });
    expect(a.slice(a.indexOf('--db-repository'))).toEqual(['--db-repository', 'a.example/db', '--db-repository', 'b.example/db', '--java-db-repository', 'j.example/jdb']);
  });
});

describe('checkDbAge', () => {
  const now = new Date('2026-01-20T00:00:00Z');
  const meta = (at: string): string => JSON.stringify({ Version: 2, UpdatedAt: at, NextUpdate: '2099-01-01T00:00:00Z' });
  it('fresh enough', () => expect(checkDbAge({ metadataJson: meta('2026-01-19T12:00:00Z'), now, maxHours: 24, offline: false })).toEqual({ ageHours: 12 }));
  it('too old: failing', () => expect(checkDbAge({ metadataJson: meta('2026-01-15T00:00:00Z'), now, maxHours: 24, offline: false }).failure).toMatch(/120 h old .* older than max-db-age 24 h/));
  it('too old with offline: a note, not a failure', () => {
    const v = checkDbAge({ metadataJson: meta('2026-01-15T00:00:00Z'), now, maxHours: 24, offline: true });
    expect(v.failure).toBeUndefined();
    expect(v.note).toMatch(/accepted because offline: true/);
  });
  it('unknown age fails closed', () => expect(checkDbAge({ metadataJson: '{', now, maxHours: 24, offline: false }).failure).toMatch(/unknown/));
});
