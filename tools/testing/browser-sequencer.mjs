// The order of the browser test files: slowest first, so that the files still running at the end are
// short ones and the workers finish together. Jest knows each file's duration from earlier runs; on a
// fresh machine (CI) it has none and goes by file size, which says nothing here: the every-page checks
// (every-page-*.e2e-spec.ts, a line each) and the home pages of every role at two sizes are the longest
// files of all. So where Jest has no timing, they go first.
import Sequencer from '@jest/test-sequencer';

const BaseSequencer = Sequencer.default ?? Sequencer;

export default class BrowserSequencer extends BaseSequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const unknown = (test) => !this._getCache(test)[test.path];
    if (!sorted.every(unknown)) return sorted;
    const long = (test) => /(every-page-[^/]*|home-pages)\.e2e-spec\.ts$/.test(test.path);
    return [...sorted.filter(long), ...sorted.filter((t) => !long(t))];
  }
}
