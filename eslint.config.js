import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/**
 * The layers: src/data ← src/state ← src/components, with src/i18n, src/themes and src/internal
 * beside them; server/ uses src/data only. Each entry forbids imports of a layer above.
 */
const LIT = ['lit', 'lit/*', '@lit/*'];
const layer = (message, groups) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});
const LAYERS = [
  {
    files: ['src/data/**/*.ts'],
    rules: layer('src/data imports nothing above it (state, components, i18n, themes, internal, Lit).', [
      '**/state/*',
      '**/components/*',
      '**/i18n/*',
      '**/themes/*',
      '**/internal/*',
      ...LIT,
    ]),
  },
  {
    files: ['src/state/**/*.ts'],
    ignores: ['src/state/context.ts'],
    rules: layer('src/state imports only src/data; Lit belongs in its adapter, src/state/context.ts.', [
      '**/components/*',
      '**/i18n/*',
      '**/themes/*',
      '**/internal/*',
      ...LIT,
    ]),
  },
  {
    files: ['src/state/context.ts'],
    rules: layer('src/state imports only src/data and Lit.', [
      '**/components/*',
      '**/i18n/*',
      '**/themes/*',
      '**/internal/*',
    ]),
  },
  {
    files: ['src/i18n/**/*.ts', 'src/themes/**/*.ts', 'src/internal/**/*.ts'],
    rules: layer('src/i18n, src/themes and src/internal never import components.', ['**/components/*']),
  },
  {
    files: ['src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `../other-folder/…`: shared helpers live in src/components/shared.
              regex: '^\\.\\./(?!\\.\\.|shared/)[^/]+/',
              message:
                "A component never imports another component's folder; move shared code to src/components/shared.",
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Components never fetch: load data through src/data (via the store).' },
        { name: 'XMLHttpRequest', message: 'Components never fetch: load data through src/data (via the store).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: 'Components never fetch: load data through src/data.' },
        { object: 'globalThis', property: 'fetch', message: 'Components never fetch: load data through src/data.' },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: layer('server/ may import src/data, never browser code.', [
      '**/src/components/*',
      '**/src/state/*',
      '**/src/i18n/*',
      '**/src/themes/*',
      '**/src/internal/*',
      '**/src/*.ts',
      '**/src/*.js',
      ...LIT,
    ]),
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'custom-elements.json', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: Object.fromEntries(Object.entries(litA11y.configs.recommended.rules).map(([name, level]) => [name, level])),
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  ...LAYERS,
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
