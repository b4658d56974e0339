/**
 * scan → artifacts → merge: three Dockerfiles scanned by separate `mcg scan` runs (as the
 * reusable workflow's matrix jobs do), merged by `mcg merge` into one schema-valid SARIF log with
 * one category per target; the merge treats every artifact as untrusted.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as sarif from 'sarif';
import { main } from '../../../src/cli/main.js';
import { findArtifactDirs, mergedSarif, mergeReports, MergeError, parseReport, readArtifactReports, REPORT_FILE } from '../../../src/engine/merge-reports.js';
import type { Report } from '../../../src/core/types.js';
import { makeRepo } from '../../support/repo.js';
import { sarifErrors } from '../../support/sarif-schema.js';

const ROOT_USER = 'FROM node:22-slim\nCMD ["node","server.js"]\n'; // MCG001 (high) and friends
const CLEAN = 'FROM node:22-slim@sha256:' + '0'.repeat(64) + '\nUSER node\nHEALTHCHECK CMD ["node","hc.js"]\nCMD ["node","server.js"]\n';
const TWICE = 'FROM node:22-slim\nRUN apt-get install -y curl\nRUN apt-get install -y curl\nUSER node\n'; // numbered fingerprints

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {}, cwd, isTTY: false });
  return { code, out, err };
}

function repo(): string {
  return makeRepo({
    'servers/a/Dockerfile': ROOT_USER,
    'servers/b/Dockerfile': CLEAN,
    'servers/c/Dockerfile': TWICE,
    'deploy/compose.yaml': 'services:\n  app:\n    image: x:latest\n    privileged: true\n',
  });
}

/** One `mcg scan` per matrix entry, each writing its artifact directory. */
async function scanAll(root: string): Promise<string> {
  const d = await cli(['discover'], root);
  const matrix = JSON.parse(d.out) as { include: { target: string; dockerfile: string }[] };
  expect(matrix.include).toHaveLength(3);
  for (const e of matrix.include) {
    const r = await cli(['scan', '--no-build', '--dockerfile', e.dockerfile, '--format', 'json', '--output', `out/mcg-${e.target}/x.json`, '--report-json', `out/mcg-${e.target}/${REPORT_FILE}`, '--sarif', `out/mcg-${e.target}/mcg.sarif`], root);
    expect([0, 1], r.err).toContain(r.code);
  }
  return d.out.trim();
}

function categories(log: sarif.Log): string[] {
  return log.runs.map((r) => r.automationDetails!.id!).map((id) => id.slice(0, id.lastIndexOf('/')));
}

