/**
 * The Trivy DB cache key and the restore/save decisions, with an injected cache service (the real
 * protocol runs in test/e2e/action-trivy-cache.test.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionTrivyCache, trivyCacheKey, trivyCacheNoSaveReason, trivyCachePaths, type CacheService } from '../../../src/action/trivy-cache.js';
import type { Logger } from '../../../src/core/types.js';

const d = (iso: string): Date => new Date(iso);

describe('trivyCacheKey', () => {
  it('one key per Trivy version, OS, arch and UTC day; the prefix up to the day restores an earlier day', () => {
    expect(trivyCacheKey({ trivyVersion: '0.74.0', os: 'linux', arch: 'x64', date: d('2026-11-23T14:00:00Z') })).toEqual({
      key: 'mcg-trivy-0.74.0-linux-x64-2026-11-23',
      restoreKeys: ['mcg-trivy-0.74.0-linux-x64-'],
    });
  });

  it('the day is the UTC day, whatever the local time zone', () => {
    expect(trivyCacheKey({ trivyVersion: '0.74.0', os: 'linux', arch: 'x64', date: d('2026-11-23T23:59:59.999Z') }).key).toMatch(/-2026-11-23$/);
    expect(trivyCacheKey({ trivyVersion: '0.74.0', os: 'linux', arch: 'x64', date: d('2026-11-24T00:00:00Z') }).key).toMatch(/-2026-11-24$/);
  });

  it('a leading v is dropped; other versions, OSes and arches make other keys and prefixes', () => {
    const base = { os: 'linux', arch: 'x64', date: d('2026-01-02T00:00:00Z') };
    expect(trivyCacheKey({ ...base, trivyVersion: 'v0.74.0' }).key).toBe('mcg-trivy-0.74.0-linux-x64-2026-01-02');
    const keys = new Set(
      [
        { ...base, trivyVersion: '0.74.0' },
        { ...base, trivyVersion: '0.75.0' },
        { ...base, trivyVersion: '0.74.0', os: 'darwin' },
        { ...base, trivyVersion: '0.74.0', arch: 'arm64' },
      ].map((i) => trivyCacheKey(i).restoreKeys[0]),
    );
    expect(keys.size).toBe(4);
  });

  it('an unknown version or odd characters never make an invalid key (no commas, bounded length)', () => {
    const k = trivyCacheKey({ trivyVersion: undefined, os: 'linux', arch: 'x64', date: d('2026-01-02T00:00:00Z') });
    expect(k.key).toBe('mcg-trivy-unknown-linux-x64-2026-01-02');
    const odd = trivyCacheKey({ trivyVersion: `1.0,2 ${'x'.repeat(600)}`, os: 'linux', arch: 'x64', date: d('2026-01-02T00:00:00Z') });
    expect(odd.key).not.toMatch(/[,\s]/);
    expect(odd.key.length).toBeLessThanOrEqual(512);
  });

  it('only the DB directories are cached, not the per-image scan cache', () => {
    expect(trivyCachePaths('/c')).toEqual(['/c/db', '/c/java-db']);
  });
});

describe('trivyCacheNoSaveReason', () => {
  it('fork pull requests and pull_request_target restore only; other runs may save', () => {
    expect(trivyCacheNoSaveReason({ readOnly: false, eventName: 'push' })).toBeUndefined();
    expect(trivyCacheNoSaveReason({ readOnly: false, eventName: 'pull_request' })).toBeUndefined();
    expect(trivyCacheNoSaveReason({ readOnly: true, readOnlyReason: 'pull request from the fork x/y', eventName: 'pull_request' })).toMatch(/fork/);
    expect(trivyCacheNoSaveReason({ readOnly: false, eventName: 'pull_request_target' })).toMatch(/pull_request_target/);
  });
});

interface Fake extends CacheService {
  restores: string[][];
  saves: string[];
}

function fake(over: Partial<CacheService> & { hit?: string } = {}): Fake {
  const f: Fake = {
    restores: [],
    saves: [],
    isFeatureAvailable: over.isFeatureAvailable ?? (() => true),
    restoreCache:
      over.restoreCache ??
      (async (_paths, key, restoreKeys) => {
        f.restores.push([key, ...(restoreKeys ?? [])]);
        return over.hit;
      }),
    saveCache:
      over.saveCache ??
      (async (_paths, key) => {
        f.saves.push(key);
        return 7;
      }),
  };
  return f;
}

function logs(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, logger: { debug: (m) => lines.push(`debug ${m}`), info: (m) => lines.push(`info ${m}`), warning: (m) => lines.push(`warning ${m}`), error: (m) => lines.push(`error ${m}`) } };
}

function dbDir(): string {
  const c = mkdtempSync(join(tmpdir(), 'mcg-tc-'));
  mkdirSync(join(c, 'db'));
  writeFileSync(join(c, 'db', 'metadata.json'), '{}');
  return c;
}

const now = d('2026-11-23T10:00:00Z');
const KEY = `mcg-trivy-0.74.0-linux-x64-2026-11-23`;

describe('ActionTrivyCache', () => {
  it('miss → restore once (however many targets), save once after a good Trivy run', async () => {
    const svc = fake();
    const { logger } = logs();
    const c = new ActionTrivyCache({ logger, service: svc, now, os: 'linux', arch: 'x64' });
    const dir = dbDir();
    await Promise.all([c.restore('0.74.0', dir), c.restore('0.74.0', dir)]);
    expect(svc.restores).toEqual([[KEY, 'mcg-trivy-0.74.0-linux-x64-']]);
    expect(await c.save(true)).toEqual({ saved: true, reason: KEY });
    expect(svc.saves).toEqual([KEY]);
  });

  it('an exact hit is not saved again; a restore-key hit (an earlier day) is', async () => {
    const exact = fake({ hit: KEY });
    const a = new ActionTrivyCache({ logger: logs().logger, service: exact, now, os: 'linux', arch: 'x64' });
    await a.restore('0.74.0', dbDir());
    expect((await a.save(true)).saved).toBe(false);
    expect(exact.saves).toEqual([]);
    const older = fake({ hit: 'mcg-trivy-0.74.0-linux-x64-2026-11-22' });
    const b = new ActionTrivyCache({ logger: logs().logger, service: older, now, os: 'linux', arch: 'x64' });
    await b.restore('0.74.0', dbDir());
    expect((await b.save(true)).saved).toBe(true);
  });

  it('no save when Trivy did not run or failed, when there is no DB on disk, or when the run may not write', async () => {
    const svc = fake();
    expect((await new ActionTrivyCache({ logger: logs().logger, service: svc, now }).save(true)).reason).toBe('Trivy did not run');
    const failed = new ActionTrivyCache({ logger: logs().logger, service: svc, now });
    await failed.restore('0.74.0', dbDir());
    expect((await failed.save(false)).reason).toBe('Trivy did not succeed');
    const empty = new ActionTrivyCache({ logger: logs().logger, service: svc, now });
    await empty.restore('0.74.0', mkdtempSync(join(tmpdir(), 'mcg-tc-empty-')));
    expect((await empty.save(true)).reason).toBe('no Trivy DB on disk');
    const fork = new ActionTrivyCache({ logger: logs().logger, service: svc, now, noSaveReason: 'fork: restore only' });
    await fork.restore('0.74.0', dbDir());
    expect((await fork.save(true)).reason).toBe('fork: restore only');
    expect(svc.saves).toEqual([]);
  });

  it('no cache service: an info line, no call; a service that throws: a warning, never an exception', async () => {
    const none = fake({ isFeatureAvailable: () => false });
    const l1 = logs();
    const a = new ActionTrivyCache({ logger: l1.logger, service: none, now });
    await a.restore('0.74.0', dbDir());
    expect((await a.save(true)).saved).toBe(false);
    expect(none.restores).toEqual([]);
    expect(l1.lines.some((l) => l.startsWith('info Trivy DB cache: no GitHub Actions cache service'))).toBe(true);
    expect(l1.lines.some((l) => l.startsWith('warning'))).toBe(false);

    const broken = fake({
      restoreCache: async () => {
        throw new Error('Key Validation Error');
      },
      saveCache: async () => {
        throw new Error('boom');
      },
    });
    const l2 = logs();
    const b = new ActionTrivyCache({ logger: l2.logger, service: broken, now });
    await expect(b.restore('0.74.0', dbDir())).resolves.toBeUndefined();
    expect(l2.lines.some((l) => /^warning Trivy DB cache: restore failed/.test(l))).toBe(true);
    await expect(b.save(true)).resolves.toMatchObject({ saved: false });

    const saveThrows = fake({
      saveCache: async () => {
        throw new Error('boom');
      },
    });
    const l3 = logs();
    const c = new ActionTrivyCache({ logger: l3.logger, service: saveThrows, now });
    await c.restore('0.74.0', dbDir());
    await expect(c.save(true)).resolves.toEqual({ saved: false, reason: 'save failed' });
    expect(l3.lines.some((l) => /^warning Trivy DB cache: save failed/.test(l))).toBe(true);
  });
});
