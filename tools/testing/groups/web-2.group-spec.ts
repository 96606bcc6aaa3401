import { runTestGroup } from '../test-groups';

// One share of the web project's test files (see tools/testing/test-groups.ts).
runTestGroup('web', 2);
