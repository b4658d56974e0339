import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutTo, fitBlocks, hardCut, measureBytes, measureChars, text, type Block } from '../../../src/reporters/fit.js';

const rows = (name: string, priority: number, n: number, size = 10): Block => ({
  kind: 'rows',
  priority,
  head: `[${name}]\n`,
  rows: Array.from({ length: n }, (_, i) => `${name}${i}`.padEnd(size - 1, '.') + '\n'),
  tail: `[/${name}]\n`,
  omitted: (k) => `(${k} ${name} left out)\n`,
});

describe('fitBlocks', () => {
  it('keeps everything when it fits, in document order, without notes', () => {
    const r = fitBlocks([text('T\n'), rows('a', 1, 3), rows('b', 0, 2)], 10_000, measureChars);
    expect(r.ok).toBe(true);
    expect(r.omitted).toBe(0);
    expect(r.text.indexOf('[a]')).toBeLessThan(r.text.indexOf('[b]'));
    expect(r.text).not.toContain('left out');
  });

  it('fills the more important block first and cuts the other from its end, saying how many', () => {
    const blocks = [text('T\n'), rows('detail', 2, 50), rows('top', 0, 10)];
    const r = fitBlocks(blocks, 200, measureChars);
    expect(r.ok).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(200);
    expect(r.text).toContain('top9');
    expect(r.text.match(/\(\d+ top left out\)/)).toBeNull();
    const left = Number(/\((\d+) detail left out\)/.exec(r.text)?.[1]);
    const kept = (r.text.match(/^detail\d+/gm) ?? []).length;
    expect(kept + left).toBe(50);
    expect(r.omitted).toBe(left);
  });

  it('drops a block’s frame when none of its rows fit', () => {
    const r = fitBlocks([text('T\n'), rows('a', 0, 5, 100)], 60, measureChars);
    expect(r.text).not.toContain('[a]');
    expect(r.text).toContain('(5 a left out)');
  });

  it('reports not ok when the fixed text alone is too big', () => {
    expect(fitBlocks([text('x'.repeat(100))], 50, measureChars).ok).toBe(false);
  });

  it('property: never over the cap when ok; kept + omitted = all rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 2, max: 60 })), { maxLength: 5 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.string({ maxLength: 50 }),
        (specs, max, fixed) => {
          const blocks: Block[] = [text(fixed), ...specs.map(([p, n, size], i) => rows(`b${i}x`, p, n, size))];
          const r = fitBlocks(blocks, max, measureBytes);
          const total = specs.reduce((s, [, n]) => s + n, 0);
          const kept = specs.reduce((s, _x, i) => s + (r.text.match(new RegExp(`^b${i}x\\d+`, 'gm')) ?? []).length, 0);
          expect(kept + r.omitted).toBe(total);
          if (r.ok) expect(measureBytes(r.text)).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('cutTo / hardCut', () => {
  it('cuts by the measure without splitting a surrogate pair', () => {
    expect(cutTo('abcdef', 3, measureChars)).toBe('abc');
    expect(measureBytes(cutTo('€€€', 7, measureBytes))).toBeLessThanOrEqual(7);
    expect(cutTo('a😀', 2, measureChars)).toBe('a');
    expect(hardCut('line1\nline2\nline3', 14, measureChars, '…')).toBe('line1\nline2\n…');
    expect(hardCut('short', 100, measureChars, '…')).toBe('short');
  });
});
