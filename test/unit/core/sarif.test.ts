import { describe, expect, it } from 'vitest';
import { mergeFindings } from '../../../src/core/merge.js';
import type { Finding, Severity, TargetInfo } from '../../../src/core/types.js';
import { gzipSize, toSarif } from '../../../src/sarif/to-sarif.js';
import { sarifErrors } from '../../support/sarif-schema.js';

const SEV: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function findings(n: number, target = 'Dockerfile', source: Finding['source'] = 'trivy'): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId: source === 'mcg' ? 'MCG007' : `CVE-2024-${10000 + (i % 500)}`,
    source,
    severity: SEV[i % 5]!,
    message: `package pkg${i} 1.0.${i} is vulnerable`,
    location: { path: target, startLine: 1 + (i % 40), evidence: `usr/lib/pkg${i}` },
    fingerprint: '',
    fingerprintKey: `pkg${i}|deb`,
    target,
    cvss: i % 7 === 0 ? 9.8 : undefined,
    rule: source === 'mcg' ? undefined : { title: `Vulnerability ${i % 500}`, helpUri: 'https://avd.aquasec.com/nvd/cve' },
  }));
}

function report(fs: Finding[], targets: TargetInfo[] = [{ name: 'Dockerfile', dockerfile: 'Dockerfile', image: 'x' }]) {
  return mergeFindings({
    root: '/r',
    startedAt: new Date(0),
    now: new Date(0),
    policy: { threshold: 'high', failOn: 'new' },
    findings: fs,
    targets,
    scanners: [{ name: 'mcg', status: 'ran' }, { name: 'trivy', status: 'ran', version: '0.70.0' }, { name: 'trufflehog', status: 'ran' }],
    fileLines: new Map(),
    ignores: [],
  });
}

describe('SARIF writer', () => {
  it('writes one run per source and target with distinct automation ids, schema-valid', () => {
    const log = toSarif(report([...findings(10), ...findings(3, 'Dockerfile', 'mcg')]));
    expect(sarifErrors(log)).toEqual([]);
    const ids = log.runs.map((r) => `${r.tool.driver.name}|${r.automationDetails?.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(log.runs.map((r) => r.tool.driver.name).sort()).toEqual(['MCP Container Guard', 'Trivy', 'TruffleHog']);
    const trivy = log.runs.find((r) => r.tool.driver.name === 'Trivy')!;
    expect(trivy.automationDetails?.id).toBe('mcg/Dockerfile/');
    const r0 = trivy.results![0]!;
    expect(r0.partialFingerprints?.['primaryLocationLineHash']).toMatch(/^[0-9a-f]{16}:\d+$/);
    expect(r0.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('Dockerfile');
    const rule = trivy.tool.driver.rules![r0.ruleIndex!]!;
    expect(rule.id).toBe(r0.ruleId);
    expect(Number(rule.properties!['security-severity'])).toBeGreaterThan(0);
  });

  it('maps severities to levels and security-severity per DESIGN §4, CVSS winning', () => {
    const log = toSarif(report(findings(5, 'Dockerfile', 'trivy').map((f, i) => ({ ...f, ruleId: `CVE-2024-${i}`, cvss: undefined }))));
    const run = log.runs.find((r) => r.tool.driver.name === 'Trivy')!;
    const bySev = Object.fromEntries(run.results!.map((r) => [r.properties!['severity'], { level: r.level, sec: run.tool.driver.rules![r.ruleIndex!]!.properties!['security-severity'] }]));
    expect(bySev).toEqual({
      critical: { level: 'error', sec: '9.5' },
      high: { level: 'error', sec: '8.0' },
      medium: { level: 'warning', sec: '5.5' },
      low: { level: 'note', sec: '3.0' },
      info: { level: 'note', sec: undefined },
    });
    const withCvss = toSarif(report([{ ...findings(1)[0]!, cvss: 9.8 }]));
    const t = withCvss.runs.find((r) => r.tool.driver.name === 'Trivy')!;
    expect(t.tool.driver.rules![0]!.properties!['security-severity']).toBe('9.8');
  });

  it('trims lowest severity first above the per-run cap and says so', () => {
    const log = toSarif(report(findings(500)), { maxResultsPerRun: 100 });
    const run = log.runs.find((r) => r.tool.driver.name === 'Trivy')!;
    expect(run.results).toHaveLength(100);
    expect(new Set(run.results!.map((r) => r.properties!['severity']))).toEqual(new Set(['critical']));
    expect(JSON.stringify(run.invocations)).toContain('left out');
    expect(sarifErrors(log)).toEqual([]);
  });

  it('stays under the gzip limit by trimming', () => {
    const big = report(findings(5000));
    const limit = Math.floor(gzipSize(toSarif(big)) / 3);
    const log = toSarif(big, { maxGzipBytes: limit });
    expect(gzipSize(log)).toBeLessThanOrEqual(limit);
  });

  it('folds to one run per source when targets would exceed 20 runs', () => {
    const targets = Array.from({ length: 12 }, (_, i) => ({ name: `svc${i}/Dockerfile`, dockerfile: `svc${i}/Dockerfile`, image: `svc${i}` }));
    const fs = targets.flatMap((t) => findings(2, t.name));
    const log = toSarif(report(fs, targets));
    expect(log.runs.length).toBeLessThanOrEqual(20);
    expect(log.runs.map((r) => r.automationDetails?.id)).toContain('mcg/all/');
    expect(sarifErrors(log)).toEqual([]);
  });

  it('marks baseline state when a baseline was used', () => {
    const r = report(findings(2));
    r.baseline = { source: 'file', fingerprints: 1 };
    r.findings[0]!.new = false;
    const log = toSarif(r);
    const states = log.runs.flatMap((x) => x.results ?? []).map((x) => x.baselineState);
    expect(states.sort()).toEqual(['new', 'unchanged']);
  });
});
