/**
 * The runtime probe through the real pipeline (build → docker save → probe → rules → report):
 * each fixture server gives its finding on the right line with the right flag, the good one
 * passes and its proven profile is in the report, and no labelled container survives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/types.js';
import { PROBE_LABEL } from '../../../src/core/probe/profile.js';
import { spawnExec } from '../../../src/scanners/exec.js';
import { rigScan, type RigScan } from '../../support/scan-rig.js';
import { rigEnv } from '../../support/rig.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { profileSnippets } from '../../../src/core/probe/snippets.js';
import { renderMarkdown } from '../../../src/reporters/markdown.js';
import { createHash } from 'node:crypto';
import { parseBaseline } from '../../../src/core/baseline.js';

/** The proven `docker run` argv of the good image, labelled (so the leftover check sees it) and aimed at the rig's engine. */
function provenArgv(): string[] {
  const p = run.report.targets.find((x) => x.dockerfile === df('good'))!.probe!;
  const args = profileSnippets(p)!.clientConfig.mcpServers['mcp-server']!.args;
  expect(args[0]).toBe('run');
  return ['-H', rigEnv()['DOCKER_HOST']!, 'run', '--label', `${PROBE_LABEL}=snippet`, ...args.slice(1)];
}

const DIR = 'test/fixtures/probe-servers';
const df = (n: string): string => `${DIR}/${n}.Dockerfile`;
const NAMES = ['good', 'banner', 'writes-home', 'needs-root', 'never-answers'];
let run: RigScan;
const of = (name: string, rule: string): Finding[] => run.report.findings.filter((f) => f.location.path === df(name) && f.ruleId === rule);

beforeAll(async () => {
  run = await rigScan(DIR, {
    dockerfiles: NAMES.map(df),
    context: DIR,
    scanners: { trivy: false, trufflehog: false },
    manifests: false,
    probe: { mode: 'true', transport: 'auto', timeoutSeconds: 45, env: {} },
  });
}, 20 * 60_000);

