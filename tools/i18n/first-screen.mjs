// The first screen of the pages a first visit usually opens — `/` and the chapter overview — as the
// server sends it with index.html, so a visitor reads the page's heading and introduction while the
// app's code is still on its way (issue 19: the largest paint came after ~700 kB of JavaScript).
// Writes dist/first-screen/first-screen.json, which the web build copies to /i18n/ and the API reads
// at its start (libs/api/core/src/lib/first-screen.ts): each page's messages by their i18n ids, with
// what fills their placeholders, in English and in the Serbian Latin translation (the API derives
// Cyrillic as the app does). The texts are the app's own messages, so a translation changes both;
// the browser test `first-screen.e2e-spec.ts` checks the app draws the same words in the same place.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => JSON.parse(readFileSync(join(root, 'apps/web/src/locale', file), 'utf8')).translations;

/**
 * Each page's heading and introduction: the message id and its placeholders in the order the
 * template interpolates them ({$INTERPOLATION}, {$INTERPOLATION_1}, …): another message's id
 * (`{ id }`) or a text kept as it is. CATALOGUE_SCOPE (libs/web/benchmarks) is the scope shown.
 */
const PAGES = {
  '/': {
    page: 'home',
    heading: { id: 'home.heading', values: [{ id: 'country.RS' }, '24', { id: 'chapter.24' }] },
    intro: { id: 'home.intro.public', values: [{ id: 'country.RS' }] },
  },
  '/overview': {
    page: 'overview',
    heading: { id: 'overview.heading', values: ['24', { id: 'country.RS' }] },
    intro: { id: 'overview.intro', values: [] },
  },
};

const ids = new Set(
  Object.values(PAGES).flatMap((page) => [page.heading, page.intro].flatMap((m) => [m.id, ...m.values.filter((v) => typeof v === 'object').map((v) => v.id)])),
);
const pick = (messages, language) =>
  Object.fromEntries(
    [...ids].map((id) => {
      if (typeof messages[id] !== 'string') throw new Error(`first-screen: the ${language} messages have no ${id}`);
      return [id, messages[id]];
    }),
  );

const out = join(root, 'dist/first-screen');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'first-screen.json'),
  JSON.stringify({ pages: PAGES, messages: { en: pick(read('messages.json'), 'en'), 'sr-Latn': pick(read('messages.sr-Latn.json'), 'sr-Latn') } }),
);
