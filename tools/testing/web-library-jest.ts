import { join } from 'node:path';

/**
 * The Jest configuration of one web library run alone (`npx jest -c libs/web/<lib>/jest.config.ts`,
 * `npx nx test web-<lib>`): every Angular library is tested the same way, so each jest.config.ts
 * calls this with its name. (`npm test` runs them all in the root jest.config.ts's `web` project.)
 */
export function webLibraryJestConfig(library: string, { esmOnly = [] }: { esmOnly?: string[] } = {}) {
  return {
    displayName: `web-${library}`,
    // Paths relative to the library's folder (libs/web/<lib>), its rootDir.
    preset: '../../../jest.preset.js',
    testEnvironment: 'jsdom',
    // Templates marked with i18n call the global $localize.
    setupFiles: ['@angular/localize/init'],
    setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
    transform: {
      // jest-preset-angular's, with Angular's own packages linked first (see the file).
      '^.+\\.(ts|mjs|js|html)$': [
        join(__dirname, 'angular-linked-transformer.cjs'),
        { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
      ],
    },
    // .mjs files and the packages published as ESM only are compiled; the rest of node_modules is CommonJS.
    transformIgnorePatterns: [`node_modules/(?!(${['.*\\.mjs$', ...esmOnly.map((name) => `${name}/`)].join('|')}))`],
    moduleFileExtensions: ['ts', 'html', 'js', 'json', 'mjs'],
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    snapshotSerializers: [
      'jest-preset-angular/build/serializers/no-ng-attributes',
      'jest-preset-angular/build/serializers/ng-snapshot',
      'jest-preset-angular/build/serializers/html-comment',
    ],
    coverageDirectory: `../../../coverage/libs/web/${library}`,
  };
}
