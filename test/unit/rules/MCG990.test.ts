// MCG990 (scanner error): fail closed. Scanner-specific crashes are exercised end to end in
// test/e2e; here: the policy side and the engine's own refusal to pretend an image was scanned.
import { describe, expect, it } from 'vitest';
import { makeRepo, staticScan } from '../../support/repo.js';
import type { ImagePipeline } from '../../../src/engine/scan.js';

const crashing: ImagePipeline = {
  async run(t) {
    return {
      findings: [
        {
          ruleId: 'MCG990',
          source: 'mcg',
          severity: 'critical',
          error: true,
          message: 'trivy exited with status 2: FATAL init error',
          location: { path: t.dockerfile, startLine: 1 },
          fingerprint: '',
          fingerprintKey: 'scanner-error|trivy',
          target: t.name,
        },
      ],
      scanners: [{ name: 'trivy', status: 'failed', reason: 'exit status 2' }],
      info: {},
    };
  },
};

describe('MCG990 scanner-error', () => {
  const hardened = 'FROM python:3.12-slim\nUSER 10001\nHEALTHCHECK CMD ["python","-c","0"]\nCMD ["python","x.py"]\n';

  it.each([
    ['threshold critical', { severityThreshold: 'critical' as const }],
    ['fail-on new with an empty baseline', { baseline: { source: 'file' as const, fingerprints: new Set<string>(), entries: [] } }],
    ['fail-on any', { failOn: 'any' as const }],
  ])('fires and fails the run: %s', async (_n, over) => {
    const root = makeRepo({ Dockerfile: hardened });
    const r = await staticScan(root, { build: true, ...over }, { imagePipeline: crashing });
    expect(r.findings.find((f) => f.ruleId === 'MCG990')?.failing).toBe(true);
    expect(r.result).toBe('fail');
    expect(r.scanners.find((s) => s.name === 'trivy')?.status).toBe('failed');
  });

  it('fires when a build is asked for but no pipeline exists', async () => {
    const root = makeRepo({ Dockerfile: hardened });
    const r = await staticScan(root, { build: true }, { imagePipeline: undefined });
    expect(r.findings.some((f) => f.ruleId === 'MCG990' && f.error)).toBe(true);
    expect(r.result).toBe('fail');
  });

  it.each([
    ['static scan', {}],
    ['static scan with fail-on any', { failOn: 'any' as const }],
    ['fail-on never even with a crash', { failOn: 'never' as const, build: true }],
  ])('passes: %s', async (_n, over) => {
    const root = makeRepo({ Dockerfile: hardened });
    const r = await staticScan(root, over, { imagePipeline: crashing });
    expect(r.result).toBe('pass');
  });
});
