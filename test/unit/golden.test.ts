/** Golden tables (test/support/corpus.ts expectGolden): a missing table fails, and only UPDATE_SNAPSHOTS=1 writes one. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { expectGolden } from '../support/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = process.env['UPDATE_SNAPSHOTS'];
afterEach(() => {
  if (saved === undefined) delete process.env['UPDATE_SNAPSHOTS'];
  else process.env['UPDATE_SNAPSHOTS'] = saved;
});

describe('expectGolden', () => {
  it('fails on a missing table, saying how to create it, and does not create it', () => {
    delete process.env['UPDATE_SNAPSHOTS'];
    const file = join(dir, 'missing.snapshot');
    expect(() => expectGolden(file, 'a\n')).toThrow(/missing: create it with UPDATE_SNAPSHOTS=1/);
    expect(existsSync(file)).toBe(false);
  });

  it('fails on a table that differs, and leaves it as it was', () => {
    delete process.env['UPDATE_SNAPSHOTS'];
    const file = join(dir, 'old.snapshot');
    writeFileSync(file, 'old\n');
    expect(() => expectGolden(file, 'new\n')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expectGolden(file, 'old\n');
  });

  it('writes the table under UPDATE_SNAPSHOTS=1', () => {
    process.env['UPDATE_SNAPSHOTS'] = '1';
    const file = join(dir, 'new.snapshot');
    expectGolden(file, 'fresh\n');
    expect(readFileSync(file, 'utf8')).toBe('fresh\n');
  });
});
