// `npm run bench`: every benchmark case, measured side by side in one run (several runs, medians,
// ratios against the real peers), printed as one table and written to bench/results.json and
// bench/RESULTS.md. Not a test: nothing here asserts a timing.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verdict } from './lib.mjs';
import { coldRuns, engineRuns } from './cases/dockerfile.mjs';

const repoRoot = join(import.meta.dirname, '..');
const corpusDir = join(repoRoot, '..', 'shared', 'corpus', 'real-mcp');
if (!existsSync(corpusDir)) {
  console.error(`bench: the real corpus is not at ${corpusDir}; the benchmarks need it`);
  process.exit(2);
}
if (!existsSync(join(repoRoot, 'dist', 'cli.js'))) {
  console.error('bench: dist/cli.js is missing: run npm run bundle');
  process.exit(2);
}
const only = process.argv.slice(2);
const runs = Number(process.env.MCG_BENCH_RUNS ?? 3);
const cases = readdirSync(join(import.meta.dirname, 'cases')).filter((f) => f.endsWith('.mjs')).sort();
const results = [];
for (const c of cases) {
  const name = c.replace(/\.mjs$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const tmpDir = mkdtempSync(join(tmpdir(), `mcg-bench-${name}-`));
  process.stderr.write(`bench: ${name} …\n`);
  try {
    const mod = await import(join(import.meta.dirname, 'cases', c));
    for (const r of await mod.run({ repoRoot, corpusDir, tmpDir, runs, env: process.env })) results.push({ case: name, ...r });
  } catch (e) {
    results.push({ case: name, name: `${name}: FAILED`, value: null, unit: '', target: String(e.message ?? e).slice(0, 300) });
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
for (const r of results) r.met = verdict(r);
const rows = results.map((r) => [r.name, r.value === null ? 'failed' : `${r.value} ${r.unit}`, r.peer ?? '', r.peer_value !== undefined ? `${r.peer_value} ${r.unit}` : '', r.ratio ?? '', r.target, r.met === null ? '' : r.met ? 'met' : 'NOT met']);
const header = ['benchmark', 'ours', 'peer', 'peer value', 'ratio', 'target', 'met?'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
const stamp = new Date().toISOString();
if (only.length === 0) {
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = [`# Benchmark results`, '', `Measured by \`npm run bench\` on ${stamp} (medians of ${runs} runs each; the Dockerfile engine's of ${engineRuns(runs)}, the cold start's of ${coldRuns(runs)}; ${process.platform} ${process.arch}, node ${process.version}).`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join('\n');
  writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
}
