import { LOCALE_ID } from '@angular/core';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { Language } from '@bt/i18n';
import { CURRENT_LANGUAGE } from '@bt/web/identity';
import { App } from './app';
import { appConfig } from './app.config';

/** The app, in a language whose messages are loaded already (main.ts imports this only then). */
export function startApp(language: Language): void {
  bootstrapApplication(App, {
    ...appConfig,
    providers: [
      ...appConfig.providers,
      { provide: CURRENT_LANGUAGE, useValue: language },
      // Dates, numbers, plurals and the date pickers as readers of the language write them (6. 12. 2026.).
      { provide: LOCALE_ID, useValue: language === 'en' ? 'en-US' : language },
      { provide: MAT_DATE_LOCALE, useValue: language === 'en' ? 'en-US' : language },
    ],
  }).catch((error: unknown) => console.error(error));
}
