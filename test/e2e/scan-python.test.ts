/**
 * End to end, real parts: the flawed Python example is built by Docker, scanned by Trivy (fixture
 * DB) and TruffleHog, and every finding lands on the expected line. The planted credential never
 * appears in any output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { reportJson } from '../../src/core/report-io.js';
import { toSarif } from '../../src/sarif/to-sarif.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { renderTable } from '../../src/reporters/table.js';
import { sarifErrors } from '../support/sarif-schema.js';
import { repoRoot, rigScan, type RigScan } from '../support/scan-rig.js';

const DIR = 'examples/python-mcp-server';
const DF = `${DIR}/Dockerfile`;
const envText = readFileSync(join(repoRoot, DIR, '.env'), 'utf8');
const envLines = envText.split('\n');
const tokenLine = envLines.findIndex((l) => /ghp_[A-Za-z0-9]{36}/.test(l)) + 1;
const token = /ghp_[A-Za-z0-9]{36}/.exec(envText)?.[0] ?? '';

let run: RigScan;
const at = (f: Finding): string => `${f.location.path}:${f.location.startLine}`;

beforeAll(async () => {
  expect(token, 'the planted credential in examples/python-mcp-server/.env').toMatch(/^ghp_/);
  run = await rigScan(DIR);
}, 20 * 60_000);

describe('flawed Python example, built and scanned for real', () => {
  it('all scanners ran', () => {
    const st = Object.fromEntries(run.report.scanners.map((s) => [s.name, s.status]));
    expect(st).toMatchObject({ docker: 'ran', trivy: 'ran', trufflehog: 'ran' });
    expect(run.report.findings.filter((f) => f.error)).toEqual([]);
    const t = run.report.targets.find((x) => x.dockerfile === DF)!;
    expect(t.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(t.imageSize).toBeGreaterThan(50 * 1024 * 1024);
  });

  it('curl CVEs on the apt-get RUN line 7', () => {
    const curl = run.report.findings.filter((f) => f.source === 'trivy' && (f.ruleId === 'CVE-2026-91001' || f.ruleId === 'CVE-2026-91002'));
    expect(curl.length).toBe(4); // curl and libcurl4, two CVEs each
    for (const f of curl) expect(at(f)).toBe(`${DF}:7`);
    expect(curl.find((f) => f.ruleId === 'CVE-2026-91001')!.severity).toBe('critical');
  });

  it('base-image package CVEs on the FROM line 3', () => {
    for (const id of ['CVE-2026-91003', 'CVE-2026-91004', 'CVE-2026-91005', 'CVE-2026-91006']) {
      const fs = run.report.findings.filter((f) => f.ruleId === id);
      expect(fs.length, id).toBeGreaterThan(0);
      for (const f of fs) expect(at(f), id).toBe(`${DF}:3`);
    }
  });

  it('requests on requirements.txt line 2', () => {
    const req = run.report.findings.filter((f) => f.ruleId === 'CVE-2024-35195');
    expect(req).toHaveLength(1);
    expect(at(req[0]!)).toBe(`${DIR}/requirements.txt:2`);
    expect(req[0]!.location.evidence).toContain('requests-2.31.0.dist-info');
  });

  it('the planted credential on COPY . . (line 8) and on its .env line', () => {
    const gh = run.report.findings.filter((f) => f.ruleId === 'trufflehog/Github');
    expect(gh.map(at).sort()).toEqual([`${DIR}/.env:${tokenLine}`, `${DF}:8`].sort());
    for (const f of gh) expect(f.severity).toBe('high');
    expect(gh.find((f) => f.location.path === DF)!.message).toContain('/app/.env');
  });

  it('image checks ran on the built image', () => {
    const ids = new Set(run.report.findings.map((f) => f.ruleId));
    expect(ids.has('MCG052')).toBe(true); // shell, apt, dpkg from the base; curl from line 7
    const curlTool = run.report.findings.find((f) => f.ruleId === 'MCG052' && f.location.startLine === 7);
    expect(curlTool?.message).toContain('curl');
    expect(ids.has('MCG051')).toBe(false); // the rig images have a CA bundle
    expect(run.report.findings.find((f) => f.ruleId === 'MCG001')?.message).toContain('config User');
  });

  it('MCP files: server.json and .vscode/mcp.json are checked, server.json against the built image', () => {
    const mcp = run.report.coverage.filter((c) => c.kind === 'mcp-config').map((c) => `${c.path} ${c.status}`);
    expect(mcp.sort()).toEqual([`${DIR}/.vscode/mcp.json checked`, `${DIR}/server.json checked`]);
    const mcg5 = (path: string): string[] =>
      run.report.findings
        .filter((f) => f.location.path === `${DIR}/${path}`)
        .map((f) => `${f.ruleId}:${f.location.startLine}`)
        .sort();
    // the Dockerfile has no ownership label: the registry would refuse the image (name on line 3)
    expect(mcg5('server.json')).toEqual(['MCG523:3']);
    expect(run.report.findings.find((f) => f.ruleId === 'MCG523')).toMatchObject({ severity: 'high', failing: true });
    expect(mcg5('.vscode/mcp.json')).toEqual(['MCG502:8', 'MCG503:9', 'MCG507:11', 'MCG508:11', 'MCG510:10', 'MCG512:5', 'MCG514:5'].sort());
    // the inline key is redacted in the finding
    expect(JSON.stringify(run.report.findings)).not.toContain('demo-not-a-real-key');
  });

  it('the raw credential appears in no output: SARIF, JSON, markdown, table, logs', () => {
    const sarif = toSarif(run.report);
    expect(sarifErrors(sarif)).toEqual([]);
    const outputs = {
      sarif: JSON.stringify(sarif),
      json: reportJson(run.report),
      markdown: renderMarkdown(run.report),
      table: renderTable(run.report, { color: false }),
      logs: run.logs.join('\n'),
    };
    for (const [name, text] of Object.entries(outputs)) {
      expect(text.includes(token), name).toBe(false);
      expect(text.includes(token.slice(4, 20)), name).toBe(false);
    }
    expect(outputs.sarif).toContain('trufflehog/Github');
  });
});
