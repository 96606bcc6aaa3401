import { provideHttpClient, withFetch, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { AppTitleStrategy } from './app-title-strategy';
import { APP_ROUTES } from './app.routes';

/*
 * No animations provider: Angular Material 21 animates with CSS and no longer needs
 * @angular/animations (provideAnimationsAsync is deprecated since Angular 20.2).
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(APP_ROUTES, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: AppTitleStrategy },
    provideHttpClient(
      withFetch(),
      // The API sets the XSRF-TOKEN cookie and checks X-XSRF-TOKEN on every state-changing request.
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    ),
  ],
};
