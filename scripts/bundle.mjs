// Builds the committed bundles: dist/index.js (the action, referenced from action.yml only),
// dist/post.js (its post step), dist/cli.js (the CLI, package.json `bin`) and dist/lib.js (the library, package.json `exports`;
// its declarations in dist/types/ come from `tsc -p tsconfig.lib.json`, run below).
// Deterministic output so that a test can compare a fresh build with what is committed.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outdir = process.argv[2] ?? 'dist';
mkdirSync(outdir, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __mcgCreateRequire } from 'node:module';\nconst require = __mcgCreateRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: ['src/index.ts'], outfile: `${outdir}/index.js` });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: `${outdir}/cli.js`,
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
await build({ ...common, entryPoints: ['src/post.ts'], outfile: `${outdir}/post.js` });
await build({ ...common, entryPoints: ['src/lib.ts'], outfile: `${outdir}/lib.js` });
// the library's declarations (.d.ts) beside it: tsc, from the same sources
rmSync(join(outdir, 'types'), { recursive: true, force: true });
execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.lib.json', '--declarationDir', join(outdir, 'types')], { stdio: 'inherit' });
