// ESLint flat config: typescript-eslint, and the architecture rule that only src/action/
// may import @actions/* (src/core stays pure; the CLI and the action share one engine).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/tmp/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'Only src/action/ may import @actions/* (DESIGN §2): inject what you need instead.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/action/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // One writer for the job log and the terminal (issue #18): nothing prints around the logger.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/action/log.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='core'][callee.property.name=/^(info|warning|error|notice|debug|setFailed|setOutput|startGroup|endGroup|group)$/]",
          message: 'Print through the ActionLog (src/action/log.ts): it redacts secrets and escapes untrusted text.',
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
);
