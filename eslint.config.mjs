// Lint, including the house's layering rules: which folder may import what (docs/architecture.md).
import js from '@eslint/js'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import ts from 'typescript-eslint'

const NODE_BUILTINS = { group: ['node:*'], message: 'Node built-ins belong in src/main.' }
const ELECTRON = {
  name: 'electron',
  message: 'Only src/main/index.ts, src/main/ipc.ts and the preload import electron; keep Electron files thin.'
}

/** `no-restricted-imports` for a folder: the other folders it must not reach into. */
function forbid(...patterns) {
  return { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns }] }
}

export default ts.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      '.svelte-kit/',
      'src/main/import/fixtures/*.html'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }
      ],
      eqeqeq: ['error', 'smart'],
      // The UI keeps state in $state.raw and replaces it whole; local Maps inside a derivation are not state.
      'svelte/prefer-svelte-reactivity': 'off',
      'no-restricted-imports': ['error', { paths: [ELECTRON] }]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  // The layers. src/shared is pure TypeScript for every process.
  {
    files: ['src/shared/**'],
    rules: forbid(
      { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports only src/shared.' },
      NODE_BUILTINS
    )
  },
  {
    files: ['src/renderer/**'],
    rules: forbid(
      { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared and its own files.' },
      NODE_BUILTINS
    )
  },
  {
    files: ['src/main/**'],
    rules: forbid({ group: ['**/renderer/**', '**/preload/**'], message: 'src/main imports src/shared, not the UI.' })
  },
  {
    files: ['src/main/index.ts', 'src/main/ipc.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    // Tests may use Node to set up files and servers, whatever folder they test.
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON] }] }
  }
)
