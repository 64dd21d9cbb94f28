// The project's lint rules: the recommended sets of @eslint/js, typescript-eslint and
// eslint-plugin-vue, with formatting left to Prettier (eslint-config-prettier switches off
// every rule Prettier owns). Run by `npm test` through `npm run lint`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Component names are the file names (ImportView, CustomerFile…), some one word (App).
      'vue/multi-word-component-names': 'off',
      // The renderer's i18n messages are trusted, app-owned strings.
      'vue/no-v-html': 'off',
      // An optional prop typed in TypeScript is `undefined` when not given, and the code reads it so.
      'vue/require-default-prop': 'off'
    }
  },
  prettier
)
