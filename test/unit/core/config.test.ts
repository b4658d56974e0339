import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseSize } from '../../../src/core/config.js';

function err(text: string): ConfigError {
  try {
    parseConfig('.mcg.yml', text);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('.mcg.yml', () => {
  it('loads every documented key', () => {
    const c = parseConfig(
      '.mcg.yml',
      [
        'severity-threshold: medium',
        'fail-on: any',
        'rules:',
        '  MCG005: off',
        '  MCG003: { severity: medium }',
        'ignore:',
        '  - id: CVE-2024-1234',
        '    path: services/**',
        '    reason: not reachable',
        '    expires: 2027-01-31',
        '    owner: "@platform"',
        'image-size-budget: 500MiB',
        'include: ["services/**"]',
        'exclude: ["**/testdata/**"]',
        'scanners:',
        '  trivy: { ignore-unfixed: true, timeout-minutes: 5 }',
        '  trufflehog: { enabled: false }',
      ].join('\n'),
    );
    expect(c).toMatchObject({
      severityThreshold: 'medium',
      failOn: 'any',
      rules: { MCG005: 'off', MCG003: { severity: 'medium' } },
      imageSizeBudget: 500 * 1024 * 1024,
      include: ['services/**'],
      exclude: ['**/testdata/**'],
      trivy: { enabled: true, ignoreUnfixed: true, timeoutMinutes: 5 },
      trufflehog: { enabled: false },
    });
    expect(c.ignore[0]).toMatchObject({ id: 'CVE-2024-1234', path: 'services/**', reason: 'not reachable', expires: '2027-01-31', owner: '@platform', where: '.mcg.yml:7', line: 7 });
  });

  it.each([
    ['an unknown key', 'severity-treshold: high\n', 1, 'unknown key "severity-treshold"'],
    ['a bad enum', 'fail-on: sometimes\n', 1, 'fail-on must be one of new, any, never'],
    ['a bad date, on its line', 'ignore:\n  - id: MCG001\n    reason: x\n    expires: 31/01/2027\n', 4, 'YYYY-MM-DD'],
    ['a rule that is not an id', 'rules:\n  root-user: off\n', 2, 'not a rule id'],
    ['an ignore entry without id', 'ignore:\n  - reason: x\n', 2, 'missing required key "id"'],
    ['invalid YAML', 'rules: [\n', 2, 'invalid YAML'],
    ['a duplicate key', 'fail-on: new\nfail-on: any\n', 2, 'invalid YAML'],
    ['an impossible date, on its line', 'ignore:\n  - id: MCG001\n    reason: x\n    expires: 2027-13-45\n', 4, 'not a real date'],
    ['a day the month does not have, on its line', 'ignore:\n  - id: MCG001\n    expires: 2026-11-31\n    reason: x\n', 3, 'not a real date'],
    ['an impossible date in a later entry, on its line', 'ignore:\n  - id: MCG001\n    reason: x\n  - reason: y\n    id: MCG002\n\n    expires: "2026-02-29"\n', 7, 'ignore[1].expires'],
  ])('rejects %s with file:line and the key', (_n, text, line, msg) => {
    const e = err(text as string);
    expect(e.line).toBe(line);
    expect(e.message).toContain(`.mcg.yml:${line}:`);
    expect(e.message).toContain(msg as string);
  });

  it('parses sizes', () => {
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('1.5 GB')).toBe(1.5e9);
    expect(parseSize(42)).toBe(42);
    expect(() => parseSize('lots')).toThrow(/invalid size/);
  });
});
