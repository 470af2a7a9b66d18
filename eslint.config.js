// Lint: typescript-eslint's recommended rules, plus the layer rule that keeps imports pointing one way:
// common <- node <- cli, common <- node <- electron, common <- renderer; preload sees only common and electron.
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'e2e/results/**', 'e2e/screenshots/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  layer(
    ['main/common/**/*.ts'],
    ['**/node/**', '**/cli/**', '**/electron/**', '**/renderer/**', '**/preload/**', 'node:*', 'electron', 'fs', 'path', 'os', 'crypto'],
    'main/common is pure and runtime-neutral: it imports only from main/common.',
  ),
  layer(
    ['main/node/**/*.ts'],
    ['**/cli/**', '**/electron/**', '**/renderer/**', '**/preload/**', 'electron'],
    'main/node is plain Node: it may import main/common and node: modules, never electron, the CLI or the UI.',
  ),
  layer(
    ['main/cli/**/*.ts'],
    ['**/electron/**', '**/renderer/**', '**/preload/**', 'electron'],
    'The CLI calls main/node services; it never imports the Electron wiring or the UI.',
  ),
  layer(
    ['main/electron/**/*.ts'],
    ['**/cli/**', '**/renderer/**', '**/preload/**'],
    'The Electron wiring registers main/node services; it does not import the CLI or the UI.',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['**/main/node/**', '**/main/cli/**', '**/main/electron/**', '**/preload/**', 'node:*', 'electron'],
    'The renderer imports only main/common (types, pure functions) and talks to main through window.workbench.',
  ),
  layer(
    ['preload/**/*.ts'],
    ['**/main/node/**', '**/main/cli/**', '**/main/electron/**', '**/renderer/**', 'node:*'],
    'The preload imports only electron and main/common.',
  ),
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests may use Node freely (temp files, child processes, openssl cross-checks).
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'main/bench/**/*.ts', '*.mjs', '.ci/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
