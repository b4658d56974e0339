// MCG995 is raised centrally by src/core/suppress.ts; this table checks when it fires and when not.
import { describe, expect, it } from 'vitest';
import { applySuppressions, type IgnoreEntry } from '../../../src/core/suppress.js';
import { decide } from '../../../src/core/policy.js';
import type { Finding } from '../../../src/core/types.js';

const now = new Date('2026-11-23T00:00:00Z');
const finding = (ruleId: string, line = 3): Finding => ({
  ruleId, source: 'mcg', severity: ruleId === 'MCG990' ? 'critical' : 'medium', message: 'm',
  location: { path: 'svc/Dockerfile', startLine: line }, fingerprint: '', fingerprintKey: 'k', target: 'svc/Dockerfile',
});
const entry = (id: string, path?: string): IgnoreEntry => ({ id, path, reason: 'because', where: '.mcg.yml:4', file: '.mcg.yml', line: 4 });
const refusals = (fs: Finding[], ignores: IgnoreEntry[], lines?: string[]) =>
  applySuppressions(fs, new Map(lines ? [['svc/Dockerfile', lines]] : []), ignores, now).extraFindings.filter((x) => x.ruleId === 'MCG995');

describe('MCG995 suppression-of-unchecked', () => {
  it.each([
    ['ignore entry naming MCG991', 'MCG991', 'MCG991'],
    ['ignore entry naming MCG990', 'MCG990', 'MCG990'],
    ['glob MCG99*', 'MCG991', 'MCG99*'],
    ['bare *', 'MCG990', '*'],
  ])('fires: %s', (_n, rule, id) => {
    const f = finding(rule);
    const out = refusals([f], [entry(id)]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'high', location: { path: '.mcg.yml', startLine: 4 }, helpUri: expect.stringContaining('MCG995') });
    expect(out[0]!.message).toContain(`${rule} (svc/Dockerfile:3)`);
    expect(f.suppressed).toBeUndefined();
    expect(decide([f, ...out], { threshold: 'critical', failOn: 'new' }).result).toBe('fail');
  });
  it('fires at an inline comment, once per suppression and rule', () => {
    const lines = ['FROM alpine:3.20', '# mcg-ignore MCG991 known', 'RUNN x'];
    const out = refusals([finding('MCG991'), finding('MCG991')], [], lines);
    expect(out.map((x) => `${x.location.path}:${x.location.startLine}`)).toEqual(['svc/Dockerfile:2']);
  });
  it.each([
    ['an entry for another rule', [finding('MCG991')], [entry('MCG001')]],
    ['an entry whose path does not match', [finding('MCG991')], [entry('MCG991', 'other/**')]],
    ['a * entry over ordinary findings only', [finding('MCG001')], [entry('*')]],
  ])('passes: %s', (_n, fs, ignores) => {
    expect(refusals(fs, ignores)).toEqual([]);
  });
  it('a * entry still suppresses the ordinary findings it matches', () => {
    const ordinary = finding('MCG001');
    refusals([ordinary, finding('MCG991')], [entry('*')]);
    expect(ordinary.suppressed?.kind).toBe('external');
  });
});
