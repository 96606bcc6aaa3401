// Adds Serbian (Latin) translations to apps/web/src/locale/messages.sr-Latn.json from a JSON object
// of id → text, and writes the file in the order of the English messages.json (so diffs stay small).
//   npm run i18n:extract && node tools/i18n/add-translations.mjs new-translations.json
import { readFileSync, writeFileSync } from 'node:fs';

const [, , file] = process.argv;
if (!file) throw new Error('usage: node tools/i18n/add-translations.mjs <id → text JSON>');
const english = JSON.parse(readFileSync('apps/web/src/locale/messages.json', 'utf8'));
const path = 'apps/web/src/locale/messages.sr-Latn.json';
const serbian = JSON.parse(readFileSync(path, 'utf8'));
const added = JSON.parse(readFileSync(file, 'utf8'));
const unknown = Object.keys(added).filter((id) => !(id in english.translations));
if (unknown.length) throw new Error(`not in messages.json (run npm run i18n:extract first): ${unknown.join(', ')}`);
const merged = { ...serbian.translations, ...added };
const ordered = Object.fromEntries(
  Object.keys(english.translations)
    .filter((id) => id in merged)
    .map((id) => [id, merged[id]]),
);
const missing = Object.keys(english.translations).filter((id) => !(id in ordered));
writeFileSync(path, `${JSON.stringify({ ...serbian, translations: ordered }, null, 2)}\n`);
console.log(`${Object.keys(added).length} added or changed; ${missing.length} still untranslated${missing.length ? `: ${missing.join(', ')}` : ''}`);
