import { describe, expect, it } from 'vitest';
import { diffSurface, isDestructive, pickHints, quoteName, surfacesOfReport } from '../../../src/core/probe/surface.js';
import { parseBaseline } from '../../../src/core/baseline.js';
import type { ProbeTool } from '../../../src/core/probe/search.js';

const H = (c: string): string => c.repeat(64);
const tool = (name: string, d = 'a', s = 'b', annotations?: ProbeTool['annotations']): ProbeTool => ({ name, descriptionHash: H(d), schemaHash: H(s), ...(annotations ? { annotations } : {}) });

describe('diffSurface', () => {
  it('finds added, removed and changed tools, each in name order', () => {
    const d = diffSurface([tool('keep'), tool('gone'), tool('desc'), tool('schema'), tool('both')], [tool('zz'), tool('keep'), tool('desc', 'c'), tool('schema', 'a', 'c'), tool('both', 'c', 'c'), tool('aa')]);
    expect(d.added.map((t) => t.name)).toEqual(['aa', 'zz']);
    expect(d.removed.map((t) => t.name)).toEqual(['gone']);
    expect(d.changed.map((c) => [c.tool.name, c.description, c.schema])).toEqual([
      ['both', true, true],
      ['desc', true, false],
      ['schema', false, true],
    ]);
  });
  it('is empty for the same surface in another order, and ignores hint changes', () => {
    expect(diffSurface([tool('a'), tool('b')], [tool('b', 'a', 'b', { readOnlyHint: true }), tool('a')])).toEqual({ added: [], removed: [], changed: [] });
  });
  it('counts a name listed twice once (its first listing)', () => {
    const d = diffSurface([tool('a')], [tool('a'), tool('a', 'c')]);
    expect(d).toEqual({ added: [], removed: [], changed: [] });
  });
  it('an empty baseline makes every tool added; an empty listing every tool removed', () => {
    expect(diffSurface([], [tool('a')]).added).toHaveLength(1);
    expect(diffSurface([tool('a')], []).removed).toHaveLength(1);
  });
});

describe('tool hints', () => {
  it('keeps only the four boolean hints', () => {
    expect(pickHints({ readOnlyHint: true, destructiveHint: 'yes', title: 'x', openWorldHint: false, idempotentHint: true })).toEqual({ readOnlyHint: true, openWorldHint: false, idempotentHint: true });
    expect(pickHints({ title: 'x' })).toBeUndefined();
    expect(pickHints(undefined)).toBeUndefined();
    expect(pickHints([true])).toBeUndefined();
  });
  it('counts as destructive by the MCP defaults (readOnlyHint false, destructiveHint true)', () => {
    expect(isDestructive(undefined)).toBe(true);
    expect(isDestructive({})).toBe(true);
    expect(isDestructive({ destructiveHint: true })).toBe(true);
    expect(isDestructive({ readOnlyHint: false })).toBe(true);
    expect(isDestructive({ destructiveHint: false })).toBe(false);
    expect(isDestructive({ readOnlyHint: true, destructiveHint: true })).toBe(false);
  });
});

describe('quoteName', () => {
  it('quotes one line without escapes, capped', () => {
    expect(quoteName('a\u001b]0;title\u0007b\r\nc\u0000')).toBe('"ab c"');
    expect(quoteName('x'.repeat(200), 10)).toBe(`"${'x'.repeat(10)}…"`);
  });
});

describe('the baseline surface', () => {
  const report = (targets: unknown): string => JSON.stringify({ findings: [], targets });
  it('is read from a report JSON, by target, hints only', () => {
    const b = parseBaseline(report([{ name: 'app', probe: { status: 'passed', tools: [{ ...tool('a'), annotations: { readOnlyHint: true, title: 'dropped' } }] } }, { name: 'noprobe' }]), 'r.json');
    expect([...b.surfaces!.keys()]).toEqual(['app']);
    expect(b.surfaces!.get('app')).toEqual([tool('a', 'a', 'b', { readOnlyHint: true })]);
  });
  it('skips a broken probe and a target with a malformed tool (not a partial surface)', () => {
    const s = surfacesOfReport({ targets: [{ name: 'broken', probe: { status: 'broken', tools: [] } }, { name: 'bad', probe: { status: 'passed', tools: [tool('a'), { name: 'b', descriptionHash: 'nothex', schemaHash: H('a') }] } }, { name: 'empty', probe: { status: 'passed', tools: [] } }] });
    expect([...s.keys()]).toEqual(['empty']);
  });
  it('a SARIF log carries none', () => {
    expect(parseBaseline(JSON.stringify({ runs: [] }), 'x.sarif').surfaces).toBeUndefined();
  });
});
