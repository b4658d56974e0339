/**
 * The layer rule (eslint/layers.mjs) fires: tiny sources linted through the ESLint Node API with
 * the project's own config, as if they sat at the given path under src/.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'mcg/layers').map((m) => m.message);
}

describe('mcg/layers', () => {
  it('reports core importing the engine, rules or sarif', async () => {
    const code = "import { scan } from '../engine/scan.js';\nimport { catalog } from '../rules/index.js';\nexport type { X } from '../sarif/to-sarif.js';\nexport const a = [scan, catalog];\n";
    const errors = await layerErrors(code, 'src/core/fixture-layer.ts');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain("Layer 'core' may not import 'engine'");
  });

  it('reports a rule reaching into a scanner, and a dynamic import', async () => {
    const code = "import { readImageTar } from '../../scanners/image-tar.js';\nexport const f = () => import('../../engine/pipeline.js');\nexport const g = readImageTar;\n";
    const errors = await layerErrors(code, 'src/rules/image/fixture-layer.ts');
    expect(errors).toEqual([expect.stringContaining("'rules' may not import 'scanners'"), expect.stringContaining("'rules' may not import 'engine'")]);
  });

  it('reports the two doors importing each other and @actions/* outside the action', async () => {
    expect(await layerErrors("import { main } from '../action/main.js';\nexport const m = main;\n", 'src/cli/fixture-layer.ts')).toHaveLength(1);
    expect(await layerErrors("import * as core from '@actions/core';\nexport const c = core;\n", 'src/engine/fixture-layer.ts')).toEqual([expect.stringContaining('Only src/action/')]);
    expect(await layerErrors("import * as core from '@actions/core';\nexport const c = core;\n", 'src/action/fixture-layer.ts')).toEqual([]);
  });

  it('lets the allowed edges through', async () => {
    const code = "import type { Finding } from '../core/types.js';\nimport { catalog } from '../rules/index.js';\nimport { toSarif } from '../sarif/to-sarif.js';\nexport const a = [catalog, toSarif];\nexport type F = Finding;\n";
    expect(await layerErrors(code, 'src/engine/fixture-layer.ts')).toEqual([]);
    expect(await layerErrors("import type { Finding } from '../core/types.js';\nexport type F = Finding;\n", 'src/reporters/fixture-layer.ts')).toEqual([]);
  });
});
