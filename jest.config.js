const moduleNameMapper = {
  '^@cf/(.*)$': '<rootDir>/libs/$1/src',
  // file-type 21 offers only `import`/`module-sync` entry points (Node 20.19 require()s them; jest's resolver does not)
  '^file-type$': '<rootDir>/node_modules/file-type/index.js',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/test/support/swc-jest-transformer.js' },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|load-esm|uid|strtok3|token-types|@tokenizer|@borewit|uint8array-extras)/)',
  ],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads the timeout of tests and hooks from the root config only (a project's testTimeout is ignored): each
  // integration file starts the real API on a fresh database with the demo seeded, seconds on a busy 2-core machine.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.e2e-spec.ts'],
      // each file starts the real API on a fresh database with the demo seeded: seconds, more on a busy machine
      testTimeout: 30_000,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
    // The fault suite (issue 7): its own PostgreSQL and Redis, the built API and workers as processes killed and
    // restarted during a submit rush (npm run test:faults).
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.ts'] },
    // Benchmarks print figures; not part of npm test (run: npm run bench:submit).
    {
      ...common,
      displayName: 'bench',
      testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
