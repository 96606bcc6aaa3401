export default {
  displayName: 'web',
  preset: '../../jest.preset.js',
  testEnvironment: 'jsdom',
  // Templates marked with i18n call the global $localize.
  setupFiles: ['@angular/localize/init'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: {
    // jest-preset-angular's, with Angular's own packages linked first (see the file).
    '^.+\\.(ts|mjs|js|html)$': [
      '<rootDir>/../../tools/testing/angular-linked-transformer.cjs',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  moduleFileExtensions: ['ts', 'html', 'js', 'json', 'mjs'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
  coverageDirectory: '../../coverage/apps/web',
};
