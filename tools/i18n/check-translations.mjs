// Fails (exit 1) when the translations do not fit the app: a message id used in the web app's
// templates or code that the English extraction (messages.json) or the Serbian translation
// (messages.sr-Latn.json) lacks, an id they have that nothing uses any more, or a Serbian message
// whose placeholders differ from the English one. The web build depends on it (apps/web/project.json),
// so a missing or extra id fails the build; `npm run i18n:extract` refreshes messages.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8')).translations;
const english = read('apps/web/src/locale/messages.json');
const serbian = read('apps/web/src/locale/messages.sr-Latn.json');

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|html)$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const used = new Set();
for (const file of [...sources(join(root, 'apps/web/src')), ...sources(join(root, 'libs/web'))]) {
  for (const match of readFileSync(file, 'utf8').matchAll(/@@([\w.-]+)/g)) used.add(match[1]);
}

/** A message's placeholders, each once (a Serbian plural repeats them in its extra forms). */
const placeholders = (text) => [...new Set([...text.matchAll(/\{\$\w+\}|\{INTERPOLATION(?:_\d+)?\}/g)].map((m) => m[0]))].sort().join(' ');

// A plural or select nested in a message is extracted under a generated numeric id of its own.
const nested = (id) => /^\d+$/.test(id);

const problems = [
  ...[...used].filter((id) => !(id in english)).map((id) => `${id}: used in the app, not in messages.json (run npm run i18n:extract)`),
  ...[...used].filter((id) => !(id in serbian)).map((id) => `${id}: used in the app, not translated in messages.sr-Latn.json`),
  ...Object.keys(english)
    .filter((id) => !used.has(id) && !nested(id))
    .map((id) => `${id}: in messages.json, used nowhere (run npm run i18n:extract)`),
  ...Object.keys(english)
    .filter((id) => nested(id) && !(id in serbian))
    .map((id) => `${id}: a nested message not translated in messages.sr-Latn.json`),
  ...Object.keys(serbian)
    .filter((id) => !(id in english))
    .map((id) => `${id}: in messages.sr-Latn.json, used nowhere (remove it)`),
  ...Object.keys(serbian)
    .filter((id) => id in english && placeholders(english[id]) !== placeholders(serbian[id]))
    .map((id) => `${id}: the Serbian message has placeholders ${placeholders(serbian[id]) || 'none'}, the English ${placeholders(english[id]) || 'none'}`),
];

if (problems.length) {
  console.error(`The translations do not fit the app (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`translations: ${used.size} messages, each in English and Serbian with the same placeholders`);
