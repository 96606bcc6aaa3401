export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts'],
  globalSetup: '../../tools/testing/database-global-setup.mjs',
  globalTeardown: '../../tools/testing/database-global-teardown.mjs',
  coverageDirectory: '../../coverage/apps/api',
};
