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

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@switchyard/evaluation$': '<rootDir>/libs/evaluation/src/index.ts',
    '^@switchyard/sdk$': '<rootDir>/sdk/src/index.ts',
    '^@switchyard/sdk/openfeature$': '<rootDir>/sdk/src/openfeature/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/bench/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/bench/'],
  maxWorkers: 2,
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
