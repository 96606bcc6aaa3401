import { InjectionToken } from '@angular/core';
import { type Language, LANGUAGE_COOKIE } from '@bt/i18n';

/** The language the app was started in (main.ts chose it and loaded its messages). */
export const CURRENT_LANGUAGE = new InjectionToken<Language>('CURRENT_LANGUAGE', { factory: () => 'en' });

/** Keeps the choice in this browser for a year. */
export function keepLanguage(language: Language): void {
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * Starts the app again in `language` at `url` (messages load before the app: a page load, not a
 * navigation). A `lang` in the address would override the kept choice, so it goes.
 */
export function reloadIn(language: Language, url: string): void {
  keepLanguage(language);
  const target = new URL(url, location.href);
  target.searchParams.delete('lang');
  location.assign(target.pathname + target.search + target.hash);
}

/**
 * The items in the order the reader's language sorts their names: in Serbian č and ć after c, dž
 * and đ after d, lj after l, nj after n, š after s, ž after z (and the Cyrillic alphabet's order).
 * The app's language is on `<html lang>` (main.ts put it there before the app started).
 */
export function inReadersOrder<T>(items: readonly T[], name: (item: T) => string): T[] {
  // Names are kept as written, mostly in Latin letters: a Cyrillic reader's lists sort them as Serbian
  // Latin does (the sr-Latn collation orders Cyrillic names by the Serbian alphabet too).
  const language = document.documentElement.lang || 'en';
  const collator = new Intl.Collator(language === 'sr-Cyrl' ? 'sr-Latn' : language);
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
