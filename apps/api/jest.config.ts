import { nodeTransform } from '../../tools/testing/swc-transform';

export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  ...nodeTransform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts'],
  // Integration tests start the real API over a fresh database; a busy machine must not fail them.
  testTimeout: 60_000,
  globalSetup: '../../tools/testing/database-global-setup.mjs',
  globalTeardown: '../../tools/testing/database-global-teardown.mjs',
  coverageDirectory: '../../coverage/apps/api',
};
