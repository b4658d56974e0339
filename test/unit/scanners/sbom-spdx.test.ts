/**
 * finishSpdx on what Trivy 0.74's `convert --format spdx-json` prints for an image tarball (shape
 * taken from a real convert of test/fixtures/trivy/flawed-image.json): no runner path stays in the
 * document, the OS package is named by its OS, and primaryPackagePurpose is spelt as the SPDX 2.3
 * JSON schema's enum spells it (OPERATING_SYSTEM, not the tag-value OPERATING-SYSTEM).
 */
import { describe, expect, it } from 'vitest';
import { finishSpdx, fullVersion } from '../../../src/scanners/sbom.js';

const TAR = '/tmp/mcg-run-1234/image.tar';

function trivySpdx(): unknown {
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: TAR,
    documentNamespace: `http://trivy.dev/container_image/${TAR}-8d79ae2a-adaf-46e9-ad42-796dbcbaa4b0`,
    creationInfo: { creators: ['Tool: trivy-0.74.0'], created: '2026-12-07T23:29:37Z' },
    packages: [
      { name: TAR, SPDXID: 'SPDXRef-ContainerImage-1', downloadLocation: 'NONE', filesAnalyzed: false, primaryPackagePurpose: 'CONTAINER' },
      { name: `${TAR} (debian 12.15)`, SPDXID: 'SPDXRef-OperatingSystem-2', downloadLocation: 'NONE', filesAnalyzed: false, primaryPackagePurpose: 'OPERATING-SYSTEM' },
      { name: 'curl', versionInfo: '7.88.1-10+deb12u12', SPDXID: 'SPDXRef-Package-3', downloadLocation: 'NONE', filesAnalyzed: false, primaryPackagePurpose: 'LIBRARY' },
    ],
    relationships: [],
  };
}

describe('finishSpdx', () => {
  it('names the image and the OS, spells OPERATING_SYSTEM as the JSON schema does, and leaves no runner path', () => {
    const r = finishSpdx(JSON.stringify(trivySpdx()), { tarName: TAR, name: 'ghcr.io/octo/server:1.0' });
    expect(r.error).toBeUndefined();
    const doc = JSON.parse(r.text!) as { name: string; documentNamespace: string; packages: Array<{ name: string; versionInfo?: string; primaryPackagePurpose?: string }> };
    expect(doc.name).toBe('ghcr.io/octo/server:1.0');
    expect(doc.packages.map((p) => [p.name, p.versionInfo, p.primaryPackagePurpose])).toEqual([
      ['ghcr.io/octo/server:1.0', undefined, 'CONTAINER'],
      ['debian', '12.15', 'OPERATING_SYSTEM'],
      ['curl', '7.88.1-10+deb12u12', 'LIBRARY'],
    ]);
    expect(r.text).not.toContain('/tmp/mcg-run-1234');
  });

  it('a package that merely ends in parentheses is left alone', () => {
    const d = trivySpdx() as { packages: Array<Record<string, unknown>> };
    d.packages.push({ name: 'libfoo (compat)', SPDXID: 'SPDXRef-Package-4', downloadLocation: 'NONE', filesAnalyzed: false });
    const doc = JSON.parse(finishSpdx(JSON.stringify(d), { tarName: TAR, name: 'x' }).text!) as { packages: Array<{ name: string }> };
    expect(doc.packages.map((p) => p.name)).toContain('libfoo (compat)');
  });

  it('refuses what is not an SPDX document', () => {
    expect(finishSpdx('{"bomFormat":"CycloneDX"}', { tarName: TAR }).error).toMatch(/not an SPDX document/);
    expect(finishSpdx('nope', { tarName: TAR }).error).toMatch(/not JSON/);
  });
});

describe('fullVersion', () => {
  it('joins epoch, version and release as dpkg writes them (Trivy JSON of a real bookworm image)', () => {
    expect(fullVersion({ Name: 'bsdutils', Version: '2.38.1', Release: '5+deb12u3', Epoch: 1 })).toBe('1:2.38.1-5+deb12u3');
    expect(fullVersion({ Name: 'adduser', Version: '3.134' })).toBe('3.134');
    expect(fullVersion({ Name: 'mcp', Version: '1.27.0', Epoch: 0 })).toBe('1.27.0');
    expect(fullVersion({ Name: 'x' })).toBeUndefined();
  });
});
