// ESLint (flat config) with typescript-eslint; formatting is Prettier's (.prettierrc.json), so
// eslint-config-prettier turns off every stylistic rule. `npm run lint` runs it; .ci/run too.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'knowledge/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits is a reply nobody checks: "never leave a user hanging".
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSAsExpression > TSNeverKeyword', message: '`as never` hides a type error: narrow the value instead.' }],
      // Dropping control characters from shown text is the point of those patterns (withoutControls).
      'no-control-regex': 'off',
      // A timer declared before the callback that clears it is read before it is assigned.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Where engine and handler results are turned into replies: they are tagged unions, so narrow
    // them rather than assert them.
    files: ['commands/**/*.ts', 'src/interactions/**/*.ts', 'src/replies/**/*.ts', 'src/transports/**/*.ts', 'src/text/**/*.ts', 'src/lifecycle/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // `import { z } from 'zod'` makes esbuild bundle all of zod's locales into dist/ (450 KB
    // instead of 90 KB), which every `npm start` then parses; the namespace import lets it keep
    // only what is used. (src/eval is not bundled into dist/.)
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    ignores: ['src/eval/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // Repeated from above: a block's no-restricted-syntax replaces the earlier one's list.
        { selector: 'TSAsExpression > TSNeverKeyword', message: '`as never` hides a type error: narrow the value instead.' },
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
          message: "Use `import * as z from 'zod'`: it keeps dist/ small.",
        },
      ],
    },
  },
  {
    // Tests edit JSON fixtures freely.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  prettier,
);
