import { describe, expect, it } from 'vitest';
import { mergeFindings, type MergeInput } from '../../../src/core/merge.js';
import type { Finding } from '../../../src/core/types.js';
import { toSarif } from '../../../src/sarif/to-sarif.js';
import { sarifErrors } from '../../support/sarif-schema.js';

function f(over: Partial<Finding> & { line?: number }): Finding {
  return {
    ruleId: 'MCG001',
    source: 'mcg',
    severity: 'high',
    message: 'runs as root',
    location: { path: 'Dockerfile', startLine: over.line ?? 1 },
    fingerprint: '',
    fingerprintKey: '0|FROM python',
    target: 'Dockerfile',
    ...over,
  };
}

function input(findings: Finding[], over: Partial<MergeInput> = {}): MergeInput {
  return {
    root: '/repo',
    startedAt: new Date('2026-11-01T00:00:00Z'),
    now: new Date('2026-11-01T00:00:10Z'),
    policy: { threshold: 'high', failOn: 'new' },
    findings,
    targets: [{ name: 'Dockerfile', dockerfile: 'Dockerfile' }],
    scanners: [{ name: 'mcg', status: 'ran' }],
    fileLines: new Map(),
    ignores: [],
    ...over,
  };
}

describe('merge', () => {
  it('dedupes identical findings and orders by file, line, severity', () => {
    const r = mergeFindings(
      input([
        f({ line: 9, ruleId: 'MCG005', severity: 'info', fingerprintKey: 'a' }),
        f({ line: 1 }),
        f({ line: 1 }),
        f({ line: 1, ruleId: 'MCG003', severity: 'low', fingerprintKey: 'b' }),
      ]),
    );
    expect(r.findings.map((x) => [x.location.startLine, x.ruleId])).toEqual([
      [1, 'MCG001'],
      [1, 'MCG003'],
      [9, 'MCG005'],
    ]);
  });

  it('gives stable fingerprints that survive line shifts and number identical ones', () => {
    const a = mergeFindings(input([f({ line: 3 }), f({ line: 7, fingerprintKey: 'k', ruleId: 'MCG007' }), f({ line: 9, fingerprintKey: 'k', ruleId: 'MCG007' })]));
    const b = mergeFindings(input([f({ line: 30 }), f({ line: 70, fingerprintKey: 'k', ruleId: 'MCG007' }), f({ line: 90, fingerprintKey: 'k', ruleId: 'MCG007' })]));
    expect(a.findings.map((x) => x.fingerprint)).toEqual(b.findings.map((x) => x.fingerprint));
    const fps = a.findings.filter((x) => x.ruleId === 'MCG007').map((x) => x.fingerprint);
    expect(fps[1]).toBe(`${fps[0]}:2`);
  });

  it('fails on new findings at or above the threshold only', () => {
    const r = mergeFindings(input([f({}), f({ ruleId: 'MCG005', severity: 'info', fingerprintKey: 'x' })]));
    expect(r.result).toBe('fail');
    expect(r.findings.find((x) => x.ruleId === 'MCG005')!.failing).toBe(false);
    expect(r.counts.failing).toBe(1);
  });

  it('does not fail on findings that are in the baseline with fail-on new, but does with fail-on any', () => {
    const first = mergeFindings(input([f({})]));
    const baseline = { source: 'file' as const, fingerprints: new Set(first.findings.map((x) => x.fingerprint)), entries: first.findings.map((x) => ({ fingerprint: x.fingerprint })) };
    const again = mergeFindings(input([f({ line: 4 })], { baseline }));
    expect(again.findings[0]!.new).toBe(false);
    expect(again.result).toBe('pass');
    const any = mergeFindings(input([f({ line: 4 })], { baseline, policy: { threshold: 'high', failOn: 'any' } }));
    expect(any.result).toBe('fail');
  });

  it('lists what the baseline had and this run no longer finds as fixed', () => {
    const r = mergeFindings(input([], { baseline: { source: 'file', fingerprints: new Set(['abcdef0123456789abcdef0123456789']), entries: [{ fingerprint: 'abcdef0123456789abcdef0123456789', ruleId: 'MCG004' }] } }));
    expect(r.fixed).toEqual([{ fingerprint: 'abcdef0123456789abcdef0123456789', ruleId: 'MCG004' }]);
  });

  it('fails closed on error findings even below the threshold and when not new; never passes them with fail-on never only', () => {
    const err = f({ ruleId: 'MCG990', severity: 'critical', error: true, fingerprintKey: 'trivy' });
    const baseline = { source: 'file' as const, fingerprints: new Set<string>(), entries: [] };
    const r = mergeFindings(input([err], { baseline, policy: { threshold: 'critical', failOn: 'new' } }));
    expect(r.result).toBe('fail');
    expect(r.reason).toContain('fail-closed');
    expect(mergeFindings(input([err], { policy: { threshold: 'high', failOn: 'never' } })).result).toBe('pass');
  });

  it('never counts a suppressed finding as failing and keeps it in the SARIF with its justification', () => {
    const lines = ['# mcg-ignore MCG001 drops privileges in the entrypoint', 'FROM python:3.12-slim'];
    const r = mergeFindings(input([f({ line: 2 })], { fileLines: new Map([['Dockerfile', lines]]) }));
    expect(r.findings[0]!.suppressed).toMatchObject({ kind: 'inSource', justification: 'drops privileges in the entrypoint', where: 'Dockerfile:1' });
    expect(r.result).toBe('pass');
    const log = toSarif(r);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results![0]!.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'drops privileges in the entrypoint' }]);
  });
});
