// A secret written into an instruction must not reach the report through the fingerprint key.
import { describe, expect, it } from 'vitest';
import { makeRepo, staticScan } from '../../support/repo.js';
import { reportJson } from '../../../src/core/report-io.js';
import { toSarif } from '../../../src/sarif/to-sarif.js';

describe('fingerprint keys', () => {
  it('carry no instruction text (and so no secret) into the report JSON or SARIF', async () => {
    const token = 'ghp_' + 'Zq8vN3kT5wR1yU7iO9pA2sD4fG6hJ0lX3cV5';
    const root = makeRepo({
      Dockerfile: `FROM python:3.12\nRUN curl -H "Authorization: token ${token}" https://example.com/x.sh | sh\nENV API_TOKEN=${token}\n`,
    });
    const r = await staticScan(root);
    expect(r.findings.length).toBeGreaterThan(3);
    for (const f of r.findings) expect(f.fingerprintKey).toMatch(/^(k:[0-9a-f]{32}|input-error\|.*|suppression\|.*)$/);
    expect(reportJson(r)).not.toContain(token);
    expect(JSON.stringify(toSarif(r))).not.toContain(token);
  });
});
