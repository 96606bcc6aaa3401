/**
 * The languages of the product: English, and Serbian in both its scripts. Serbian is translated
 * once, in Latin script, by people; the Cyrillic text is derived from it (transliterate.ts).
 */
export const LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language for a first visit, from the browser's list (`navigator.languages`): Serbian written
 * in Cyrillic when the browser says so (`sr`, `sr-RS` and `sr-Cyrl` default to Cyrillic, as the
 * official script), in Latin for `sr-Latn`; the Serbo-Croatian neighbours (`bs`, `hr`, `sh`, `cnr`)
 * read Latin Serbian more easily than English; anything else English.
 */
export function languageFromBrowser(preferences: readonly string[]): Language {
  for (const preference of preferences) {
    const tag = preference.toLowerCase();
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag.startsWith('sr-latn') || tag === 'sh' || tag.startsWith('sh-')) return 'sr-Latn';
    if (tag === 'sr' || tag.startsWith('sr-')) return 'sr-Cyrl';
    if (['bs', 'hr', 'cnr'].some((neighbour) => tag === neighbour || tag.startsWith(`${neighbour}-`))) return 'sr-Latn';
  }
  return 'en';
}

/** The cookie that keeps a browser's language (a visitor's choice; a signed-in person's is kept with their account too). */
export const LANGUAGE_COOKIE = 'bt_lang';

/**
 * The language to start in: a `?lang=` of the address (a shared link), else the browser's kept
 * choice (`cookies` as `document.cookie` has them), else its own languages.
 */
export function chooseLanguage(search: string, cookies: string, browserLanguages: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return asked;
  const kept = cookies
    .split(';')
    .map((cookie) => cookie.trim().split('='))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1];
  if (isLanguage(kept)) return kept;
  return languageFromBrowser(browserLanguages);
}

/**
 * The languages of an `Accept-Language` header, most wanted first (`sr-RS,sr;q=0.9,en;q=0.8`), as
 * `navigator.languages` lists them in the browser: the server chooses a first visit's language with
 * the same `chooseLanguage`. Entries refused (`q=0`) and the wildcard are left out.
 */
export function languagesOfHeader(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag, ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ tag, weight }) => tag && tag !== '*' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag }) => tag);
}
