import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import type { CurrentUserDto } from '@bt/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from './auth-session';

/**
 * Asks the API who is signed in before the first page opens, so guards and the toolbar know at once;
 * `asked`, the answer to the question sent as the page started (main.ts), saves that round trip.
 * The HTTP interceptor (`sessionEndedInterceptor`) is registered with the app's `provideHttpClient`.
 */
export function provideIdentity(asked?: Promise<CurrentUserDto | null>): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(async () => {
      await firstValueFrom(inject(AuthSession).load(asked));
      // Then a task of its own for the first render: the app's services and its first page are not
      // one long task that holds the page (total blocking time).
      await new Promise((resolve) => setTimeout(resolve));
    }),
  ]);
}
