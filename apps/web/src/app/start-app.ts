import { LOCALE_ID } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { UrlSerializer } from '@angular/router';
import type { CurrentUserDto } from '@bt/contracts';
import type { Language } from '@bt/i18n';
import { CURRENT_LANGUAGE, LanguageUrlSerializer, provideIdentity, provideReadersDates } from '@bt/web/identity/shell';
import type { Locale } from 'date-fns';
import { App } from './app';
import { appConfig } from './app.config';

/**
 * The app, in a language whose messages and date-fns locale are loaded already (main.ts imports this
 * only then); `session`, the answer to who is signed in, asked by main.ts as the page started.
 */
export function startApp(language: Language, dates: Locale, session: Promise<CurrentUserDto | null>): void {
  bootstrapApplication(App, {
    ...appConfig,
    providers: [
      ...appConfig.providers,
      provideIdentity(session),
      { provide: CURRENT_LANGUAGE, useValue: language },
      // Dates, numbers and plurals as readers of the language write them (6. 12. 2026.)…
      { provide: LOCALE_ID, useValue: language === 'en' ? 'en-US' : language },
      // …and the date and time pickers too, typed and shown that way.
      provideReadersDates(language, dates),
      // Shared addresses keep a Serbian language (?lang=…).
      { provide: UrlSerializer, useValue: new LanguageUrlSerializer(language) },
    ],
  }).catch((error: unknown) => console.error(error));
}
