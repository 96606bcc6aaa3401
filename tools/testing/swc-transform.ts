// How every Node-side Jest config (the unit phase's Node project, the browser tests, the `npm start` tests and each
// Node project's own config) compiles: SWC through @swc/jest, not ts-jest. A fresh clone has no Jest cache, as in CI,
// and ts-jest's compiling of the Node project's ~420 files was about 30 s of CPU there (the project cold 225 → 210 s
// of machine CPU).

/** TypeScript, with tsconfig.base.json's options: legacy decorators with their metadata (Nest's injection and TypeORM's
 * columns read it) and class fields assigned in the constructor (useDefineForClassFields: false). SWC's CommonJS exports
 * are live bindings, so a TypeORM relation in a cycle of imports is typed `Relation<…>` (TypeORM's advice). */
const typeScriptTransform = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** A package published as ES modules only, to CommonJS. */
const esModuleTransform = [
  '@swc/jest',
  { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
];

// Packages published as ESM only that the tests import (otplib's base32 and hash helpers). Node itself requires them as
// they are; Jest runs CommonJS, so SWC compiles them first.
const ESM_ONLY = ['@scure', '@noble'];

/** A Node-side Jest config's compiling, spread into it: TypeScript and the ESM-only packages. */
export const nodeTransform = {
  transform: {
    '^.+\\.ts$': typeScriptTransform,
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: esModuleTransform,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
};
