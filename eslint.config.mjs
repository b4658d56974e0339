// ESLint flat config: typescript-eslint, the layer picture (eslint/layers.mjs: imports between
// layers, max-lines, max-params), and the rule that only src/action/
// may import @actions/* (src/core stays pure; the CLI and the action share one engine).
import tseslint from 'typescript-eslint';
import { layerConfig } from './eslint/layers.mjs';

// One safe file writer (issue #18): files are written only through src/core/safe-write.ts.
const FS_WRITES = ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream', 'mkdirSync', 'mkdir', 'renameSync', 'rename', 'copyFileSync', 'copyFile', 'cpSync', 'cp', 'symlinkSync', 'symlink', 'linkSync', 'link', 'openSync', 'open', 'truncateSync', 'truncate'];
const FS_MESSAGE = 'Write files through safeWriteFile (src/core/safe-write.ts): no symlink followed, temp file + rename, confined to the workspace.';
const fsWriteBans = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, importNames: FS_WRITES, message: FS_MESSAGE }));
// Spread arguments (issue #16/#17 robustness): `out.push(...xs)` and `Math.max(...xs)` put every
// element on the call stack and throw a RangeError near 100,000 elements, which a large or hostile
// input reaches; use appendAll/maxOf from src/core/arrays.ts.
const SPREAD_MESSAGE = 'A spread argument throws a RangeError on a large array: use appendAll/maxOf (src/core/arrays.ts) or a loop.';
const spreadBans = [
  { selector: "CallExpression[callee.property.name=/^(push|unshift|splice|concat|apply)$/] > SpreadElement", message: SPREAD_MESSAGE },
  { selector: "CallExpression[callee.object.name=/^(Math|String)$/] > SpreadElement", message: SPREAD_MESSAGE },
  { selector: "CallExpression[callee.property.name='apply']", message: SPREAD_MESSAGE },
];
const actionsBan = { group: ['@actions/*'], message: 'Only src/action/ may import @actions/* (DESIGN §2): inject what you need instead.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/tmp/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: fsWriteBans, patterns: [actionsBan] }],
    },
  },
  {
    files: ['src/action/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: fsWriteBans }] },
  },
  // Writers outside the workspace, on paths no repository names: the tool cache and its downloads
  // (scanners/tools.ts, action/tools.ts), the scan's private mkdtemp scratch directory
  // (engine/pipeline.ts); files.ts and tar-subset.ts open files read-only.
  {
    files: ['src/scanners/tools.ts', 'src/engine/pipeline.ts', 'src/core/files.ts', 'src/scanners/tar-subset.ts', 'src/core/safe-write.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [actionsBan] }] },
  },
  {
    files: ['src/action/tools.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // One writer for the job log and the terminal (issue #18): nothing prints around the logger.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/action/log.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...spreadBans,
        {
          selector: "CallExpression[callee.object.name='core'][callee.property.name=/^(info|warning|error|notice|debug|setFailed|setOutput|startGroup|endGroup|group)$/]",
          message: 'Print through the ActionLog (src/action/log.ts): it redacts secrets and escapes untrusted text.',
        },
        {
          selector: "ImportDeclaration[source.value=/^(node:)?fs(\\u002Fpromises)?$/] > :matches(ImportNamespaceSpecifier, ImportDefaultSpecifier)",
          message: 'Import what you read from node:fs by name; write files through safeWriteFile (src/core/safe-write.ts).',
        },
        {
          selector: "CallExpression[callee.object.name='console']",
          message: 'Print through the logger (src/action/log.ts) or the CLI output writer (src/cli.ts).',
        },
        {
          selector: "CallExpression[callee.property.name='write'][callee.object.object.name='process'][callee.object.property.name=/^(stdout|stderr)$/]",
          message: 'Print through the logger (src/action/log.ts) or the CLI output writer (src/cli.ts).',
        },
      ],
    },
  },
  // The layer picture and the size rules (eslint/layers.mjs; README "Architecture").
  ...layerConfig,
);
