/**
 * The CLI bundle end to end (a fresh bundle of src/ → node <bundle>/cli.js scan …) with the real rig: the
 * flawed Python example gives a schema-valid SARIF log with the CVEs and the secret on their lines,
 * exit code 1, and the raw credential appears in no output (stdout, stderr with debug logs,
 * SARIF, report JSON, markdown).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { sarifErrors } from '../support/sarif-schema.js';
import { privateTrivyCache, repoRoot } from '../support/scan-rig.js';
import { rigEnv, rigValue } from '../support/rig.js';

const DIR = 'examples/python-mcp-server';
const token = /ghp_[A-Za-z0-9]{36}/.exec(readFileSync(join(repoRoot, DIR, '.env'), 'utf8'))?.[0] ?? '';
const out = mkdtempSync(join(tmpdir(), 'mcg-cli-e2e-'));
const bundleDir = join(out, 'bundle');
const cli = join(bundleDir, 'cli.js');
let res: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  expect(token).toMatch(/^ghp_/);
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'MCG_TRIVY_CACHE_DIR']) rigValue(k);
  // bundled into a directory of its own: rewriting the committed dist/ here would let
  // test/unit/dist.test.ts compare dist/ with itself and pass when dist/ is stale
  const b = spawnSync(process.execPath, ['scripts/bundle.mjs', bundleDir], { cwd: repoRoot, encoding: 'utf8' });
  expect(b.status, b.stderr).toBe(0);
  res = spawnSync(
    process.execPath,
    [
      // the runtime probe is tested in test/e2e/probe/ (vitest.config.ts)
      cli, 'scan', DIR, '--format', 'sarif', '--output', join(out, 'out.sarif'), '--report-json', join(out, 'report.json'), '--offline', '--runtime-probe', 'false',
    ],
    { cwd: repoRoot, encoding: 'utf8', env: { ...rigEnv(), MCG_TRIVY_CACHE_DIR: privateTrivyCache(), MCG_DEBUG: '1' }, timeout: 20 * 60_000 },
  );
  const md = spawnSync(process.execPath, [cli, 'scan', DIR, '--format', 'markdown', '--output', join(out, 'out.md'), '--offline', '--runtime-probe', 'false'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...rigEnv(), MCG_TRIVY_CACHE_DIR: privateTrivyCache() },
    timeout: 20 * 60_000,
  });
  expect(md.status, md.stderr).toBe(1);
}, 40 * 60_000);

describe('mcg scan through the CLI bundle', () => {
  it('fails the policy (exit 1) with a schema-valid SARIF log', () => {
    expect(res.status, res.stderr.slice(-3000)).toBe(1);
    const log = JSON.parse(readFileSync(join(out, 'out.sarif'), 'utf8')) as Log;
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs.flatMap((r) => (r.results ?? []).map((x) => ({ tool: r.tool.driver.name, id: x.ruleId, uri: x.locations?.[0]?.physicalLocation?.artifactLocation?.uri, line: x.locations?.[0]?.physicalLocation?.region?.startLine })));
    const at = (id: string): string[] => results.filter((r) => r.id === id).map((r) => `${r.uri}:${r.line}`);
    expect(new Set(at('CVE-2026-91001'))).toEqual(new Set([`${DIR}/Dockerfile:7`]));
    expect(at('CVE-2026-91003')).toContain(`${DIR}/Dockerfile:3`);
    expect(at('CVE-2024-35195')).toEqual([`${DIR}/requirements.txt:2`]);
    expect(at('trufflehog/Github')).toContain(`${DIR}/Dockerfile:8`);
    expect(new Set(log.runs.map((r) => r.tool.driver.name))).toEqual(new Set(['MCP Container Guard', 'Trivy', 'TruffleHog']));
  });

  it('reports its own timing in the debug log', () => {
    const line = res.stderr.split('\n').find((l) => l.startsWith('debug: timing '));
    expect(line).toBeDefined();
    const t = JSON.parse(line!.slice('debug: timing '.length)) as { externalMs: number; ownMs: number; totalMs: number };
    expect(t.totalMs).toBeGreaterThanOrEqual(t.externalMs);
  });

  it('the raw credential is in no output', () => {
    for (const [name, text] of [
      ['stdout', res.stdout],
      ['stderr', res.stderr],
      ['sarif', readFileSync(join(out, 'out.sarif'), 'utf8')],
      ['report.json', readFileSync(join(out, 'report.json'), 'utf8')],
      ['markdown', readFileSync(join(out, 'out.md'), 'utf8')],
    ] as const) {
      expect(text.includes(token), name).toBe(false);
      expect(text.includes(token.slice(4, 20)), name).toBe(false);
    }
  });
});
