/**
 * @jest-config-loader ts-node
 * @jest-config-loader-options {"transpileOnly": true}
 *
 * (Loaded without type-checking: `npm run typecheck` checks this file; ts-node's checking cost seconds per Jest start.)
 *
 * `npm test`'s one Jest run for every unit and integration test: one project per runtime, so Jest
 * starts once and spreads all files over its workers (instead of a Jest per Nx project).
 * - node: the API, its domain libraries, the workflow machines and the contracts, over a real
 *   PostgreSQL started once for the run (each file gets its own copy of a seeded template);
 * - web: the Angular app and its libraries in jsdom.
 * Both compile without type-checking (isolatedModules); `npm run typecheck` checks types once.
 * Each project's own jest.config.ts still runs it alone (`npx nx test web-benchmarks`).
 * The browser tests (apps/web-e2e) and the `npm start` tests (apps/api-e2e) have their own runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathsToModuleNameMapper } from 'ts-jest';
import { nodeTransform } from './tools/testing/swc-transform';
import { GROUPS_DIR, TEST_FILES, type TestProject } from './tools/testing/test-groups';

// The libraries' import paths (@bt/…), as tsconfig.base.json maps them.
const { paths } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const moduleNameMapper = pathsToModuleNameMapper(paths, { prefix: '<rootDir>/' });

// With BT_TEST_GROUPS=1 (`npm test` sets it) each project runs its files in groups that share one
// module registry (tools/testing/test-groups.ts); without, one test file at a time as usual.
const grouped = process.env['BT_TEST_GROUPS'] === '1';
const testFiles = (project: TestProject) =>
  grouped
    ? { roots: [GROUPS_DIR], testMatch: [`**/${project}-*.group-spec.ts`] }
    : { roots: TEST_FILES[project].roots.map((dir) => `<rootDir>/${dir}`), testMatch: TEST_FILES[project].endings.map((ending) => `**/*${ending}`) };

// Jest's runtime keeping each module's source text between the test files of a process (see the file).
const runtime = '<rootDir>/tools/testing/jest-runtime.cjs';

const node = {
  displayName: 'node',
  rootDir: __dirname,
  preset: './jest.preset.js',
  // Jest's own resolver: moduleNameMapper maps @bt/…, and Nx's looks for a tsconfig.spec.json beside rootDir.
  resolver: undefined,
  testEnvironment: 'node',
  runtime,
  ...testFiles('node'),
  // SWC (tools/testing/swc-transform.ts).
  ...nodeTransform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/tools/testing/database-global-setup.mjs',
  globalTeardown: '<rootDir>/tools/testing/database-global-teardown.mjs',
  // Each file's nestjs-pino AsyncLocalStorage switched off after it (see the file).
  setupFilesAfterEnv: ['<rootDir>/tools/testing/node-test-setup.ts'],
};

const web = {
  displayName: 'web',
  rootDir: __dirname,
  preset: './jest.preset.js',
  resolver: undefined,
  testEnvironment: 'jsdom',
  runtime,
  ...testFiles('web'),
  // Templates marked with i18n call the global $localize.
  setupFiles: ['@angular/localize/init'],
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts'],
  transform: {
    // jest-preset-angular's, with Angular's own packages linked first (see the file).
    '^.+\\.(ts|mjs|js|html)$': [
      '<rootDir>/tools/testing/angular-linked-transformer.cjs',
      { tsconfig: '<rootDir>/tools/testing/tsconfig.web.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // marked is ESM only.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|marked/))'],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'html', 'js', 'json', 'mjs'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};

export default {
  projects: [node, web],
  // Integration tests start the real API over a real database; a busy machine must not fail them.
  // (Jest reads the timeout of the run, not of a project.)
  testTimeout: 60_000,
};
