import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePurl, purlCovers } from '../../../src/core/vex/purl.js';
import { justificationOf, toOpenVex } from '../../../src/core/vex/openvex-out.js';
import { readVex } from '../../../src/core/vex/read.js';
import { applyVex } from '../../../src/core/vex/apply.js';
import type { Finding } from '../../../src/core/types.js';

function vuln(id: string, purl: string | undefined, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: id,
    source: 'trivy',
    severity: 'high',
    message: `${id} in a package`,
    location: { path: 'Dockerfile', startLine: 1 },
    fingerprint: '',
    fingerprintKey: `${id}|${purl}`,
    target: 'app',
    package: { name: purl ? parsePurl(purl)!.name : 'x', purl },
    ...extra,
  };
}

const LIBEXPAT = 'pkg:deb/debian/libexpat1@2.5.0-1%2Bdeb12u1?arch=amd64&distro=debian-12.15';

describe('purl', () => {
  it('reads type, namespace, name, version and qualifiers', () => {
    expect(parsePurl(LIBEXPAT)).toEqual({
      type: 'deb',
      namespace: 'debian',
      name: 'libexpat1',
      version: '2.5.0-1+deb12u1',
      qualifiers: new Map([
        ['arch', 'amd64'],
        ['distro', 'debian-12.15'],
      ]),
    });
    expect(parsePurl('pkg:npm/%40scope/name@1.0.0')).toMatchObject({ namespace: '@scope', name: 'name', version: '1.0.0' });
    expect(parsePurl('not-a-purl')).toBeUndefined();
    expect(parsePurl('pkg:deb')).toBeUndefined();
  });
  it('a statement without version or qualifiers covers every version; given ones must match', () => {
    const scanned = parsePurl(LIBEXPAT)!;
    expect(purlCovers(parsePurl('pkg:deb/debian/libexpat1')!, scanned)).toBe(true);
    expect(purlCovers(parsePurl('pkg:deb/debian/libexpat1@2.5.0-1+deb12u1')!, scanned)).toBe(true);
    expect(purlCovers(parsePurl('pkg:deb/debian/libexpat1@2.5.0-2')!, scanned)).toBe(false);
    expect(purlCovers(parsePurl('pkg:deb/debian/libexpat1?arch=arm64')!, scanned)).toBe(false);
    expect(purlCovers(parsePurl('pkg:deb/ubuntu/libexpat1')!, scanned)).toBe(false);
    expect(purlCovers(parsePurl('pkg:rpm/debian/libexpat1')!, scanned)).toBe(false);
  });
});

describe('VEX out', () => {
  it('names the justification a reason gives, or none', () => {
    expect(justificationOf('the XML parser is never called by the server')).toBe('vulnerable_code_not_in_execute_path');
    expect(justificationOf('inline_mitigations_already_exist per review')).toBe('inline_mitigations_already_exist');
    expect(justificationOf('accepted by the security team')).toBeUndefined();
  });
  it('one statement per suppressed CVE and package; expiring ones under investigation; unsuppressed left out', () => {
    const fs = [
      vuln('CVE-1', LIBEXPAT, { suppressed: { kind: 'external', justification: 'never called', where: '.mcg.yml:3' } }),
      vuln('CVE-1', LIBEXPAT, { target: 'other', suppressed: { kind: 'external', justification: 'never called', where: '.mcg.yml:3' } }),
      vuln('CVE-2', LIBEXPAT, { suppressed: { kind: 'external', justification: 'waiting for upstream', where: '.mcg.yml:7', expires: '2027-01-31' } }),
      vuln('CVE-3', LIBEXPAT),
      vuln('CVE-4', undefined, { suppressed: { kind: 'external', justification: 'x', where: '.mcg.yml:9' } }),
    ];
    const doc = toOpenVex(fs, { timestamp: '2026-12-07T00:00:00Z', author: 'octo/server', tooling: 'mcp-container-guard 0.x' });
    expect(doc['@context']).toBe('https://openvex.dev/ns/v0.2.0');
    expect(doc.statements.map((s) => [s.vulnerability.name, s.status, s.justification])).toEqual([
      ['CVE-1', 'not_affected', 'vulnerable_code_not_in_execute_path'],
      ['CVE-2', 'under_investigation', undefined],
    ]);
    expect(doc.statements[0]!.impact_statement).toBe('never called');
    expect(doc.statements[0]!.products[0]!['@id']).toBe(LIBEXPAT);
  });
  it('what it writes, it reads back as the same decisions (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cve: fc.constantFrom('CVE-1', 'CVE-2', 'CVE-3'), pkg: fc.constantFrom('a', 'b', 'c'), expires: fc.boolean(), reason: fc.string({ minLength: 1 }) }), { maxLength: 12 }),
        (rows) => {
          const fs = rows.map((r) =>
            vuln(r.cve, `pkg:deb/debian/${r.pkg}@1?arch=amd64`, { suppressed: { kind: 'external', justification: r.reason, where: 'x:1', ...(r.expires ? { expires: '2027-01-01' } : {}) } }),
          );
          const doc = toOpenVex(fs, { timestamp: '2026-12-07T00:00:00Z', author: 'a', tooling: 't' });
          const read = readVex(JSON.stringify(doc, null, 2), 'mcg.vex.json');
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          const fresh = fs.map((f) => ({ ...f, suppressed: undefined }));
          applyVex(fresh, [read.statements], { target: 'app', imageNames: [] });
          // one statement per CVE and package, from the first suppression of it: not_affected unless it expires
          const firstByKey = new Map<string, Finding>();
          for (const f of fs) if (!firstByKey.has(f.fingerprintKey)) firstByKey.set(f.fingerprintKey, f);
          for (const f of fresh) expect(f.suppressed !== undefined).toBe(!firstByKey.get(f.fingerprintKey)!.suppressed!.expires);
        },
      ),
    );
  });
});

