// jest-preset-angular's transformer, with the Angular packages in node_modules linked first.
//
// Angular, Angular Material and the CDK are published partially compiled: each component, directive,
// pipe and injectable is a `ɵɵngDeclare…` call holding its metadata and template as text. Run as they
// are, every one of those calls compiles its class with the JIT compiler when the module is evaluated —
// for every class of every module a test file imports, used or not, and again in each test file, since
// each gets a fresh module registry (over 0.7 s of CPU per Angular test file). The Angular linker
// (the Babel plugin the Angular CLI runs on these packages for every build) turns them into the full
// definitions the compiler would have made, once, and Jest keeps the result in its transform cache.
// The app's own components are compiled with the JIT compiler as before.
const { dirname } = require('node:path');
const { createHash } = require('node:crypto');
const ngJest = require('jest-preset-angular').default;

// @babel/core is @angular/compiler-cli's own dependency (its linker is a Babel plugin).
const compilerCli = dirname(require.resolve('@angular/compiler-cli/package.json'));
const babel = require(require.resolve('@babel/core', { paths: [compilerCli] }));
const { version: compilerCliVersion } = require('@angular/compiler-cli/package.json');
const linkerPlugin = require('@angular/compiler-cli/linker/babel').default;

const partiallyCompiled = (source, filePath) => filePath.includes('/node_modules/') && source.includes('ɵɵngDeclare');

function link(source, filePath) {
  const result = babel.transformSync(source, {
    filename: filePath,
    // JIT mode: an NgModule's scope stays in its definition, for the app's components compiled with the JIT compiler.
    plugins: [[linkerPlugin, { linkerJitMode: true }]],
    babelrc: false,
    configFile: false,
    compact: false,
    sourceMaps: false,
    sourceType: 'unambiguous',
  });
  return result.code;
}

module.exports = {
  createTransformer(options) {
    const inner = ngJest.createTransformer(options);
    return {
      process(source, filePath, transformOptions) {
        return inner.process(partiallyCompiled(source, filePath) ? link(source, filePath) : source, filePath, transformOptions);
      },
      getCacheKey(source, filePath, transformOptions) {
        const key = inner.getCacheKey(source, filePath, transformOptions);
        return partiallyCompiled(source, filePath)
          ? createHash('sha1').update(key).update(`linked in JIT mode by @angular/compiler-cli ${compilerCliVersion}`).digest('hex')
          : key;
      },
    };
  },
};
