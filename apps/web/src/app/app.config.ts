import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { sessionEndedInterceptor } from '@bt/web/identity/shell';
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
    // The default XHR backend, not withFetch(): fetch reports no upload progress, and the mission
    // report upload shows it.
    provideHttpClient(
      // The API sets the XSRF-TOKEN cookie and checks X-XSRF-TOKEN on every state-changing request.
      // Angular adds the header to every non-GET request to a relative URL, which every API call is.
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      // A 401 from the API ends the app's session too: the user is sent to sign in again.
      withInterceptors([sessionEndedInterceptor]),
    ),
  ],
};
