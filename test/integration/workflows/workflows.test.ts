/**
 * The workflows we ship (the reusable workflow, the ready-to-copy callers in workflows/ and the
 * project's own CI): actionlint-clean, pinned, minimal permissions, and wired the way the README
 * says. actionlint is installed by test/support/actionlint.ts and its absence fails the test.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../../support/actionlint.js';

const root = join(import.meta.dirname, '..', '..', '..');
const OWN_ACTION = 'mcp-container-guard/mcp-container-guard@v1';
const REUSABLE = '.github/workflows/mcp-container-guard.yml';

type Json = Record<string, unknown>;
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  permissions?: Record<string, string> | string;
  steps?: Step[];
  uses?: string;
  with?: Json;
  needs?: string | string[];
  if?: string;
  strategy?: Json;
  outputs?: Record<string, string>;
}

function workflowFiles(): string[] {
  const list = (dir: string): string[] =>
    readdirSync(join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `${dir}/${f}`)
      .sort();
  return [...list('.github/workflows'), ...list('workflows')];
}

function load(rel: string): Json {
  return parse(readFileSync(join(root, rel), 'utf8')) as Json;
}

function jobs(rel: string): Record<string, Job> {
  return load(rel)['jobs'] as Record<string, Job>;
}

function allUses(rel: string): string[] {
  return Object.values(jobs(rel)).flatMap((j) => [...(j.uses ? [j.uses] : []), ...(j.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : []))]);
}

const isOwn = (u: string): boolean => u === './' || u === OWN_ACTION || u.startsWith('mcp-container-guard/mcp-container-guard/.github/workflows/') || u.startsWith('./.github/workflows/');

describe('workflow files', () => {
  it('are all there', () => {
    expect(workflowFiles()).toEqual(
      expect.arrayContaining([
        REUSABLE,
        '.github/workflows/ci.yml',
        'workflows/pull-request.yml',
        'workflows/fork-safe-report.yml',
        'workflows/monorepo.yml',
        'workflows/nightly-rescan.yml',
        'workflows/release-gate.yml',
      ]),
    );
  });

  it('pass actionlint', { timeout: 300_000 }, () => {
    const r = actionlint(workflowFiles(), root);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('actionlint catches a broken workflow (the check can fail)', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-actionlint-'));
    writeFileSync(
      join(dir, 'broken.yml'),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    needs: missing\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n',
    );
    const r = actionlint(['broken.yml'], dir);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/missing/);
  });

  it('pin every third-party action to a full commit SHA', () => {
    for (const f of workflowFiles()) {
      for (const u of allUses(f)) {
        if (isOwn(u)) continue;
        expect(u, `${f}: ${u}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('grant nothing at the top level and name every job permission', () => {
    for (const f of workflowFiles()) {
      const wf = load(f);
      expect(wf['permissions'], `${f}: top-level permissions`).toEqual({});
      for (const [name, j] of Object.entries(jobs(f))) {
        expect(typeof j.permissions, `${f}: job ${name} sets its permissions`).toBe('object');
        for (const [scope, level] of Object.entries(j.permissions as Record<string, string>)) {
          expect(['read', 'write', 'none'], `${f}: ${name}.${scope}`).toContain(level);
        }
      }
    }
  });

  it('check out without keeping the token in the repository', () => {
    for (const f of workflowFiles()) {
      for (const j of Object.values(jobs(f))) {
        for (const s of j.steps ?? []) {
          if (s.uses?.startsWith('actions/checkout@')) expect(s.with?.['persist-credentials'], f).toBe(false);
        }
      }
    }
  });

  it('in workflows/ are commented for a first-time user', () => {
    for (const f of workflowFiles().filter((x) => x.startsWith('workflows/'))) {
      const lines = readFileSync(join(root, f), 'utf8').split('\n');
      const header = lines.slice(0, lines.findIndex((l) => !l.startsWith('#')));
      expect(header.length, `${f} starts with an explanation`).toBeGreaterThanOrEqual(5);
      expect(header[0], f).toMatch(/^# Copy to \.github\/workflows\//);
    }
  });
});

describe('the reusable workflow', () => {
  const wf = load(REUSABLE);
  const on = wf['on'] as { workflow_call: { inputs: Record<string, { type: string; default?: unknown }>; outputs: Record<string, { value: string }> } };
  const j = jobs(REUSABLE);

  it('is a workflow_call with dockerfiles, max-parallel and the main action inputs', () => {
    const inputs = on.workflow_call.inputs;
    for (const k of ['dockerfiles', 'max-parallel', 'build', 'scanners', 'config', 'severity-threshold', 'fail-on', 'upload-sarif', 'category', 'check-run', 'comment', 'comment-mode']) {
      expect(inputs, k).toHaveProperty(k);
    }
    expect(inputs['max-parallel']!.type).toBe('number');
    expect(inputs['comment-mode']!.default).toBe('combined');
  });

  it('has outputs for the result and the counts, taken from the report job', () => {
    const outs = on.workflow_call.outputs;
    for (const k of ['result', 'total', 'new', 'critical', 'high', 'medium', 'low', 'info']) expect(outs[k]!.value).toBe(`\${{ jobs.report.outputs.${k} }}`);
    for (const k of ['result', 'total', 'critical']) expect(j['report']!.outputs![k]).toBe(`\${{ steps.report.outputs.${k} }}`);
  });

  it('discovers with the action, not with inline shell, and only reads', () => {
    const d = j['discover']!;
    // pull-requests: read is for changed-only's file list
    expect(d.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
    expect(d.steps!.some((s) => s.run)).toBe(false);
    const step = d.steps!.find((s) => s.uses === OWN_ACTION)!;
    expect(step.with).toMatchObject({ mode: 'discover', dockerfile: '${{ inputs.dockerfiles }}' });
    expect(d.outputs!['matrix']).toBe('${{ steps.discover.outputs.matrix }}');
    expect(step.with).toMatchObject({ 'changed-only': '${{ inputs.changed-only }}' });
    expect(d.outputs!['skipped']).toBe('${{ steps.discover.outputs.skipped }}');
  });

  it('scans one Dockerfile per matrix job in mode: scan and uploads each as mcg-<target>', () => {
    const s = j['scan']!;
    expect(s.permissions).toEqual({ contents: 'read', 'security-events': 'read' });
    expect(s.strategy).toMatchObject({ 'fail-fast': false, 'max-parallel': '${{ inputs.max-parallel }}', matrix: { include: '${{ fromJSON(needs.discover.outputs.matrix).include }}' } });
    const scan = s.steps!.find((x) => x.uses === OWN_ACTION)!;
    expect(scan.with).toMatchObject({ mode: 'scan', dockerfile: '${{ matrix.dockerfile }}', context: '${{ matrix.context }}' });
    const up = s.steps!.find((x) => x.uses?.startsWith('actions/upload-artifact@'))!;
    expect(up.if).toContain('!cancelled()');
    expect(up.with).toMatchObject({ name: 'mcg-${{ matrix.target }}' });
    expect(String(up.with!['path'])).toContain(String(scan.with!['artifact-dir']));
  });

  it('reports once over all artifacts, even after a failed scan job', () => {
    const r = j['report']!;
    expect(r.needs).toEqual(['discover', 'scan']);
    expect(r.if).toContain('!cancelled()');
    // changed-only with nothing to rescan still reports (a check run for the PR)
    expect(r.if).toContain("needs.discover.outputs.skipped != '0'");
    expect(r.permissions).toMatchObject({ checks: 'write', 'pull-requests': 'write', 'security-events': 'write' });
    const dl = r.steps!.find((x) => x.uses?.startsWith('actions/download-artifact@'))!;
    expect(dl.with).toMatchObject({ pattern: 'mcg-*', path: 'mcg-results' });
    const rep = r.steps!.find((x) => x.uses === OWN_ACTION)!;
    expect(rep.with).toMatchObject({ mode: 'report', 'artifact-dir': 'mcg-results', matrix: '${{ needs.discover.outputs.matrix }}', 'comment-mode': '${{ inputs.comment-mode }}' });
  });

  it('passes the action only inputs that action.yml declares', () => {
    const declared = Object.keys((parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Json }).inputs);
    for (const f of workflowFiles()) {
      for (const job of Object.values(jobs(f))) {
        for (const s of job.steps ?? []) {
          if (s.uses !== OWN_ACTION && s.uses !== './') continue;
          for (const k of Object.keys(s.with ?? {})) expect(declared, `${f}: input "${k}"`).toContain(k);
        }
      }
    }
  });
});
