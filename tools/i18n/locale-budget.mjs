// The first download of each language against the web app's initial budget (apps/web/project.json,
// production): what index.html loads (its scripts, module preloads and stylesheets), the app that
// main.ts imports once its language is loaded, the language's own locale data that main.ts imports
// (Angular's and date-fns's, see apps/web/src/app/language/load-language.ts: each language downloads
// only its own), every module those import statically (not the pages' own chunks, which load with
// their route) and, for Serbian, the translation main.ts fetches first (the Cyrillic text is derived
// from it in the browser, so both scripts download the same). Prints the figures; exits 1 when a
// language passes the budget's error limit. Run after `nx build web` (the target `web:locale-budget`).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const browser = join(root, 'dist/apps/web/browser');
const project = JSON.parse(readFileSync(join(root, 'apps/web/project.json'), 'utf8'));
const initial = project.targets.bundle.configurations.production.budgets.find((b) => b.type === 'initial');
const kB = (text) => Number.parseFloat(text) * (/mb$/i.test(text) ? 1024 : 1) * 1024;
const [warning, error] = [kB(initial.maximumWarning), kB(initial.maximumError)];

const index = readFileSync(join(browser, 'index.html'), 'utf8');
const loaded = [...index.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]);
// The modules a script imports: statically (`from"./x.js"`, `import"./x.js"`), and for main.ts its dynamic imports too.
const imports = (file, dynamic) =>
  [...readFileSync(join(browser, file), 'utf8').matchAll(dynamic ? /(?:from|import)\s*\(?"\.\/([\w-]+\.js)"/g : /(?:from|import)\s*"\.\/([\w-]+\.js)"/g)].map(
    (m) => m[1],
  );
/** A script and every module it imports statically. */
function closure(start) {
  const files = new Set(start);
  const queue = start.filter((file) => file.endsWith('.js'));
  while (queue.length) {
    for (const next of imports(queue.shift(), false)) {
      if (files.has(next)) continue;
      files.add(next);
      queue.push(next);
    }
  }
  return files;
}
// main.ts's dynamic imports: the app, which every language downloads, and one language's locale data,
// told apart by what it holds (date-fns's locale: its export or code; Angular's: its id).
const LOCALE_DATA = { en: /\benUS\b|code:"en-US"/, 'sr-Latn': /code:"sr-Latn"|\["sr-Latn",/, 'sr-Cyrl': /code:"sr"|\["sr-Cyrl",/ };
const main = loaded.find((file) => /^main-.*\.js$/.test(file));
const dynamic = imports(main, true).filter((file) => !imports(main, false).includes(file));
const languageOf = (file) => Object.keys(LOCALE_DATA).find((language) => LOCALE_DATA[language].test(readFileSync(join(browser, file), 'utf8')));
const files = closure([...loaded, ...dynamic.filter((file) => !languageOf(file))]);
const own = (language) => [...closure(dynamic.filter((file) => languageOf(file) === language))].filter((file) => !files.has(file));
const size = (file) => ({ raw: statSync(join(browser, file)).size, gzip: gzipSync(readFileSync(join(browser, file))).length });
const sum = (files) => files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

const app = sum([...files]);
const translation = size('i18n/messages.sr-Latn.json');
const rows = ['en', 'sr-Latn', 'sr-Cyrl'].map((language) => {
  const locale = sum(own(language));
  const text = language === 'en' ? { raw: 0, gzip: 0 } : translation;
  return [language, { raw: app.raw + locale.raw + text.raw, gzip: app.gzip + locale.gzip + text.gzip }];
});
const k = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(
  `first download per language (${files.size} files: index.html's, the app and their imports; + each language's locale data, and the translation for Serbian); budget: warning ${initial.maximumWarning}, error ${initial.maximumError}`,
);
let failed = false;
for (const [language, { raw, gzip }] of rows) {
  const verdict = raw > error ? 'OVER THE ERROR LIMIT' : raw > warning ? 'over the warning limit' : 'within';
  failed ||= raw > error;
  console.log(`  ${language.padEnd(8)} ${k(raw).padStart(10)} (${k(gzip)} gzip)  ${verdict}`);
}
process.exit(failed ? 1 : 0);
