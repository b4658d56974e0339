// Builds the committed bundles: dist/index.js (the action), dist/post.js (its post step) and
// dist/cli.js (the CLI).
// Deterministic output so that a test can compare a fresh build with what is committed.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

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
await build({ ...common, entryPoints: ['src/post.ts'], outfile: `${outdir}/post.js` });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: `${outdir}/cli.js`,
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
