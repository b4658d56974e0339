/**
 * `npm run docs`: rewrites the generated blocks of every rule's docs page (docs/rules/<id>.md)
 * from the rule's metadata (scripts/rule-docs.ts). `--check` writes nothing and exits 1 when a
 * page differs. Run through scripts/docs.mjs, which bundles this file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../src/rules/index.js';
import { safeWriteFile } from '../src/core/safe-write.js';
import { driftedBlocks, renderPage } from './rule-docs.js';

const root = process.argv[2] ?? process.cwd();
const check = process.argv.includes('--check');
let changed = 0;
for (const meta of catalog) {
  const rel = join('docs', 'rules', `${meta.id}.md`);
  const page = readFileSync(join(root, rel), 'utf8');
  const next = renderPage(page, meta);
  if (next === page) continue;
  changed++;
  if (check) console.error(`${rel}: generated ${driftedBlocks(page, meta).join(', ')} differ from the rule's metadata (run npm run docs)`);
  else {
    safeWriteFile({ root, what: 'docs page' }, rel, next);
    console.log(`${rel}: rewritten from the rule's metadata`);
  }
}
console.log(`${catalog.length} rule pages, ${changed} ${check ? 'out of date' : 'rewritten'}`);
if (check && changed > 0) process.exitCode = 1;
