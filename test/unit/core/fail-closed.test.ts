import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/policy.js';
import { applySuppressions, type IgnoreEntry } from '../../../src/core/suppress.js';
import { ruleEnabled, ruleSeverity } from '../../../src/core/rule-hits.js';
import { meta as MCG991 } from '../../../src/core/meta-rules/MCG991-unreadable-input.js';
import type { Finding, PolicySettings } from '../../../src/core/types.js';

const notChecked = (): Finding => ({
  ruleId: 'MCG991', source: 'mcg', severity: 'medium', message: 'bad/Dockerfile:2: unknown instruction',
  location: { path: 'bad/Dockerfile', startLine: 2 }, fingerprint: 'x', fingerprintKey: 'k', target: 't', new: false,
});
const entry = (id: string): IgnoreEntry => ({ id, reason: 'because', where: '.mcg.yml:3', file: '.mcg.yml', line: 3 });

describe('MCG990/MCG991 fail closed and cannot be suppressed', () => {
  it.each<PolicySettings>([
    { threshold: 'high', failOn: 'new' }, { threshold: 'critical', failOn: 'any' }, { threshold: 'critical', failOn: 'new' },
  ])('fails under %j even when medium and not new', (p) => {
    expect(decide([notChecked()], p).result).toBe('fail');
  });
  it('passes only under fail-on: never', () => expect(decide([notChecked()], { threshold: 'low', failOn: 'never' }).result).toBe('pass'));

  it.each(['MCG991', 'MCG99*', '*'])('an .mcg.yml ignore of %s does not apply and is reported at its line', (id) => {
    const f = notChecked();
    const out = applySuppressions([f], new Map(), [entry(id)], new Date('2026-01-01'));
    expect(f.suppressed).toBeUndefined();
    expect(out.extraFindings.filter((x) => x.ruleId === 'MCG995').map((x) => `${x.location.path}:${x.location.startLine}`)).toContain('.mcg.yml:3');
    expect(decide([f], { threshold: 'high', failOn: 'new' }).result).toBe('fail');
  });
  it('an inline # mcg-ignore MCG991 does not apply and is reported at the comment', () => {
    const f = { ...notChecked(), location: { path: 'bad/Dockerfile', startLine: 3 } };
    const lines = ['FROM debian:bookworm-slim', '# mcg-ignore MCG991 we know', 'RUNN x'];
    const out = applySuppressions([f], new Map([['bad/Dockerfile', lines]]), [], new Date('2026-01-01'));
    expect(f.suppressed).toBeUndefined();
    expect(out.extraFindings.some((x) => x.ruleId === 'MCG995' && x.location.path === 'bad/Dockerfile' && x.location.startLine === 2)).toBe(true);
  });
  it('rules: {MCG991: off} and a severity override are ignored', () => {
    expect(ruleEnabled({ MCG991: 'off' }, 'MCG991')).toBe(true);
    expect(ruleSeverity({ MCG991: { severity: 'low' } }, MCG991)).toBe(MCG991.severity);
    expect(ruleEnabled({ MCG001: 'off' }, 'MCG001')).toBe(false);
  });
});
