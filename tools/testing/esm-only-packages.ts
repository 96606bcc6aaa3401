import { esModuleTransform } from './swc-transform';

// Packages published as ESM only that the tests import (otplib's base32 and hash helpers). Node
// itself requires them as they are; Jest runs CommonJS, so SWC compiles them first.
const ESM_ONLY = ['@scure', '@noble'];

export const esmOnlyPackages = {
  transform: {
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: esModuleTransform,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
};
