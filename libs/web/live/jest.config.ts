import { webLibraryJestConfig } from '../../../tools/testing/web-library-jest';

// marked (through @bt/web/benchmarks) is ESM only.
export default webLibraryJestConfig('live', { esmOnly: ['marked'] });
