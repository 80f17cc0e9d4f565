// ESLint (flat config): typescript-eslint for all TS, eslint-plugin-lit and eslint-plugin-wc
// for the element code; formatting is Prettier's job (`npm run lint` runs both).
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'examples/react/dist/', 'custom-elements.json', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed arguments are deliberately unused (callbacks with a fixed signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // `interface HTMLElementEventMap extends SafeTradeEventMap {}` is how a global map is extended.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/**/*.ts', 'examples/**/*.{js,tsx}', 'test/**/*.ts', 'test/fixtures/**/*.js', 'bench/attack.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts and tests that drive Chromium: page.evaluate() callbacks run in the browser.
    files: ['test/node/**', 'scripts/screenshots.mjs', 'bench/cls.mjs', 'bench/privacy.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // chai: `expect(x).to.be.true` is an assertion, not a stray expression.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The CSV reader's state machine is written with comma sequences on purpose.
    files: ['data/csv.mjs'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
