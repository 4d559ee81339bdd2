// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'worker_threads'];

/** Import boundaries of DESIGN.md's layers; the per-layer tsconfigs enforce the same at compile time. */
const boundary = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'out-*/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  boundary(['shared/**/*.ts'], [
    { group: nodeBuiltins, message: 'shared/ runs anywhere: no Node built-ins.' },
    { group: ['electron', 'react', 'react-dom', 'better-sqlite3', '**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from other layers, Electron, React or IO.' },
  ]),
  boundary(['electron/core/**/*.ts'], [
    { group: ['electron'], message: 'core never imports electron (it runs under plain Node).' },
    { group: ['**/main/**', '**/server/**', '**/cli/**', '**/renderer/**', '**/preload/**'], message: 'core depends on shared only.' },
  ]),
  boundary(['electron/server/**/*.ts', 'electron/cli/**/*.ts'], [
    { group: ['electron'], message: 'The browser edition and the CLI run without Electron.' },
    { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'server and cli depend on core and shared only.' },
  ]),
  boundary(['electron/preload/**/*.ts'], [
    { group: nodeBuiltins, message: 'The preload is a sandboxed bridge: no Node built-ins.' },
    { group: ['**/core/**', '**/main/**', '**/renderer/**'], message: 'The preload is a bridge; no logic.' },
  ]),
  boundary(['renderer/**/*.{ts,tsx}'], [
    { group: [...nodeBuiltins, 'electron', 'better-sqlite3'], message: 'The renderer reaches the backend only through renderer/src/api.' },
    { group: ['**/electron/**'], message: 'The renderer depends on shared only.' },
  ]),
  {
    // Browser benchmarks pass functions to page.evaluate: those run in Chromium.
    files: ['bench/**/*.mjs', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The `yardstick` launcher is plain CommonJS: it requires the built CLI.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
