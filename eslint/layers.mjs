// The architecture picture (README "Architecture", DESIGN §2), held by lint: a small local ESLint
// rule that resolves each relative import of a file under src/ to its layer and reports the
// edges the picture forbids, plus the size rules (max-lines, max-params) for src/.
import path from 'node:path';

/** What each layer may import (besides itself). */
export const ALLOWED = {
  core: [],
  rules: ['core'],
  scanners: ['core'],
  sarif: ['core'],
  reporters: ['core'],
  engine: ['core', 'rules', 'scanners', 'sarif', 'reporters'],
  // the library entry (src/lib.ts) composes the engine like a door, but prints and exits nothing
  lib: ['core', 'rules', 'scanners', 'sarif', 'reporters', 'engine'],
  action: ['core', 'rules', 'scanners', 'sarif', 'reporters', 'engine', 'lib'],
  cli: ['core', 'rules', 'scanners', 'sarif', 'reporters', 'engine', 'lib'],
};

/** The files directly in src/ and the layer each belongs to. */
const TOP_FILES = { 'cli.ts': 'cli', 'index.ts': 'action', 'post.ts': 'action', 'lib.ts': 'lib' };

/** The layer of a path relative to src/ ('core/types.ts' → 'core'), undefined outside the picture. */
export function layerOf(relToSrc) {
  const parts = relToSrc.split(/[\\/]/);
  if (parts[0] === '..' || parts[0] === '') return undefined;
  if (parts.length === 1) return TOP_FILES[parts[0].replace(/\.js$/, '.ts')];
  return parts[0] in ALLOWED ? parts[0] : undefined;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer picture: core pure; rules and scanners on core; sarif and reporters read the report; the engine composes; action and cli are the two doors.' },
    schema: [{ type: 'object', properties: { srcDir: { type: 'string' } }, additionalProperties: false }],
    messages: {
      forbidden: "Layer '{{from}}' may not import '{{to}}' ({{spec}}): {{from}} may import {{allowed}}.",
      actions: "Only src/action/ may import {{spec}} (DESIGN §2): inject what you need instead.",
    },
  },
  create(context) {
    const srcDir = path.resolve(context.cwd, context.options[0]?.srcDir ?? 'src');
    const file = context.filename;
    const from = layerOf(path.relative(srcDir, file));
    if (from === undefined) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (spec.startsWith('@actions/')) {
        if (from !== 'action') context.report({ node, messageId: 'actions', data: { spec } });
        return;
      }
      if (!spec.startsWith('.')) return;
      const rel = path.relative(srcDir, path.resolve(path.dirname(file), spec));
      const to = layerOf(rel);
      if (to === undefined || to === from || ALLOWED[from].includes(to)) return;
      const allowed = ALLOWED[from].length ? ALLOWED[from].join(', ') : 'nothing outside itself';
      context.report({ node, messageId: 'forbidden', data: { from, to, spec, allowed } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source.type === 'Literal' ? n.source : undefined),
      TSImportType: (n) => check(n, n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.source),
    };
  },
};

export const layersPlugin = { rules: { layers } };

/** The flat-config blocks: the layer rule and the size rules for every file under src/. */
export const layerConfig = [
  {
    files: ['src/**/*.ts'],
    plugins: { mcg: layersPlugin },
    rules: {
      'mcg/layers': 'error',
      'max-lines': ['error', { max: 300 }],
      'max-params': ['error', { max: 4 }],
    },
  },
];