describe('runtime probe through the pipeline (real engine, MCP SDK)', () => {
  it('probed every image and listed it in the coverage ledger as checked', () => {
    for (const n of NAMES) {
      const t = run.report.targets.find((x) => x.dockerfile === df(n));
      expect(t?.probe, n).toBeDefined();
      expect(run.report.coverage.find((c) => c.path === df(n) && c.kind === 'runtime-probe')?.status, n).toBe('checked');
    }
    expect(run.report.findings.filter((f) => f.ruleId === 'MCG990')).toEqual([]);
  });

  it('good: passes under the whole profile, tools listed, no probe finding', () => {
    const p = run.report.targets.find((x) => x.dockerfile === df('good'))!.probe!;
    expect(p.status).toBe('passed');
    expect(p.proven).toEqual(expect.arrayContaining(['--read-only', '--cap-drop', 'ALL', '--network', 'none']));
    expect(p.tools.map((t) => t.name)).toEqual(['echo']);
    expect(run.report.findings.filter((f) => f.location.path === df('good') && /^MCG40/.test(f.ruleId))).toEqual([]);
  });

  it('good: the tool surface is in the report (name, SHA-256 of description and canonical schema, hints); no baseline, no drift compared', () => {
    const p = run.report.targets.find((x) => x.dockerfile === df('good'))!.probe!;
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    // server.py's one tool, hashed here from its own text (the schema's keys sorted by hand)
    expect(p.tools).toEqual([
      {
        name: 'echo',
        descriptionHash: sha('Echo the text back.'),
        schemaHash: sha('{"properties":{"text":{"type":"string"}},"required":["text"],"type":"object"}'),
        annotations: { readOnlyHint: true },
      },
    ]);
    expect(p.drift).toEqual({ compared: false, reason: 'no baseline' });
    expect(run.report.findings.filter((f) => /^MCG40[789]$/.test(f.ruleId))).toEqual([]);
  });

  it('good against a report JSON baseline whose surface differs: MCG409 and MCG408 on the ENTRYPOINT (line 6)', async () => {
    const base = structuredClone(run.report);
    const t = base.targets.find((x) => x.dockerfile === df('good'))!;
    const echo = t.probe!.tools[0]!;
    t.probe!.tools = [{ ...echo, descriptionHash: 'f'.repeat(64) }, { name: 'delete_all', descriptionHash: 'e'.repeat(64), schemaHash: 'e'.repeat(64) }];
    const again = await rigScan(DIR, {
      dockerfiles: [df('good')],
      context: DIR,
      scanners: { trivy: false, trufflehog: false },
      manifests: false,
      probe: { mode: 'true', transport: 'auto', timeoutSeconds: 45, env: {} },
      baseline: parseBaseline(JSON.stringify(base), 'base.json'),
    });
    const drift = again.report.findings.filter((f) => /^MCG40[789]$/.test(f.ruleId)).map((f) => [f.ruleId, f.severity, f.location.startLine, f.message]);
    expect(drift).toEqual([
      ['MCG409', 'medium', 6, 'The description of the tool "echo" (marked read-only) changed since the baseline\'s tool surface.'],
      ['MCG408', 'info', 6, 'The server no longer lists the tool "delete_all" that the baseline\'s tool surface has.'],
    ]);
    expect(again.report.targets.find((x) => x.dockerfile === df('good'))!.probe!.drift).toEqual({ compared: true, added: 0, removed: 1, changed: 1 });
  }, 10 * 60_000);

  it('banner: MCG402 on the ENTRYPOINT (line 6), quoting the banner', () => {
    const f = of('banner', 'MCG402');
    expect(f.map((x) => x.location.startLine)).toEqual([6]);
    expect(f[0]!.message).toContain('Starting fixture MCP server');
  });

  it('writes-home: MCG401 names --read-only, on the RUN that made the home (line 3), with the tmpfs fix', () => {
    const f = of('writes-home', 'MCG401');
    expect(f.map((x) => x.location.startLine)).toEqual([3]);
    expect(f[0]!.message).toContain('`--read-only --tmpfs /tmp`');
    expect(f[0]!.message).toContain('Read-only file system');
    expect(f[0]!.message).toContain('`--tmpfs /home/app/.cache`');
    expect(f[0]!.message).toContain('XDG_CACHE_HOME=/tmp');
  });

  it('needs-root: MCG403 names --user 65532:65532, on the CMD (line 6; no USER)', () => {
    const f = of('needs-root', 'MCG403');
    expect(f.map((x) => x.location.startLine)).toEqual([6]);
    expect(f[0]!.message).toContain('`--user 65532:65532`');
    expect(f[0]!.message).toContain('Permission denied');
  });

  it('never-answers: MCG405 on the ENTRYPOINT (line 6), failing the run closed', () => {
    const f = of('never-answers', 'MCG405');
    expect(f.map((x) => x.location.startLine)).toEqual([6]);
    expect(f[0]!.failing).toBe(true);
    expect(run.report.result).toBe('fail');
  });

  it('the job summary shows the verdicts and the good image\'s proven docker run line', () => {
    const md = renderMarkdown(run.report);
    expect(md).toContain('Runtime probe');
    const p = run.report.targets.find((x) => x.dockerfile === df('good'))!.probe!;
    expect(md).toContain(profileSnippets(p)!.dockerRun);
  });

  it('the proven docker run line starts the image and our client lists its tools', async () => {
    const argv = provenArgv();
    const client = new Client({ name: 'snippet-check', version: '1' }, { capabilities: {} });
    await client.connect(new StdioClientTransport({ command: 'docker', args: argv, env: { PATH: process.env['PATH'] ?? '' } }), { timeout: 120_000 });
    const ours = (await client.listTools({}, { timeout: 60_000 })).tools.map((t) => t.name).sort();
    await client.close();
    expect(ours).toEqual(['echo']);
  }, 400_000);

  it('leaves no container with the probe label', async () => {
    // the snippet check's own `--rm` container may still be on its way out: wait for it, never remove it here
    let left = 'unknown';
    for (let i = 0; i < 30 && left !== ''; i++) {
      const ps = await spawnExec('docker', ['ps', '-aq', '--filter', `label=${PROBE_LABEL}`], { env: rigEnv() });
      expect(ps.exitCode).toBe(0);
      left = ps.stdout.trim();
      if (left !== '') await new Promise((r) => setTimeout(r, 1000));
    }
    expect(left).toBe('');
  }, 60_000);
});
