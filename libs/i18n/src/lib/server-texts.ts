import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from './languages';
import { messagesToCyrillic } from './transliterate';

/**
 * The locale that formats numbers, dates and plurals in each language (Serbian as written in
 * Serbia: `6. decembar 2026.`, `1.250,50`).
 */
export const FORMAT_LOCALE: Record<Language, string> = { en: 'en-GB', 'sr-Latn': 'sr-Latn-RS', 'sr-Cyrl': 'sr-Cyrl-RS' };

/** Values a server text takes: `{name}`, `{count, plural, …}`, `{at, date, long}`, `{amount, number}`. */
export type TextValues = Record<string, string | number | Date>;

/** One text in the language asked for. */
export type Wording<K extends string> = (key: K, values?: TextValues) => string;

/**
 * Texts the server writes itself — e-mails, generated documents — for each domain in one place:
 * ICU messages (the syntax the web app's translations use) in English and in Serbian Latin, kept by
 * people; the Cyrillic ones are derived, as for the web app, so they never drift. Values are put in
 * after the transliteration: a name, an address or a title stays as it was written.
 *
 *   const texts = serverTexts({ en: { due: 'Due {at, date, long}' }, 'sr-Latn': { due: 'Rok {at, date, long}' } });
 *   texts('sr-Cyrl')('due', { at }) // 'Рок 6. децембар 2026.'
 */
export function serverTexts<K extends string>(catalogue: { en: Record<K, string>; 'sr-Latn': Record<K, string> }): (language: Language) => Wording<K> {
  const messages: Record<Language, Record<K, string>> = {
    en: catalogue.en,
    'sr-Latn': catalogue['sr-Latn'],
    'sr-Cyrl': messagesToCyrillic(catalogue['sr-Latn']) as Record<K, string>,
  };
  // Parsed once per text and language, on first use.
  const parsed = new Map<string, IntlMessageFormat>();
  return (language) => (key, values) => {
    const id = `${language}\u0000${key}`;
    let format = parsed.get(id);
    if (!format) {
      format = new IntlMessageFormat(messages[language][key], FORMAT_LOCALE[language]);
      parsed.set(id, format);
    }
    return String(format.format(values));
  };
}
