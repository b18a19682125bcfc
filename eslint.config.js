// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Pages, layouts, components, the middleware and the CLI are thin adapters: they reach runtime data and content
    // files only through src/services, so a change of database or file layout touches one folder.
    files: ['src/pages/**', 'src/layouts/**', 'src/components/**', 'src/middleware.ts', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(store|content|files)/',
              message: 'Call a service in src/services instead of reaching into src/store, src/content or src/files.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain performs no I/O: it must stay usable from the web, the CLI and PDFs alike.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', '../store/*', '../services/*', '../content/*', '../files/*', '../pages/*'],
              message: 'src/domain performs no I/O and depends on nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
);
