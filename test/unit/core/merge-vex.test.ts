/**
 * VEX in a merge (`mcg merge --vex`, mode: report's vex input): the merging job's own statements
 * decide on the merged image findings, per target and its image; what an artifact claims VEX
 * suppressed counts for nothing; a statement no target takes is noted once.
 */
import { describe, expect, it } from 'vitest';
import { mergeReports } from '../../../src/engine/merge-reports.js';
import { mergeFindings } from '../../../src/core/merge.js';
import { reportVex } from '../../../src/core/vex/openvex-out.js';
import { readVex } from '../../../src/core/vex/read.js';
import { makeFinding, makeReport } from '../../support/report-builder.js';

function vuln(target: string, cve: string, purl: string, claimed = false) {
  return makeFinding({
    ruleId: cve,
    source: 'trivy',
    severity: 'high',
    target,
    message: `${cve} in curl`,
    package: { name: 'curl', version: '7.88.1-10', purl },
    ...(claimed ? { suppressed: { kind: 'external' as const, justification: 'VEX not_affected: claimed by the artifact', where: 'vex.json:3' } } : {}),
  });
}

const CURL = 'pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12.15';
const api = makeReport({ targets: [{ name: 'api', dockerfile: 'api/Dockerfile', image: 'ghcr.io/octo/api:1.0' }], findings: [vuln('api', 'CVE-2026-0001', CURL), vuln('api', 'CVE-2026-0002', CURL, true)] });
const web = makeReport({ targets: [{ name: 'web', dockerfile: 'web/Dockerfile', image: 'ghcr.io/octo/web:1.0' }], findings: [vuln('web', 'CVE-2026-0001', CURL)] });

function doc(statements: unknown[]): ReturnType<typeof readVex> & { ok: true } {
  const r = readVex(JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'urn:x', author: 'octo', timestamp: '2026-12-01T00:00:00Z', version: 1, statements }, null, 2), '.vex/decisions.json');
  if (!r.ok) throw new Error(r.message);
  return r;
}

const inputs = [
  { label: 'mcg-api', report: api },
  { label: 'mcg-web', report: web },
];

describe('mergeReports with the merging job\'s VEX', () => {
  it('suppresses exactly the finding of the image the statement names, with its justification and line', () => {
    const vex = doc([{ vulnerability: { name: 'CVE-2026-0001' }, products: [{ '@id': 'pkg:oci/api', subcomponents: [{ '@id': 'pkg:deb/debian/curl' }] }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }]);
    const m = mergeReports(inputs, { vex: [vex.statements], policy: { threshold: 'high', failOn: 'any' } });
    const by = (t: string, id: string) => m.report.findings.find((f) => f.target === t && f.ruleId === id)!;
    expect(by('api', 'CVE-2026-0001').suppressed).toMatchObject({ kind: 'external', where: '.vex/decisions.json:8' });
    expect(by('api', 'CVE-2026-0001').suppressed!.justification).toMatch(/not_affected: vulnerable_code_not_in_execute_path/);
    expect(by('web', 'CVE-2026-0001').suppressed).toBeUndefined();
    // the artifact's own claim is dropped: this job's VEX says nothing about CVE-2026-0002
    expect(by('api', 'CVE-2026-0002').suppressed).toBeUndefined();
    expect(m.report.result).toBe('fail');
    expect(m.report.counts.bySeverity.high).toBe(2);
    expect(m.report.counts.suppressed).toBe(1);
  });

  it('without --vex nothing an artifact claimed stays suppressed', () => {
    const m = mergeReports(inputs, {});
    expect(m.report.findings.filter((f) => f.suppressed)).toEqual([]);
  });

  it('a package statement covers every target; one about another image is noted once, not per target', () => {
    const vex = doc([
      { vulnerability: { name: 'CVE-2026-0001' }, products: [{ '@id': 'pkg:deb/debian/curl' }], status: 'not_affected', justification: 'component_not_present' },
      { vulnerability: { name: 'CVE-2026-0002' }, products: [{ '@id': 'pkg:oci/someone-else' }], status: 'not_affected', justification: 'component_not_present' },
    ]);
    const m = mergeReports(inputs, { vex: [vex.statements] });
    expect(m.report.findings.filter((f) => f.ruleId === 'CVE-2026-0001').every((f) => f.suppressed)).toBe(true);
    const notes = m.notes.filter((n) => n.includes('CVE-2026-0002'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^\.vex\/decisions\.json:\d+: .*pkg:oci\/someone-else, not an image package of any of the 2 targets: it is ignored\.$/);
  });
});

describe('the package of a vulnerability survives the scan\'s merge', () => {
  it('mergeFindings keeps it, so the report JSON, mcg.vex.json and a later merge --vex can name it', () => {
    const f = vuln('api', 'CVE-2026-0001', CURL);
    const ignores = [{ id: 'CVE-2026-0001', reason: 'the server never calls curl', where: '.mcg.yml:3', line: 3, file: '.mcg.yml' }];
    const report = mergeFindings({
      root: '/repo',
      startedAt: new Date('2026-12-01T00:00:00Z'),
      now: new Date('2026-12-01T00:00:00Z'),
      policy: { threshold: 'high', failOn: 'any' },
      findings: [f],
      targets: [{ name: 'api', image: 'ghcr.io/octo/api:1.0' }],
      scanners: [],
      fileLines: new Map(),
      ignores,
    });
    expect(report.findings[0]!.package).toEqual({ name: 'curl', version: '7.88.1-10', purl: CURL });
    const again = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(again.findings[0]!.package?.purl).toBe(CURL);
    const doc = reportVex(report, 'octo');
    expect(doc.statements.map((s) => s.products.map((p) => p['@id']))).toEqual([[CURL]]);
  });
});
