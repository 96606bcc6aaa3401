export default {
  displayName: 'web-home',
  preset: '../../../jest.preset.js',
  testEnvironment: 'jsdom',
  // Templates marked with i18n call the global $localize.
  setupFiles: ['@angular/localize/init'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // marked (through @bt/web/benchmarks) is ESM only.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|marked/))'],
  moduleFileExtensions: ['ts', 'html', 'js', 'json', 'mjs'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
  coverageDirectory: '../../../coverage/libs/web/home',
};
