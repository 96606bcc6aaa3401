/**
 * @jest-config-loader ts-node
 * @jest-config-loader-options {"transpileOnly": true}
 *
 * (Loaded without type-checking: `npm run typecheck` checks this file; ts-node's checking cost seconds per Jest start.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathsToModuleNameMapper } from 'ts-jest';
import { nodeTransform } from '../../tools/testing/swc-transform';

// The libraries' import paths (@bt/…), as tsconfig.base.json maps them: the tests use @bt/testing's servers.
const { paths } = JSON.parse(readFileSync(join(__dirname, '../../tsconfig.base.json'), 'utf8')).compilerOptions;

export default {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  ...nodeTransform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(paths, { prefix: '<rootDir>/../../' }),
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
