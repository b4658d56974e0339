import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactError, MAX_META_BYTES, META_FILE, readArtifacts, REPORT_FILE, SARIF_FILE, validateMeta, validateReport, writeArtifacts, type ArtifactMeta } from '../../../src/action/artifact.js';
import { scan } from '../../../src/engine/scan.js';
import { reportJson } from '../../../src/core/report-io.js';
import { toSarif } from '../../../src/sarif/to-sarif.js';
import { spawnExec } from '../../../src/scanners/exec.js';
import type { Report } from '../../../src/core/types.js';

const meta: ArtifactMeta = {
  schema: 'mcg-artifact/v1',
  repository: 'acme/mcp-server',
  pr: 7,
  headSha: 'a'.repeat(40),
  baseRef: 'main',
  target: 'Dockerfile',
  checkName: 'MCP Container Guard',
  category: null,
  workflow: 'CI',
  job: 'scan',
};

const quiet = { debug: () => {}, info: () => {}, warning: () => {}, error: () => {} };

async function realReport(): Promise<{ root: string; report: Report }> {
  const root = mkdtempSync(join(tmpdir(), 'mcg-art-'));
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:22\nENV API_TOKEN=abc\nCMD node server.js\n');
  const report = await scan({ root, build: false, scanners: { trivy: false, trufflehog: false } }, { logger: quiet, exec: spawnExec });
  return { root, report };
}

describe('artifact round trip', () => {
  it('what mode: scan writes, mode: report reads back unchanged', async () => {
    const { root, report } = await realReport();
    expect(report.findings.length).toBeGreaterThan(0);
    const sarifText = JSON.stringify(toSarif(report));
    writeArtifacts(root, 'out', { sarifText, reportText: reportJson(report), meta });
    const back = readArtifacts(root, 'out');
    expect(back.meta).toEqual(meta);
    expect(back.report).toEqual(JSON.parse(reportJson(report)));
    expect(Object.keys(back).sort()).toEqual(['meta', 'report']);
    expect(readFileSync(join(root, 'out', SARIF_FILE), 'utf8')).toBe(sarifText);
  });
});

describe('untrusted input', () => {
  it.each([
    ['a short SHA', { headSha: 'abc' }],
    ['a PR number that is not a number', { pr: '7' }],
    ['an unknown field', { extra: 1 }],
    ['a control character in the check name', { checkName: 'x\n::error::y' }],
    ['a bad repository', { repository: '../x' }],
  ])('meta with %s is refused', (_what, patch) => {
    expect(() => validateMeta({ ...meta, ...patch })).toThrow(ArtifactError);
  });

  it.each([
    ['a path that climbs out', (r: Report) => (r.findings[0]!.location.path = '../../etc/passwd')],
    ['an absolute path', (r: Report) => (r.findings[0]!.location.path = '/etc/passwd')],
    ['an unknown severity', (r: Report) => ((r.findings[0] as { severity: string }).severity = 'apocalyptic')],
    ['a non-https help link', (r: Report) => (r.findings[0]!.helpUri = 'javascript:alert(1)')],
    ['a wrong result', (r: Report) => ((r as { result: string }).result = 'green')],
    ['a key the schema does not know', (r: Report) => ((r.findings[0] as unknown as Record<string, unknown>)['html'] = '<img src=x onerror=alert(1)>')],
    ['a control character in a one-line field', (r: Report) => (r.targets[0]!.name = 'api\u001b[2J')],
  ])('report with %s is refused', async (_what, tamper) => {
    const { report } = await realReport();
    const copy = JSON.parse(reportJson(report)) as Report;
    expect(() => validateReport(copy)).not.toThrow();
    tamper(copy);
    expect(() => validateReport(copy)).toThrow(/does not match its schema/);
  });

  it('refuses oversized files, symlinks and directories outside the workspace', async () => {
    const { root, report } = await realReport();
    writeArtifacts(root, 'out', { sarifText: JSON.stringify(toSarif(report)), reportText: reportJson(report), meta });
    writeFileSync(join(root, 'out', META_FILE), ' '.repeat(MAX_META_BYTES + 1));
    expect(() => readArtifacts(root, 'out')).toThrow(/over the .*-byte limit/);

    const outside = mkdtempSync(join(tmpdir(), 'mcg-outside-'));
    writeFileSync(join(outside, 'secret.json'), '{}');
    mkdirSync(join(root, 'link'));
    writeFileSync(join(root, 'link', META_FILE), `${JSON.stringify(meta)}\n`);
    symlinkSync(join(outside, 'secret.json'), join(root, 'link', REPORT_FILE));
    expect(() => readArtifacts(root, 'link')).toThrow(/outside the workspace/);
    expect(() => readArtifacts(root, '../')).toThrow(/outside the workspace/);
  });

  it('names the missing file', async () => {
    const { root } = await realReport();
    mkdirSync(join(root, 'empty'));
    expect(() => readArtifacts(root, 'empty')).toThrow(new RegExp(`${META_FILE} is missing`));
  });

  it('reads only the metadata and the report: the SARIF the scan job wrote is never read (report mode writes its own)', async () => {
    const { root, report } = await realReport();
    writeArtifacts(root, 'out', { sarifText: '{"version":"2.0.0","runs":[]}', reportText: reportJson(report), meta });
    expect(readArtifacts(root, 'out').report).toEqual(JSON.parse(reportJson(report)));
    // not even opened: a directory (or a dangling link) in its place changes nothing
    rmSync(join(root, 'out', SARIF_FILE));
    mkdirSync(join(root, 'out', SARIF_FILE));
    expect(readArtifacts(root, 'out').meta).toEqual(meta);
  });
});
