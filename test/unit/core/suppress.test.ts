import { describe, expect, it } from 'vitest';
import { applySuppressions, inlineSuppressions, type IgnoreEntry } from '../../../src/core/suppress.js';
import type { Finding } from '../../../src/core/types.js';

const now = new Date('2026-11-23T12:00:00Z');

function f(ruleId: string, line: number, path = 'Dockerfile'): Finding {
  return { ruleId, source: ruleId.startsWith('CVE') ? 'trivy' : 'mcg', severity: 'high', message: 'm', location: { path, startLine: line }, fingerprint: '', fingerprintKey: 'k', target: 'Dockerfile' };
}

function entry(over: Partial<IgnoreEntry>): IgnoreEntry {
  return { id: 'MCG001', where: '.mcg.yml:3', file: '.mcg.yml', line: 3, reason: 'accepted risk', ...over };
}

describe('inline suppressions', () => {
  it('apply to the first instruction below the comment block, with several ids', () => {
    const m = inlineSuppressions('Dockerfile', ['# mcg-ignore MCG001,MCG005 debug image', '# another comment', 'FROM x', 'RUN y']);
    expect(m.get(3)?.[0]).toMatchObject({ ids: ['MCG001', 'MCG005'], reason: 'debug image', line: 1 });
    expect(m.has(4)).toBe(false);
  });

  it('do not jump over a blank line', () => {
    expect(inlineSuppressions('Dockerfile', ['# mcg-ignore MCG001 why', '', 'FROM x']).size).toBe(0);
  });

  it('suppress scanner findings on the same line too, and a missing reason raises MCG900 at the comment', () => {
    const findings = [f('CVE-2024-0001', 2), f('MCG007', 2)];
    const out = applySuppressions(findings, new Map([['Dockerfile', ['# mcg-ignore CVE-2024-0001', 'RUN apt-get install -y curl']]]), [], now);
    expect(findings[0]!.suppressed?.kind).toBe('inSource');
    expect(findings[1]!.suppressed).toBeUndefined();
    expect(out.extraFindings).toHaveLength(1);
    expect(out.extraFindings[0]).toMatchObject({ ruleId: 'MCG900', severity: 'low', location: { path: 'Dockerfile', startLine: 1 } });
  });
});

describe('config suppressions', () => {
  it('match by id glob, path glob and target', () => {
    const a = f('MCG003', 1, 'services/api/Dockerfile');
    const b = f('MCG003', 1, 'services/web/Dockerfile');
    applySuppressions([a, b], new Map(), [entry({ id: 'MCG00*', path: 'services/api/**' })], now);
    expect(a.suppressed).toMatchObject({ kind: 'external', justification: 'accepted risk', where: '.mcg.yml:3' });
    expect(b.suppressed).toBeUndefined();
  });

  it('stop suppressing once expired and are listed; ones expiring within 14 days are listed as expiring', () => {
    const a = f('MCG001', 1);
    const out = applySuppressions([a], new Map(), [entry({ expires: '2026-11-01' }), entry({ id: 'MCG002', expires: '2026-12-01', where: '.mcg.yml:9' })], now);
    expect(a.suppressed).toBeUndefined();
    expect(out.expired.map((e) => e.id)).toEqual(['MCG001']);
    expect(out.expiring.map((e) => e.id)).toEqual(['MCG002']);
  });

  it('report an entry without a reason as MCG900 at its line even when it matches nothing', () => {
    const out = applySuppressions([], new Map(), [entry({ reason: undefined, line: 7, where: '.mcg.yml:7' })], now);
    expect(out.extraFindings[0]).toMatchObject({ ruleId: 'MCG900', location: { path: '.mcg.yml', startLine: 7 } });
  });
});
