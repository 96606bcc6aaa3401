import { registerLocaleData } from '@angular/common';
import { loadTranslations } from '@angular/localize';
import { type Language, messagesToCyrillic } from '@bt/i18n';
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';

/** Where the build puts the Serbian translation, written compactly (apps/web/project.json, compact-translation). */
export const TRANSLATION_URL = '/i18n/messages.sr-Latn.json';

/** The language the app starts in, and how date-fns writes and reads its dates (the date and time pickers). */
export interface LoadedLanguage {
  language: Language;
  dates: Locale;
}

/*
 * Each Serbian language's locale data loads on its own (a chunk per language), so a reader downloads
 * only theirs: Angular's for dates, numbers and plurals and date-fns's for the pickers. English's
 * (Angular's is built in; date-fns's, 4 kB) comes with this file: a chunk of its own would make the
 * start of an English page wait a round trip before the app's code is even asked for.
 */
const LOCALE_DATA: Record<Language, () => Promise<{ angular?: unknown; dates: Locale }>> = {
  en: async () => ({ dates: enUS }),
  'sr-Latn': async () => {
    const [angular, dates] = await Promise.all([import('@angular/common/locales/sr-Latn'), import('date-fns/locale/sr-Latn')]);
    return { angular: angular.default, dates: dates.srLatn };
  },
  'sr-Cyrl': async () => {
    const [angular, dates] = await Promise.all([import('@angular/common/locales/sr-Cyrl'), import('date-fns/locale/sr')]);
    return { angular: angular.default, dates: dates.sr };
  },
};

/**
 * Before anything of the app runs: the language's messages in place of the English ones (Cyrillic
 * derived from the Latin translation), its locale data for dates, numbers and plurals, and
 * `<html lang>`. English needs no messages loaded. Without the translation the app starts in English.
 */
export async function loadLanguage(language: Language): Promise<LoadedLanguage> {
  const localeData = LOCALE_DATA[language]();
  localeData.catch(() => undefined); // awaited below, unless the translation fails first
  if (language !== 'en') {
    try {
      const response = await fetch(TRANSLATION_URL);
      if (!response.ok) throw new Error(`${TRANSLATION_URL}: ${response.status}`);
      const latin = ((await response.json()) as { translations: Record<string, string> }).translations;
      const { angular } = await localeData;
      loadTranslations(language === 'sr-Cyrl' ? messagesToCyrillic(latin) : latin);
      registerLocaleData(angular, language);
    } catch (error) {
      console.error('The translation could not be loaded; the app starts in English.', error);
      language = 'en';
    }
  }
  document.documentElement.lang = language;
  const { dates } = await (language === 'en' ? LOCALE_DATA.en() : localeData);
  return { language, dates };
}
