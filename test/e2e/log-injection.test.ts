/**
 * Issue #18, workflow-command injection: hostile file and folder names reach the job log of the
 * bundled action (Node 24, fake GitHub) in `mode: discover` and `mode: full` (the discover list,
 * the "Helm template skipped" note, the YAML notes, annotations). The log is read the way the
 * runner reads it: a line that starts with `::` (after leading whitespace) is a command.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, useFakeGitHub, type ActionRun } from '../support/action-run.js';

const HOSTILE = ['a\n::stop-commands::x\nb', '::error title=Forged::pwned', '::add-mask::abcd', ' ::warning file=x,line=1::forged', 'c\r::notice::forged'];
/** What the action itself may issue. */
const OURS = new Set(['add-mask', 'debug', 'warning', 'error', 'notice', 'stop-commands', 'group', 'endgroup']);

function hostileWorkspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'mcg-inj-'));
  for (const name of HOSTILE) {
    const dir = join(ws, name);
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22\nCOPY . /app\nCMD ["node", "/app/index.js"]\n');
    // a Helm chart (Chart.yaml beside templates/): its templates are listed as not checked, with a note
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: hostile\nversion: 0.1.0\n');
    writeFileSync(join(dir, 'templates', 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  a:\n    image: x\n---\nservices: {}\n');
  }
  return ws;
}

interface Command {
  name: string;
  line: string;
}

/** The runner's reading of a log: commands, honouring `::stop-commands::<token>` … `::<token>::`. */
function commands(log: string): Command[] {
  const out: Command[] = [];
  let stopped: string | undefined;
  for (const raw of log.split(/\r?\n|\r/)) {
    const line = raw.trimStart();
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    if (!line.startsWith('::')) continue;
    const m = /^::([^\s:]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    out.push({ name: m[1]!, line });
    if (m[1] === 'stop-commands') stopped = m[2];
  }
  return out;
}

function expectNoForgedCommand(r: ActionRun): void {
  const cmds = commands(r.stdout);
  for (const c of cmds) {
    expect(OURS.has(c.name), `unexpected command: ${JSON.stringify(c.line)}`).toBe(true);
    if (c.name === 'stop-commands') expect(c.line, 'a stop-commands token is ours (random hex)').toMatch(/^::stop-commands::[0-9a-f]{32}$/);
    expect(c.line).not.toMatch(/^::error title=Forged/);
    expect(c.line).not.toBe('::add-mask::abcd');
    expect(c.line).not.toMatch(/^::(warning|notice)[^:]*::forged$/);
  }
  expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u009b]/);
}

const gh = useFakeGitHub();

describe('hostile names in the job log (bundled action)', () => {
  it('mode: discover lists the Dockerfiles without issuing a command', async () => {
    const r = await runAction({ workspace: hostileWorkspace(), apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { mode: 'discover', dockerfile: '**/Dockerfile' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // discovery itself refuses names with line breaks; the others are listed, as text
    const listed = HOSTILE.filter((n) => !/[\r\n]/.test(n));
    expect(r.outputs['count']).toBe(String(listed.length));
    for (const n of listed) expect(r.stdout).toContain(`${n.trim()}/Dockerfile`);
    expectNoForgedCommand(r);
  });

  it('mode: full (static checks, Helm and YAML notes, annotations) issues only its own commands', async () => {
    const r = await runAction({ workspace: hostileWorkspace(), apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { build: 'false', 'upload-sarif': 'false', 'check-run': 'false', comment: 'never' } });
    // the note starts with the hostile path: without the logger it would be a forged `::error`
    expect(r.stdout).toMatch(/^%3A:error title=Forged::pwned\/templates\/deployment\.yaml: Helm chart template not checked/m);
    expect(commands(r.stdout).some((c) => c.name === 'warning' || c.name === 'error' || c.name === 'notice')).toBe(true);
    expectNoForgedCommand(r);
  });
});