describe('VEX in', () => {
  it('reads OpenVEX statements with their lines', () => {
    const text = `{
  "@context": "https://openvex.dev/ns/v0.2.0",
  "statements": [
    {
      "vulnerability": { "name": "CVE-1", "aliases": ["GHSA-x"] },
      "products": [{ "@id": "pkg:oci/server", "subcomponents": [{ "@id": "pkg:deb/debian/libexpat1" }] }],
      "status": "not_affected",
      "justification": "component_not_present"
    }
  ]
}`;
    const r = readVex(text, 'vex.json');
    expect(r).toMatchObject({ ok: true, format: 'openvex', statements: [{ vulnerability: 'CVE-1', aliases: ['GHSA-x'], products: ['pkg:oci/server'], subcomponents: ['pkg:deb/debian/libexpat1'], where: 'vex.json:4' }] });
  });
  it('reads CycloneDX VEX, resolving bom-refs to package URLs', () => {
    const text = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: [{ 'bom-ref': 'c1', purl: 'pkg:deb/debian/libexpat1' }],
      vulnerabilities: [{ id: 'CVE-1', analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'no XML' }, affects: [{ ref: 'c1' }] }],
    });
    const r = readVex(text, 'vex.cdx.json');
    expect(r).toMatchObject({ ok: true, format: 'cyclonedx', statements: [{ vulnerability: 'CVE-1', products: ['pkg:deb/debian/libexpat1'], status: 'not_affected', justification: 'code_not_reachable', impact: 'no XML' }] });
  });
  it('refuses what is not VEX, with the line', () => {
    expect(readVex('{"a": 1}', 'v.json')).toMatchObject({ ok: false, line: 1 });
    expect(readVex('{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [\n{"status": "nope"}]}', 'v.json')).toMatchObject({ ok: false, line: 2 });
    expect(readVex('{', 'v.json')).toMatchObject({ ok: false });
  });
  it('suppresses exactly the covered findings; another image is ignored and said so', () => {
    const fs = [vuln('CVE-1', LIBEXPAT), vuln('CVE-1', 'pkg:deb/debian/curl@8?arch=amd64'), vuln('CVE-2', LIBEXPAT), vuln('MCG991', undefined, { source: 'mcg' })];
    const r = readVex(
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [
          { vulnerability: { name: 'CVE-1' }, products: [{ '@id': 'pkg:deb/debian/libexpat1' }], status: 'not_affected', justification: 'component_not_present' },
          { vulnerability: { name: 'CVE-2' }, products: [{ '@id': 'pkg:oci/someone-else' }], status: 'not_affected', justification: 'component_not_present' },
          { vulnerability: { name: 'CVE-2' }, products: [{ '@id': 'pkg:deb/debian/libexpat1' }], status: 'under_investigation' },
          { vulnerability: { name: 'MCG991' }, products: [{ '@id': 'pkg:oci/server' }], status: 'not_affected', justification: 'component_not_present' },
        ],
      }),
      'vex.json',
    );
    if (!r.ok) throw new Error(r.message);
    const notices = applyVex(fs, [r.statements], { target: 'app', imageNames: ['ghcr.io/octo/server:1'] });
    expect(fs.map((f) => f.suppressed?.justification)).toEqual(['VEX not_affected: component_not_present', undefined, undefined, undefined]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('pkg:oci/someone-else');
  });
});

describe('settleVex', () => {
  it('never keeps a runner path: a Trivy decision from a document we did not give is not taken', async () => {
    const { settleVex } = await import('../../../src/core/vex/scan-vex.js');
    const root = '/work/repo';
    const given = vuln('CVE-2024-1', LIBEXPAT, { suppressed: { kind: 'external', justification: 'not_affected', where: '/tmp/runner/other.vex.json' } });
    const loaded = { paths: ['vex/app.json'], documents: [[]], errors: [] };
    settleVex([given], loaded, { target: 'app', imageNames: [] }, root);
    expect(given.suppressed).toBeUndefined();
    // one of the given documents: shown with its repository path
    const ours = vuln('CVE-2024-2', LIBEXPAT, { suppressed: { kind: 'external', justification: 'not_affected', where: `${root}/vex/app.json` } });
    settleVex([ours], loaded, { target: 'app', imageNames: [] }, root);
    expect(ours.suppressed?.where.startsWith('/')).toBe(false);
    expect(ours.suppressed?.where).toContain('vex/app.json');
  });
});
