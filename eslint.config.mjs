// typescript-eslint's recommended rules; formatting is prettier's job (`npm run format`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'www/**',
      'dist/**',
      'loader/**',
      'node_modules/**',
      'src/components.d.ts',
      '.stencil/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^h$|^Fragment$' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@limetech/lime-elements',
              message:
                'Import lime-elements types only (import type …): the webclient provides the elements.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Only src/lime/ may know the Lime platform packages.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/lime/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@limetech/lime-web-components*'],
              message: 'Only src/lime/ knows the Lime platform API; import from src/lime instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components and their examples stand alone: the demo app uses them, never the other way round.
    files: ['src/components/**/*.ts', 'src/components/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/demo', '**/demo/**'],
              message:
                'Components and examples must not import the demo app; examples use createExampleEmulator() from src/emulator.',
            },
            {
              group: ['@limetech/lime-web-components*'],
              message: 'Only src/lime/ knows the Lime platform API; import from src/lime instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure modules: no DOM, no Stencil.
    files: [
      'src/config/**/*.ts',
      'src/crm/**/*.ts',
      'src/notes/**/*.ts',
      'src/lookup/**/*.ts',
      'src/lime-connect/**/*.ts',
      'src/conversations/**/*.ts',
      'src/sync/**/*.ts',
    ],
    ignores: ['**/*.spec.ts', '**/*.e2e.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@stencil/core', message: 'Pure modules import no Stencil.' }] },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator'],
    },
  },
);