describe('mcg merge: scan → artifacts → report on three targets', () => {
  it('writes one schema-valid SARIF log with three distinct categories and one merged report', async () => {
    const root = repo();
    const matrix = await scanAll(root);
    const r = await cli(['merge', 'out', '--sarif', 'merged/mcg.sarif', '--report-json', 'merged/report.json', '--matrix', matrix, '--format', 'json', '--output', 'merged/stdout.json'], root);
    expect(r.code, r.err).toBe(1); // servers/a runs as root: high, new
    const log = JSON.parse(readFileSync(join(root, 'merged/mcg.sarif'), 'utf8')) as sarif.Log;
    expect(sarifErrors(log)).toEqual([]);
    const cats = categories(log).filter((c) => c !== 'mcg/repository');
    expect(new Set(cats)).toEqual(new Set(['mcg/servers/a/Dockerfile', 'mcg/servers/b/Dockerfile', 'mcg/servers/c/Dockerfile']));
    // GitHub rejects two runs with the same tool and category in one upload
    const keys = log.runs.map((x) => `${x.tool.driver.name}|${x.automationDetails!.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // every result sits in the run of its own target
    for (const run of log.runs) {
      const target = (run.properties as { target: string }).target;
      for (const res of run.results ?? []) expect((res.properties as { target: string }).target).toBe(target);
    }

    const merged = parseReport(readFileSync(join(root, 'merged/report.json'), 'utf8'), 'merged');
    expect(merged.targets.map((t) => t.dockerfile)).toEqual(['servers/a/Dockerfile', 'servers/b/Dockerfile', 'servers/c/Dockerfile']);
    expect(merged.result).toBe('fail');
    expect(merged.findings.some((f) => f.target === 'servers/a/Dockerfile' && f.ruleId === 'MCG001' && f.failing)).toBe(true);
    expect(merged.findings.some((f) => f.target === 'servers/b/Dockerfile' && f.failing)).toBe(false);
    expect(merged.findings.some((f) => /:2$/.test(f.fingerprint))).toBe(true); // numbered identical findings survive the schema
    // the per-target counts add up
    const parts = ['a', 'b', 'c'].map((s) => JSON.parse(readFileSync(join(root, `out/mcg-servers-${s}/${REPORT_FILE}`), 'utf8')) as Report);
    const dockerfileFindings = (rep: Report): number => rep.findings.filter((f) => f.target !== 'repository' && !f.suppressed).length;
    expect(dockerfileFindings(merged)).toBe(parts.reduce((n, p) => n + dockerfileFindings(p), 0));
  });

  it('counts findings that every job reported (compose, workflows) once', async () => {
    const root = repo();
    await scanAll(root);
    const inputs = readArtifactReports([join(root, 'out')]);
    // every matrix job also checks the repository's compose file: the same findings in each report
    const perJob = inputs.map((i) => i.report.findings.filter((f) => f.target === 'repository').map((f) => f.fingerprint).sort());
    expect(perJob[0]!.length).toBeGreaterThan(0);
    expect(perJob[1]).toEqual(perJob[0]);
    expect(perJob[2]).toEqual(perJob[0]);
    const merged = mergeReports(inputs);
    const once = merged.report.findings.filter((f) => f.target === 'repository');
    expect(once.map((f) => f.fingerprint).sort()).toEqual(perJob[0]);
    expect(once.some((f) => f.ruleId === 'MCG101' && f.location.path === 'deploy/compose.yaml')).toBe(true);
    expect(merged.notes.join('\n')).toContain(`${2 * perJob[0]!.length} finding(s) reported by more than one job were counted once`);
    const cats = mergedSarif(merged).logs.flatMap(categories);
    expect(cats.filter((c) => c === 'mcg/repository')).toHaveLength(1);
  });

  it('fails closed when a Dockerfile of the matrix has no artifact', async () => {
    const root = repo();
    const matrix = await scanAll(root);
    const inputs = readArtifactReports([join(root, 'out', 'mcg-servers-b')]);
    const expect3 = (JSON.parse(matrix) as { include: { dockerfile: string }[] }).include.map((e) => e.dockerfile);
    const m = mergeReports(inputs, { expectDockerfiles: expect3 });
    expect(m.report.result).toBe('fail');
    const missing = m.report.findings.filter((f) => f.ruleId === 'MCG990');
    expect(missing.map((f) => f.location.path).sort()).toEqual(['servers/a/Dockerfile', 'servers/c/Dockerfile']);
    expect(missing.every((f) => f.error && f.failing && f.severity === 'critical')).toBe(true);
    expect(sarifErrors(mergedSarif(m).logs[0])).toEqual([]);
  });

  it('recomputes the verdict: a tampered "pass" with failing findings still fails', async () => {
    const root = repo();
    await scanAll(root);
    const p = join(root, 'out', 'mcg-servers-a', REPORT_FILE);
    const rep = JSON.parse(readFileSync(p, 'utf8')) as Report;
    rep.result = 'pass';
    rep.reason = 'passed';
    for (const f of rep.findings) f.failing = false;
    rep.counts.failing = 0;
    writeFileSync(p, JSON.stringify(rep));
    const m = mergeReports(readArtifactReports([join(root, 'out')]));
    expect(m.report.result).toBe('fail');
    expect(m.report.counts.failing).toBeGreaterThan(0);
  });

  it('--severity-threshold and --fail-on override the jobs’ policy', async () => {
    const root = repo();
    await scanAll(root);
    const r = await cli(['merge', 'out', '--fail-on', 'never', '--format', 'json'], root);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Report).policy.failOn).toBe('never');
  });

  it('packs targets into several logs when they exceed the runs per upload, never splitting a target', async () => {
    const root = repo();
    await scanAll(root);
    const m = mergeReports(readArtifactReports([join(root, 'out')]));
    const parts = mergedSarif(m, { maxRuns: 2 });
    expect(parts.logs.length).toBeGreaterThan(1);
    const seen = new Map<string, number>();
    parts.logs.forEach((log, i) => {
      expect(log.runs.length).toBeLessThanOrEqual(2);
      expect(sarifErrors(log)).toEqual([]);
      for (const c of categories(log)) {
        expect(seen.get(c) ?? i, `${c} split across logs`).toBe(i);
        seen.set(c, i);
      }
    });
  });
});

describe('artifacts are untrusted', () => {
  async function oneArtifact(): Promise<{ root: string; dir: string; report: Report }> {
    const root = repo();
    await scanAll(root);
    const dir = join(root, 'out', 'mcg-servers-a');
    return { root, dir, report: JSON.parse(readFileSync(join(dir, REPORT_FILE), 'utf8')) as Report };
  }

  const tamper: [string, (r: Report) => void, RegExp][] = [
    ['a path outside the repository', (r) => (r.findings[0]!.location.path = '../../etc/passwd'), /location\/path/],
    ['an absolute path', (r) => (r.findings[0]!.location.path = '/etc/passwd'), /location\/path/],
    ['an unknown key', (r) => ((r as unknown as Record<string, unknown>)['extra'] = 1), /unexpected key "extra"/],
    ['a control character in a target', (r) => (r.findings[0]!.target = 'a\u001b[31m'), /target/],
    ['a non-https help link', (r) => (r.findings[0]!.helpUri = 'javascript:alert(1)'), /helpUri/],
    ['another tool', (r) => ((r.tool as { name: string }).name = 'evil'), /tool\/name/],
    ['a wrong severity', (r) => ((r.findings[0] as { severity: string }).severity = 'urgent'), /severity/],
  ];
  for (const [what, change, msg] of tamper) {
    it(`refuses ${what}`, async () => {
      const { dir, report } = await oneArtifact();
      change(report);
      writeFileSync(join(dir, REPORT_FILE), JSON.stringify(report));
      expect(() => readArtifactReports([dir])).toThrow(MergeError);
      expect(() => readArtifactReports([dir])).toThrow(msg);
    });
  }

  it('refuses non-JSON, a symlinked report, and a directory without reports', async () => {
    const { root, dir } = await oneArtifact();
    writeFileSync(join(dir, REPORT_FILE), '{"schemaVersion":');
    expect(() => readArtifactReports([dir])).toThrow(/not JSON/);
    const link = join(root, 'linked');
    mkdirSync(link);
    symlinkSync('/etc/hostname', join(link, REPORT_FILE));
    expect(() => readArtifactReports([link])).toThrow(/not a regular file/);
    const empty = join(root, 'empty');
    mkdirSync(join(empty, 'mcg-x'), { recursive: true });
    expect(() => findArtifactDirs([empty])).toThrow(/holds no mcg-report.json/);
  });

  it('CLI: a bad artifact is exit 2 with the reason', async () => {
    const { root, dir, report } = await oneArtifact();
    report.findings[0]!.location.path = '../x';
    writeFileSync(join(dir, REPORT_FILE), JSON.stringify(report));
    const r = await cli(['merge', 'out'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an mcg report/);
  });

  it('every report a scan writes matches schema/report.schema.json', async () => {
    const { report } = await oneArtifact();
    expect(() => parseReport(JSON.stringify(report), 'x')).not.toThrow();
  });
});
