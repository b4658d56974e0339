/**
 * The README's rule table is generated from the catalog; this test keeps them in step.
 * Regenerate with UPDATE_DOCS=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/rules/index.js';

const README = join(import.meta.dirname, '..', '..', 'README.md');
const KIND: Record<string, string> = { dockerfile: 'Dockerfile', image: 'Built image', compose: 'Compose', k8s: 'Kubernetes', workflow: 'Workflow', meta: 'Engine' };

export function ruleTable(): string {
  const rows = catalog.map((m) => `| [${m.id}](docs/rules/${m.id}.md) | ${KIND[m.kind]} | ${m.severity} | ${m.title.replace(/\|/g, '\\|')} | ${m.trivy ?? ''} |`);
  return ['| id | checks | severity | title | Trivy |', '|---|---|---|---|---|', ...rows].join('\n');
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

  it('starts with the two quickstart commands', () => {
    const text = readFileSync(README, 'utf8');
    const quick = text.slice(text.indexOf('## Quickstart'), text.indexOf('\n## ', text.indexOf('## Quickstart') + 5));
    const cmds = [...quick.matchAll(/^```sh\n([\s\S]*?)```/gm)].flatMap((m) => m[1]!.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')));
    expect(cmds).toEqual(['npm run demo', 'npm test']);
  });
});
