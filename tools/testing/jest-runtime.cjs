// Jest's runtime, with the source text of every module kept between the test files of one Jest process.
//
// Each test file gets a fresh module registry, so each one requires the API (or Angular) anew, and
// Jest read every module's file from disk again for each: a few thousand files per integration test
// file. The modules are still evaluated afresh in each file (no state is shared); only their text is
// kept; the project's own files are checked against their modification time and size so that an
// edit (watch mode) is seen, the installed packages' (node_modules) are taken as they are.
// (V8's code cache between files was measured too: it saved nothing worth keeping.)
const { statSync } = require('node:fs');
const Runtime = require('jest-runtime').default;

/** filename → { installed, mtimeMs, size, source } */
const sources = new Map();

/** Jest's per-file map of source texts, backed by the process's own. */
function sharedSources(own) {
  return {
    get(filename) {
      const mine = own.get(filename);
      if (mine !== undefined) return mine;
      const kept = sources.get(filename);
      if (!kept) return undefined;
      if (kept.installed) return kept.source;
      try {
        const stat = statSync(filename);
        if (stat.mtimeMs === kept.mtimeMs && stat.size === kept.size) return kept.source;
      } catch {
        // Gone: read (and fail) as Jest would.
      }
      sources.delete(filename);
      return undefined;
    },
    set(filename, source) {
      own.set(filename, source);
      if (filename.includes('/node_modules/')) {
        sources.set(filename, { installed: true, source });
        return this;
      }
      try {
        const stat = statSync(filename);
        sources.set(filename, { mtimeMs: stat.mtimeMs, size: stat.size, source });
      } catch {
        // Not a file on disk: kept for this test file only.
      }
      return this;
    },
    has(filename) {
      return this.get(filename) !== undefined;
    },
    clear() {
      own.clear();
    },
  };
}

class SharingRuntime extends Runtime {
  constructor(config, environment, resolver, transformer, cacheFS, ...rest) {
    super(config, environment, resolver, transformer, sharedSources(cacheFS), ...rest);
  }
}

module.exports = SharingRuntime;
module.exports.default = SharingRuntime;
