import { describe, expect, it } from 'vitest';
// @ts-expect-error: bench/lib.mjs is plain JavaScript without types
import { verdict } from '../../bench/lib.mjs';

const v = verdict as (r: { value: number | null; ratio?: number; target: string }) => boolean | null;

describe('bench verdict: the met? column reads the target it prints', () => {
  it.each([
    [{ value: 5200, target: '>= 5000' }, true],
    [{ value: 4999.9, target: '>= 5000' }, false],
    [{ value: 120, target: '<= 150' }, true],
    [{ value: 151, target: '<= 150' }, false],
    [{ value: 3, target: '≤ 10%' }, true],
    [{ value: 100, ratio: 0.04, target: 'ratio <= 0.05 (20x faster)' }, true],
    [{ value: 100, ratio: 0.06, target: 'ratio <= 0.05 (20x faster)' }, false],
    [{ value: 9000, ratio: 0.56, target: 'ours/sequential ≤ 0.8' }, true],
    [{ value: 9000, ratio: 0.93, target: 'ours/sequential ≤ 0.8' }, false],
    [{ value: 28.6, target: '>= 10' }, true],
    [{ value: null, target: '>= 10' }, false],
    [{ value: 600, target: 'report' }, null],
  ])('%j → %s', (r, want) => {
    expect(v(r)).toBe(want);
  });
});
