import { webLibraryJestConfig } from '../../../tools/testing/web-library-jest';

export default webLibraryJestConfig('ui');
