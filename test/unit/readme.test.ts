/**
 * The README's rule table is generated from the catalog; this test keeps them in step.
 * Regenerate with UPDATE_DOCS=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalog } from '../../src/rules/index.js';

const README = join(import.meta.dirname, '..', '..', 'README.md');
const KIND: Record<string, string> = { dockerfile: 'Dockerfile', image: 'Built image', compose: 'Compose', k8s: 'Kubernetes', workflow: 'Workflow', mcp: 'MCP launch', probe: 'Runtime probe', meta: 'Engine' };

export function ruleTable(): string {
  const rows = catalog.map((m) => `| [${m.id}](docs/rules/${m.id}.md) | ${KIND[m.kind]} | ${m.severity} | ${m.title.replace(/\|/g, '\\|')} | ${m.trivy ?? ''} |`);
  return ['| id | checks | severity | title | Trivy |', '|---|---|---|---|---|', ...rows].join('\n');
}

const ACTION_YML = join(import.meta.dirname, '..', '..', 'action.yml');

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

function cell(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/** The action's inputs, from action.yml. */
export function inputsTable(): string {
  const a = parse(readFileSync(ACTION_YML, 'utf8')) as ActionYml;
  const rows = Object.entries(a.inputs).map(([k, v]) => `| \`${k}\` | ${v.default === undefined || v.default === '' ? '' : `\`${cell(String(v.default))}\``} | ${cell(v.description)} |`);
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n');
}

/** The action's outputs, from action.yml. */
export function outputsTable(): string {
  const a = parse(readFileSync(ACTION_YML, 'utf8')) as ActionYml;
  const rows = Object.entries(a.outputs).map(([k, v]) => `| \`${k}\` | ${cell(v.description)} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} section`);
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

describe('README', () => {
  it('lists every rule of the catalog with its docs link, severity and title', () => {
    const text = readFileSync(README, 'utf8');
    const want = replaceSection(text, 'rules', ruleTable());
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(README, want);
    expect(text, 'README rule table is stale: run UPDATE_DOCS=1 npx vitest run test/unit/readme.test.ts').toBe(want);
  });

  it('lists every input and output of action.yml with its default and description', () => {
    const text = readFileSync(README, 'utf8');
    const want = replaceSection(replaceSection(text, 'inputs', inputsTable()), 'outputs', outputsTable());
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(README, want);
    expect(text, 'README inputs/outputs tables are stale: run UPDATE_DOCS=1 npx vitest run test/unit/readme.test.ts').toBe(want);
  });

  it('documents every entry point and the setup a user needs', () => {
    const text = readFileSync(README, 'utf8');
    for (const heading of ['## The GitHub Action', '## The reusable workflow', '## CLI', '## Permissions', '## Required status check', '## Pull requests from forks', '## Compared with']) {
      expect(text, heading).toContain(heading);
    }
    for (const f of ['workflows/pull-request.yml', 'workflows/fork-safe-report.yml', 'workflows/monorepo.yml', 'workflows/nightly-rescan.yml', 'workflows/release-gate.yml', '.github/workflows/mcp-container-guard.yml']) {
      expect(text, f).toContain(`](${f})`);
    }
    for (const cmd of ['mcg discover', 'mcg merge']) expect(text).toContain(cmd);
  });

  it('starts with the two quickstart commands', () => {
    const text = readFileSync(README, 'utf8');
    const quick = text.slice(text.indexOf('## Quickstart'), text.indexOf('\n## ', text.indexOf('## Quickstart') + 5));
    const cmds = [...quick.matchAll(/^```sh\n([\s\S]*?)```/gm)].flatMap((m) => m[1]!.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')));
    expect(cmds).toEqual(['npm run demo', 'npm test']);
  });
});
