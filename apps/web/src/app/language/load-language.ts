import { registerLocaleData } from '@angular/common';
import localeSrCyrl from '@angular/common/locales/sr-Cyrl';
import localeSrLatn from '@angular/common/locales/sr-Latn';
import { loadTranslations } from '@angular/localize';
import { type Language, messagesToCyrillic } from '@bt/i18n';

/** Where the build puts the Serbian translation (apps/web/project.json, assets). */
export const TRANSLATION_URL = '/i18n/messages.sr-Latn.json';

/**
 * Before anything of the app runs: the language's messages in place of the English ones (Cyrillic
 * derived from the Latin translation), its locale data for dates, numbers and plurals, and
 * `<html lang>`. English needs nothing loaded. Without the translation the app starts in English.
 */
export async function loadLanguage(language: Language): Promise<Language> {
  if (language !== 'en') {
    try {
      const response = await fetch(TRANSLATION_URL);
      if (!response.ok) throw new Error(`${TRANSLATION_URL}: ${response.status}`);
      const latin = ((await response.json()) as { translations: Record<string, string> }).translations;
      loadTranslations(language === 'sr-Cyrl' ? messagesToCyrillic(latin) : latin);
      registerLocaleData(language === 'sr-Cyrl' ? localeSrCyrl : localeSrLatn, language);
    } catch (error) {
      console.error('The translation could not be loaded; the app starts in English.', error);
      language = 'en';
    }
  }
  document.documentElement.lang = language;
  return language;
}
