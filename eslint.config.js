import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import prettier from 'eslint-config-prettier'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Import boundaries. In flat config a later block's options for a rule replace an
// earlier block's for the same file, so every block that sets `no-restricted-imports`
// lists all the patterns that hold there (tests/lint/import-boundaries.test.ts checks).
const noMockBackend = {
  group: ['**/mocks', '**/mocks/**', 'msw', 'msw/*'],
  message:
    'Only src/mocks may import the mock backend: it answers /api/v1 on the server side and never ships.',
}
const frameworkFree = {
  group: ['react', 'react-*', '@tanstack/*', '**/app/**', '**/features/**'],
  message: 'src/api is framework-free: no React, TanStack or app/feature code.',
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.mock-data',
      '.bench',
      'test-results',
      'playwright-report',
      'e2e/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.strict,
  ...pluginQuery.configs['flat/recommended'],
  {
    // App code (src/server included) never imports the mock backend.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/mocks/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noMockBackend] }],
    },
  },
  {
    // The browser never holds the API token: only Node-side code may give the client one.
    files: ['src/app/**', 'src/features/**', 'src/lib/**', 'src/components/**', 'src/main.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='apiKey']",
          message: 'The browser app must never hold the API token; the server-side proxy adds it.',
        },
      ],
    },
  },
  {
    // The typed client has no React in it, and (replacing the block above) no mocks either.
    files: ['src/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noMockBackend, frameworkFree] }],
    },
  },
  prettier,
)
