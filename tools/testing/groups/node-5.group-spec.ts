import { runTestGroup } from '../test-groups';

// One share of the node project's test files (see tools/testing/test-groups.ts).
runTestGroup('node', 5);
