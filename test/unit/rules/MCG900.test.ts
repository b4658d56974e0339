// MCG900 is raised centrally by src/core/suppress.ts; this table checks when it fires and when not.
import { describe, expect, it } from 'vitest';
import { applySuppressions } from '../../../src/core/suppress.js';
import type { Finding } from '../../../src/core/types.js';

const now = new Date('2026-11-23T00:00:00Z');
const finding = (line: number): Finding => ({ ruleId: 'MCG001', source: 'mcg', severity: 'high', message: 'm', location: { path: 'Dockerfile', startLine: line }, fingerprint: '', fingerprintKey: 'k', target: 'Dockerfile' });
const run = (lines: string[], line: number) => applySuppressions([finding(line)], new Map([['Dockerfile', lines]]), [], now).extraFindings.filter((x) => x.ruleId === 'MCG900');

describe('MCG900 suppression-without-reason', () => {
  it.each([
    ['bare id', ['# mcg-ignore MCG001', 'FROM x'], 2],
    ['id with colon and no text', ['# mcg-ignore: MCG001', 'FROM x'], 2],
    ['two ids, no reason', ['# mcg-ignore MCG001,MCG005', 'FROM x'], 2],
  ])('fires: %s', (_n, lines, line) => {
    expect(run(lines as string[], line as number)).toHaveLength(1);
  });
  it.each([
    ['with a reason', ['# mcg-ignore MCG001 entrypoint drops to app', 'FROM x'], 2],
    ['no suppression at all', ['# just a comment', 'FROM x'], 2],
    ['suppression for another line only', ['FROM x', '# mcg-ignore MCG007 why', 'RUN y'], 1],
  ])('passes: %s', (_n, lines, line) => {
    expect(run(lines as string[], line as number)).toEqual([]);
  });
});
