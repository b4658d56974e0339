/**
 * One source per rule (issue #19 item 5): the parts of a rule's docs page that restate its
 * metadata — the title, severity, precision and Trivy equivalent (the header), the Fix and the
 * Rationale — are generated from the rule's metadata in src/rules/ and sit between markers:
 *
 *   <!-- generated:begin fix (from the rule's metadata in src/rules/; npm run docs) -->
 *   …
 *   <!-- generated:end fix -->
 *
 * Everything outside the markers is hand-written and kept as it is. `npm run docs` rewrites the
 * blocks (scripts/docs.mjs); test/unit/catalog.test.ts fails when a page differs from what
 * renderPage gives, so a page cannot drift from its rule.
 */
import type { RuleMeta } from '../src/core/types.js';

export const BLOCKS = ['header', 'fix', 'rationale'] as const;
export type BlockName = (typeof BLOCKS)[number];

export const beginMarker = (name: BlockName): string => `<!-- generated:begin ${name} (from the rule's metadata in src/rules/; npm run docs) -->`;
export const endMarker = (name: BlockName): string => `<!-- generated:end ${name} -->`;

/** Markdown table cell text: a pipe would end the cell. */
const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The text of each generated block, from the metadata alone. */
export function generatedBlocks(meta: RuleMeta): Record<BlockName, string> {
  return {
    header: [
      `# ${meta.id} — ${meta.title}`,
      '',
      '| | |',
      '|---|---|',
      `| Severity | ${meta.severity} |`,
      `| Precision | ${meta.precision} |`,
      `| Trivy equivalent | ${cell(meta.trivy ?? 'none')} |`,
    ].join('\n'),
    fix: meta.fix.trim(),
    rationale: meta.rationale.trim(),
  };
}

const BLOCK_RE = /^<!-- generated:begin (\w+)[^\n]*-->\n([\s\S]*?)\n?^<!-- generated:end (\w+) -->$/gm;

/** The generated blocks found on a page, by name; throws on a malformed or repeated block. */
export function pageBlocks(page: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of page.matchAll(BLOCK_RE)) {
    const [, name, body, end] = m as unknown as [string, string, string, string];
    if (name !== end) throw new Error(`generated block "${name}" is closed by "${end}"`);
    if (found.has(name)) throw new Error(`generated block "${name}" appears twice`);
    found.set(name, body);
  }
  const begins = page.match(/<!-- generated:begin /g)?.length ?? 0;
  if (begins !== found.size) throw new Error('a generated:begin marker has no matching generated:end marker');
  return found;
}

/**
 * The page with every generated block rewritten from the metadata. Each block must be on the page
 * once (where it sits is the page's choice); an unknown block name is an error.
 */
export function renderPage(page: string, meta: RuleMeta): string {
  const found = pageBlocks(page);
  for (const name of found.keys()) if (!(BLOCKS as readonly string[]).includes(name)) throw new Error(`unknown generated block "${name}"`);
  const missing = BLOCKS.filter((b) => !found.has(b));
  if (missing.length > 0) throw new Error(`${meta.id}: the page has no generated ${missing.join(', ')} block (add the markers ${beginMarker(missing[0]!)} … ${endMarker(missing[0]!)})`);
  const blocks = generatedBlocks(meta);
  return page.replace(BLOCK_RE, (_all, name: string) => `${beginMarker(name as BlockName)}\n${blocks[name as BlockName]}\n${endMarker(name as BlockName)}`);
}

/** The names of the blocks whose text differs from what the metadata gives. */
export function driftedBlocks(page: string, meta: RuleMeta): BlockName[] {
  const found = pageBlocks(page);
  const blocks = generatedBlocks(meta);
  return BLOCKS.filter((b) => found.get(b) !== blocks[b]);
}
