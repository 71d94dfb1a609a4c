// Jest runs in ESM mode (node --experimental-vm-modules); @swc/jest compiles TypeScript, including
// Nest's legacy decorators and their metadata. Workspace packages map to their sources so that tests
// never need a build first.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

// content-disposition (needed by @fastify/static, which serves the API docs and the admin UI) is
// ESM-only and required from CommonJS; Node allows that, Jest's runtime does not, so compile it to CJS.
const esmOnlyDependencies = ['content-disposition'];
const toCommonJs = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

// Everything a test layer needs; the layers differ only in which files they run.
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    [`/node_modules/(${esmOnlyDependencies.join('|')})/.+\\.js$`]: toCommonJs,
    '^.+\\.(t|j)sx?$': swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyDependencies.join('|')})/)`],
  moduleNameMapper: {
    '^@switchyard/evaluation$': '<rootDir>/libs/evaluation/src/index.ts',
    '^@switchyard/sdk$': '<rootDir>/sdk/src/index.ts',
    '^@switchyard/sdk/openfeature$': '<rootDir>/sdk/src/openfeature/index.ts',
    '^@switchyard/nestjs$': '<rootDir>/integrations/nestjs/src/index.ts',
    '^@switchyard/migrations$': '<rootDir>/migrations/index.ts',
    // every other package is a context of the service: its public entry, and its test-only entry
    '^@switchyard/([a-z-]+)$': '<rootDir>/libs/$1/index.ts',
    '^@switchyard/([a-z-]+)/testing$': '<rootDir>/libs/$1/testing.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/bench/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/bench/'],
  testTimeout: 30000,
};

// Three layers, each runnable alone (`npm run test:unit`, `test:integration`, `test:e2e`); `npm test` runs all.
export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.integration\\.spec\\.ts$'],
    },
    { ...shared, displayName: 'integration', testMatch: ['**/*.integration.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
  maxWorkers: 2,
  // A global option: Jest ignores it inside projects (where every test then had 5 s).
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
