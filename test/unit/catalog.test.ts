/**
 * The catalog stays in step: every rule has one source file named after its id, one docs page
 * with the standard sections, one test table, and a unique id; every docs page belongs to a rule;
 * every docs page's title, severity, precision, Trivy equivalent, Fix and Rationale are the rule's
 * metadata (generated blocks, scripts/rule-docs.ts; `npm run docs` rewrites them), so a page
 * cannot drift from its rule; every docs page's failing example fires its rule and its fixed
 * example does not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/rules/index.js';
import { docExamples, runExample } from '../support/doc-examples.js';
import { BLOCKS, driftedBlocks, generatedBlocks, pageBlocks, renderPage } from '../../scripts/rule-docs.js';

const root = join(import.meta.dirname, '..', '..');

describe('rule catalog', () => {
  it('has unique, well-formed ids', () => {
    const ids = catalog.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^MCG\d{3}$/);
  });

  it.each(catalog.map((m) => [m.id, m] as const))('%s has its source file, docs page and test table', (id, m) => {
    // the meta rules raised by core itself (MCG900/990/991/993/995) keep their metadata in core
    const homes = [join('src', 'rules', m.kind), ...(m.kind === 'meta' ? [join('src', 'core', 'meta-rules')] : [])];
    expect(homes.some((d) => existsSync(join(root, d, `${id}-${m.name}.ts`))), `${homes.join(' or ')}/${id}-${m.name}.ts`).toBe(true);
    const doc = join(root, 'docs', 'rules', `${id}.md`);
    expect(existsSync(doc), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(doc, 'utf8');
    for (const section of ['## Problem', '## Fix', '## Rationale', '## Examples', '## Suppression']) expect(text).toContain(section);
    const testFile = join(root, 'test', 'unit', 'rules', `${id}.test.ts`);
    expect(existsSync(testFile), `test/unit/rules/${id}.test.ts`).toBe(true);
    expect(readFileSync(testFile, 'utf8')).toContain(id);
    for (const f of ['title', 'description', 'rationale', 'fix'] as const) expect(m[f].length).toBeGreaterThan(10);
  });

  it('has no docs page without a rule', () => {
    const ids = new Set(catalog.map((m) => m.id));
    for (const f of readdirSync(join(root, 'docs', 'rules'))) {
      if (f.endsWith('.md')) expect(ids.has(f.replace(/\.md$/, '')), f).toBe(true);
    }
  });
});

describe('docs pages from the rule metadata', () => {
  it.each(catalog.map((m) => [m.id, m] as const))('%s: the generated blocks are what the metadata gives (npm run docs)', (id, m) => {
    const text = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
    expect([...pageBlocks(text).keys()].sort(), 'generated blocks on the page').toEqual([...BLOCKS].sort());
    expect(driftedBlocks(text, m), `docs/rules/${id}.md differs from src/rules/${m.kind}/${id}-${m.name}.ts: run npm run docs`).toEqual([]);
    expect(renderPage(text, m)).toBe(text);
    // each block sits where it says: the header first, the Fix and Rationale under their headings
    expect(text.split('\n')[1]).toBe(`# ${id} — ${m.title}`);
    expect(text).toMatch(/^## Fix\n\n<!-- generated:begin fix /m);
    expect(text).toMatch(/^## Rationale\n\n<!-- generated:begin rationale /m);
  });

  it('catches drift: a changed severity, fix or rationale, or a hand edit inside a block, differs', () => {
    const m = catalog[0]!;
    const text = readFileSync(join(root, 'docs', 'rules', `${m.id}.md`), 'utf8');
    expect(driftedBlocks(text, { ...m, severity: m.severity === 'low' ? 'high' : 'low' })).toEqual(['header']);
    expect(driftedBlocks(text, { ...m, fix: `${m.fix} More.` })).toEqual(['fix']);
    expect(driftedBlocks(text, { ...m, rationale: 'Other.' })).toEqual(['rationale']);
    const edited = text.replace(generatedBlocks(m).fix, `${generatedBlocks(m).fix} Edited by hand.`);
    expect(driftedBlocks(edited, m)).toEqual(['fix']);
    expect(renderPage(edited, m)).toBe(text);
    // hand-written prose outside the markers is kept
    const prose = text.replace('## Examples', 'A hand-written note.\n\n## Examples');
    expect(renderPage(prose, m)).toBe(prose);
    expect(() => renderPage(text.replace(/<!-- generated:end fix -->\n/, ''), m)).toThrow(/closed by|no matching/);
  });
});

describe('docs examples', () => {
  const page = (id: string): string => readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
  // Meta rules whose finding needs more than one file's reading (a scanner that failed, the
  // builder's own record, a suppression in the config) show it in prose; every other rule runs its examples.
  const PROSE_ONLY = ['MCG900', 'MCG990', 'MCG992', 'MCG995'];
  const withExamples = catalog.filter((m) => !PROSE_ONLY.includes(m.id));

  it('only the prose-only meta rules go without examples', () => {
    for (const id of PROSE_ONLY) expect(catalog.find((m) => m.id === id)?.kind, id).toBe('meta');
    for (const id of PROSE_ONLY) expect(docExamples(page(id)).failing, `${id} has examples now: take it off PROSE_ONLY`).toEqual([]);
  });

  it.each(withExamples.map((m) => [m.id, m] as const))('%s: the failing example fires and the fixed one does not', (id, m) => {
    const ex = docExamples(readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8'));
    expect(ex.failing.length, 'a failing example').toBeGreaterThan(0);
    expect(ex.fixed.length, 'a fixed example').toBeGreaterThan(0);
    for (const e of ex.failing) expect(runExample(m, e).some((f) => f.ruleId === id), `failing example fires ${id}`).toBe(true);
    for (const e of ex.fixed) expect(runExample(m, e).filter((f) => f.ruleId === id), `fixed example is clean of ${id}`).toEqual([]);
  });
});
