// ESLint flat config (`npm run lint` runs it, then `prettier --check .`).
//
// The recommended JavaScript and typescript-eslint sets, plus four type-aware rules that catch what the
// compiler does not: a promise nobody awaits or handles, a promise passed where its result is ignored, an
// await on something that is not a promise, a switch over a union that forgets a member. Formatting is
// Prettier's job, so no stylistic rule is enabled here.
//
// Types: the sources come from the project service (each file's nearest tsconfig.json, the ones `tsc -b`
// builds). Specs and test-only code are in no build project, so they are read through two spec projects
// that include them (tsconfig.spec.json for the service, SDK and engine, apps/admin/tsconfig.spec.json for
// the UI), with the workspace packages mapped to their sources as Jest maps them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node's globals, for the plain JavaScript files (bench scripts, jest config, the summary reporter).
const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextDecoder',
    'TextEncoder',
    'clearImmediate',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

// What no build project holds: specs, the test-only `testing` entries and folders, the end-to-end suite.
const TEST_ONLY = [
  '**/*.spec.ts',
  '**/*.e2e-spec.ts',
  '**/testing/**',
  '**/testing.ts',
  'test/**',
  'sdk/test/**',
  'apps/admin/vite.config.ts',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/dist-*/',
      '**/coverage/',
      'bench/results/',
      'apps/admin/src/api/generated/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    rules: {
      // `let timer; const stop = () => clearTimeout(timer); timer = setTimeout(...)`: a closure reads the
      // variable before its one assignment, so it cannot be a const without a temporal-dead-zone risk.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly' },
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      // React ignores what an event handler returns; the UI's async handlers catch their own errors and show
      // them (a rejected handler would otherwise be an unhandled rejection), so JSX attributes are exempt.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // A `default:` counts as handling the rest; a switch over a union without one must name every member.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: TEST_ONLY,
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['./tsconfig.spec.json', './apps/admin/tsconfig.spec.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Tests read the JSON answers of a black-box service; typing every body would add nothing they assert.
    files: TEST_ONLY,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
