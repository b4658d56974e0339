/**
 * Variable expansion as BuildKit's lexer does it, its bound, and stage handling that stays linear
 * (correctness only here; the growth in time is measured by `npm run bench -- dockerfile-growth`).
 */
import { describe, expect, it } from 'vitest';
import { MAX_EXPANDED, parseDockerfile, processWord, resolveStageRef, stageChain, variablesAt } from '../../src/core/dockerfile/model.js';
import { makeRepo, staticScan } from '../support/repo.js';

const vars = new Map<string, string | undefined>([
  ['A', 'abcabc'],
  ['E', ''],
  ['P', '/usr/local/bin'],
  ['U', undefined],
]);
const word = (w: string, esc = '\\'): string => processWord(w, (n) => vars.get(n), { escape: esc });

describe('processWord (BuildKit shell lexer)', () => {
  it.each([
    ['$A ${A}', 'abcabc abcabc'],
    ['${N:-d} ${E:-d} ${E-d} ${U-d}', 'd d  d'],
    ['${A:+y} ${E:+y} ${E+y} ${N+y}', 'y  y '],
    ['${A#a*c} ${A##a*c} ${A%b*} ${A%%b*}', 'abc  abca a'],
    ['${P#/usr} ${P%/*}', '/local/bin /usr/local'],
    ['${A/b/X} ${A//b/X} ${A//*/X}', 'aXcabc aXcaXc X'],
    ["'$A' \"$A\" \\$A", '$A abcabc $A'],
    ['"a\\"b" "\\q"', 'a"b \\q'],
    ['$1x $ $- ${N}', 'x $  '],
  ])('%s', (input, expected) => {
    expect(word(input)).toBe(expected);
  });

  it('uses the file escape character', () => {
    expect(word('`$A \\n', '`')).toBe('$A \\n');
  });

  it.each([['${A:?gone}'], ['${N?}'], ['${E:?}'], ['${A'], ['"open'], ["'open"], ['${A:#x}'], ['${}']])('rejects %s as BuildKit does', (input) => {
    if (input === '${A:?gone}') expect(word(input)).toBe('abcabc');
    else expect(() => word(input)).toThrow();
  });
});

/** ARG A1=$A0$A0 … : each value twice the one before. */
const doubling = (n: number): string => ['ARG A0=xxxxxxxx', ...Array.from({ length: n }, (_, i) => `ARG A${i + 1}=$A${i}$A${i}`), 'FROM alpine:3.20', 'RUN echo $A0', ''].join('\n');

describe('bounded expansion', () => {
  it('a self-doubling ARG chain stops at the bound with an issue on the line of the first value over it', () => {
    const m = parseDockerfile('Dockerfile', doubling(60));
    const over = m.issues.filter((i) => /longer than/.test(i.message));
    // 8 · 2^k characters: A17 is 1 MiB, A18 the first over the bound; the ones after it name an unset variable
    expect(over.map((i) => i.line)).toEqual([19]);
    expect(over[0]!.fatal).toBe(false);
    expect(m.globalArgs.get('A17')!.length).toBe(MAX_EXPANDED);
    expect(m.globalArgs.get('A18')).toBeUndefined();
    expect(m.globalArgs.get('A19')).toBe('');
    expect(m.stages).toHaveLength(1);
  });

  it('in a scan of two files, the blow-up is a failing MCG991 on its line and the other file is still checked', async () => {
    const root = makeRepo({ 'a/Dockerfile': doubling(60), 'b/Dockerfile': 'FROM ubuntu\nUSER root\n' });
    const r = await staticScan(root);
    const bad = r.findings.filter((f) => f.ruleId === 'MCG991' && f.location.path === 'a/Dockerfile');
    expect(bad.map((f) => f.location.startLine)).toEqual([19]);
    expect(bad[0]!.failing).toBe(true);
    expect(r.findings.some((f) => f.location.path === 'b/Dockerfile' && f.ruleId === 'MCG004')).toBe(true);
    expect(r.findings.some((f) => f.location.path === 'b/Dockerfile' && f.ruleId === 'MCG001')).toBe(true);
    expect(r.result).toBe('fail');
  });
});

describe('scoping', () => {
  it('global ARGs reach FROM only; a stage sees one it declares again; ENV wins over ARG', () => {
    const m = parseDockerfile('Dockerfile', 'ARG V=1 R\nFROM "img:$V" AS a\nENV X=e\nARG X=a Y=$X V\nFROM ${R}/b$NONE\n');
    expect(m.stages.map((s) => s.base)).toEqual(['img:1', '/b']);
    expect([...variablesAt(m, m.stages[0]!)]).toEqual([['X', 'e'], ['Y', 'e'], ['V', '1']]);
    expect(m.stages[1]!.image).toMatchObject({ unresolved: true, tagVaries: false, tag: undefined });
  });

  it('a value BuildKit cannot expand is an issue on its line', () => {
    const m = parseDockerfile('Dockerfile', 'FROM alpine:3.20\nARG A\nENV B="${A:?must be set}"\n');
    expect(m.issues.map((i) => [i.line, /must be set/.test(i.message)])).toEqual([[3, true]]);
  });
});

/** n stages, each FROM the one before it, each with its own ENV and ARG. */
const chained = (n: number): string =>
  ['FROM alpine:3.20 AS s0', ...Array.from({ length: n - 1 }, (_, i) => `FROM s${i} AS s${i + 1}\nARG K=${i + 1}\nENV V${i % 7}=$K`), ''].join('\n');

describe('many stages', () => {
  it.each([2000, 4000])('%i chained stages: parents, chains and variables are right', (n) => {
    const m = parseDockerfile('Dockerfile', chained(n));
    expect(m.stages).toHaveLength(n);
    expect(m.stages.every((s, i) => (i === 0 ? s.parent === undefined : s.parent === i - 1))).toBe(true);
    const last = m.stages[n - 1]!;
    expect(stageChain(m, last)).toHaveLength(n);
    expect(resolveStageRef(m, 'S7', n)).toBe(7);
    expect(resolveStageRef(m, 's7', 7)).toBeUndefined();
    const v = variablesAt(m, last);
    expect(v.get('K')).toBe(String(n - 1));
    // V<i % 7> holds the last K written to it; ARGs do not cross stages, ENV does
    expect(v.get(`V${(n - 2) % 7}`)).toBe(String(n - 1));
    expect(v.get(`V${(n - 3) % 7}`)).toBe(String(n - 2));
    expect(m.issues).toEqual([]);
  });

  it('a stage name used twice: FROM names the latest one before it', () => {
    const m = parseDockerfile('Dockerfile', 'FROM a:1 AS x\nFROM b:1 AS x\nFROM x\nFROM c:1 AS y\n');
    expect(m.stages[2]!.parent).toBe(1);
    expect(resolveStageRef(m, 'x', 1)).toBe(0);
    expect(resolveStageRef(m, 'y', 3)).toBeUndefined();
  });
});
