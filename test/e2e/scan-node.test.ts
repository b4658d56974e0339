/** End to end, real parts: the hardened Node example yields no CVE, no secret, nothing above info. */
import { beforeAll, describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/core/types.js';
import { rigScan, type RigScan } from '../support/scan-rig.js';

let run: RigScan;
beforeAll(async () => {
  run = await rigScan('examples/node-mcp-server');
}, 20 * 60_000);

describe('hardened Node example, built and scanned for real', () => {
  it('all scanners ran', () => {
    const st = Object.fromEntries(run.report.scanners.map((s) => [s.name, s.status]));
    expect(st).toMatchObject({ docker: 'ran', trivy: 'ran', trufflehog: 'ran' });
    expect(run.report.findings.filter((f) => f.error)).toEqual([]);
  });
  it('no vulnerability and no secret', () => {
    expect(run.report.findings.filter((f) => f.source !== 'mcg').map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)).toEqual([]);
  });
  it('its server.json and .vscode/mcp.json are checked, the ownership label found on the built image', () => {
    const mcp = run.report.coverage.filter((c) => c.kind === 'mcp-config').map((c) => `${c.path} ${c.status}`);
    expect(mcp.sort()).toEqual(['examples/node-mcp-server/.vscode/mcp.json checked', 'examples/node-mcp-server/server.json checked']);
    const t = run.report.targets.find((x) => x.dockerfile === 'examples/node-mcp-server/Dockerfile');
    expect(t?.imageDigest).toMatch(/^sha256:/);
    expect(run.report.findings.filter((f) => f.location.path.endsWith('server.json')).map((f) => f.ruleId)).toEqual([]);
  });
  it('nothing above info that is not suppressed with a reason', () => {
    const infoRank = SEVERITIES.indexOf('info');
    const loud = run.report.findings.filter((f) => !f.suppressed && SEVERITIES.indexOf(f.severity) < infoRank);
    expect(loud.map((f) => `${f.ruleId} ${f.severity} ${f.location.path}:${f.location.startLine} ${f.message}`)).toEqual([]);
    expect(run.report.result).toBe('pass');
  });
});
