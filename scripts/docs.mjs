// `npm run docs [-- --check]`: bundles scripts/docs-main.ts (TypeScript, importing the rule
// catalog from src/) into a temporary file and runs it on this repository.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'mcg-docs-'));
try {
  const outfile = join(work, 'docs-main.mjs');
  await build({
    entryPoints: [join(root, 'scripts', 'docs-main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __mcgCreateRequire } from 'node:module';\nconst require = __mcgCreateRequire(import.meta.url);" },
  });
  process.argv.splice(2, 0, root);
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(work, { recursive: true, force: true });
}
