import { describe, expect, it } from 'vitest';
import { renderTable, wrap } from '../../../src/reporters/table.js';
import { makeFinding, makeReport } from '../../support/report-builder.js';
import { hostileFindings } from '../../support/hostile.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

const report = makeReport({
  findings: [
    makeFinding({ ruleId: 'MCG001', severity: 'high', line: 12, message: 'The final stage runs as root.', fix: 'Add USER 10001.' }),
    makeFinding({ ruleId: 'CVE-2024-6119', source: 'trivy', severity: 'critical', line: 1, new: false, message: 'openssl: type confusion', fix: 'Upgrade openssl.', location: { path: 'Dockerfile', startLine: 1, evidence: 'layer sha256:abc' } }),
    makeFinding({ ruleId: 'MCG108', severity: 'medium', path: 'compose.yaml', line: 9, message: 'Port 8080 on all interfaces.' }),
    makeFinding({ ruleId: 'MCG003', severity: 'low', line: 1, message: 'Not pinned.', suppressed: { kind: 'inSource', justification: 'renovate', where: 'Dockerfile:0' } }),
  ],
  fixed: [{ fingerprint: 'f', ruleId: 'MCG004', path: 'Dockerfile' }],
  expired: [{ id: 'MCG005', where: '.mcg.yml:3', reason: 'temp', expires: '2026-01-01' }],
  scanners: [
    { name: 'mcg', status: 'ran', durationMs: 30 },
    { name: 'trivy', status: 'ran', version: '0.74.0', durationMs: 2500 },
    { name: 'trufflehog', status: 'skipped', reason: 'no image (--no-build)' },
    { name: 'docker', status: 'failed', reason: 'daemon not reachable' },
  ],
});

describe('renderTable', () => {
  const plain = renderTable(report, { color: false });

  it('groups by file with line, severity, rule and message, markers and fix hints', () => {
    const lines = plain.split('\n');
    const df = lines.indexOf('Dockerfile');
    const cf = lines.indexOf('compose.yaml');
    expect(df).toBeGreaterThan(-1);
    expect(cf).toBeGreaterThan(df);
    // Sorted by line inside the file.
    expect(lines[df + 1]).toMatch(/^ +1  CRITICAL  CVE-2024-6119  openssl: type confusion \(layer sha256:abc\)$/);
    expect(lines[df + 2]).toContain('↳ fix: Upgrade openssl.');
    expect(lines[df + 3]).toMatch(/^ +12  HIGH {6}MCG001 {9}The final stage runs as root\. {2}\[failing\] \[new\]$/);
    expect(plain).toContain('↳ fix: Add USER 10001.');
    expect(lines[cf + 1]).toMatch(/^ +9  MEDIUM {4}MCG108 {9}Port 8080 on all interfaces\. {2}\[new\]$/);
  });

  it('lists suppressed findings apart, then notices, totals, scanners and the verdict', () => {
    expect(plain).toContain('Suppressed (1)');
    expect(plain).toContain('[suppressed: renovate — inline at Dockerfile:0]');
    expect(plain).toContain('expired   MCG005 at .mcg.yml:3 (expired 2026-01-01): no longer applied — temp');
    expect(plain).toContain('Fixed since the baseline: 1');
    expect(plain).toContain('3 findings: 1 critical, 1 high, 1 medium, 0 low, 0 info · 2 new · 1 failing · 1 suppressed');
    expect(plain).toContain('✓ trivy 0.74.0 (2.5 s)');
    expect(plain).toContain('- trufflehog skipped: no image (--no-build)');
    expect(plain).toContain('✗ docker failed: daemon not reachable');
    expect(plain.trimEnd().split('\n').at(-1)).toBe('Result: FAIL — 1 new finding at or above high');
  });

  it('colours only when asked, and the colours carry no text of their own', () => {
    expect(plain).not.toMatch(ANSI);
    const coloured = renderTable(report, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('wraps to the width, keeping continuation lines under the message column', () => {
    const long = makeReport({ findings: [makeFinding({ line: 3, message: 'word '.repeat(60).trim(), fix: 'fix '.repeat(40).trim() })] });
    const out = renderTable(long, { color: false, width: 80 });
    const body = out.split('\n').filter((l) => /word|fix/.test(l) && !l.startsWith('MCP'));
    expect(body.length).toBeGreaterThan(4);
    for (const l of body) expect(l.length).toBeLessThanOrEqual(80);
    const col = (body[0] as string).indexOf('word');
    for (const l of body.slice(1)) expect(l.search(/\S/)).toBe(col);
  });

  it('prints hostile text without escape sequences or line breaks of its own', () => {
    const out = renderTable(makeReport({ findings: hostileFindings() }), { color: false });
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).not.toContain('\n## injected heading');
    expect(out.length).toBeLessThan(100_000);
  });

  it('says when there is nothing to report', () => {
    const out = renderTable(makeReport(), { color: false });
    expect(out).toContain('No unsuppressed findings.');
    expect(out).toContain('Result: PASS');
  });
});

describe('wrap', () => {
  it('breaks at spaces, splits overlong words, honours a narrower first line', () => {
    expect(wrap('a b c', undefined)).toEqual(['a b c']);
    expect(wrap('aaaa bbbb cccc dddd', 10)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(wrap('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrap('aaaa bbbb cccc dddd eeee', 20, 10)).toEqual(['aaaa bbbb', 'cccc dddd eeee']);
  });
});
