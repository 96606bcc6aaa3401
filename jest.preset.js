const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // `marked` is published as an ES module plus a UMD build; Jest (CommonJS) takes the UMD one, in every project that reaches it.
  moduleNameMapper: { ...nxPreset.moduleNameMapper, '^marked$': join(__dirname, 'node_modules/marked/lib/marked.umd.js') },
};
