/**
 * @jest-config-loader ts-node
 * @jest-config-loader-options {"transpileOnly": true}
 *
 * (Loaded without type-checking: `npm run typecheck` checks this file; ts-node's checking cost seconds per Jest start.)
 */
import { nodeTransform } from '../../tools/testing/swc-transform';

export default {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  ...nodeTransform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '../../tools/testing/browser-global-setup.mjs',
  globalTeardown: '../../tools/testing/browser-global-teardown.mjs',
  testSequencer: '../../tools/testing/browser-sequencer.mjs',
  testTimeout: 120_000,
};
