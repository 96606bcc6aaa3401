import { nodeTransform } from '../../../tools/testing/swc-transform';

export default {
  displayName: 'api-search',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  ...nodeTransform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts'],
  coverageDirectory: '../../../coverage/libs/api/search',
};
