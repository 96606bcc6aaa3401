import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import type { CurrentUserDto } from '@bt/contracts';
import { AuthSession } from './auth-session';

/**
 * Asks the API who is signed in before the first page opens, so guards and the toolbar know at once;
 * `asked`, the answer to the question sent as the page started (main.ts), saves that round trip.
 * The HTTP interceptor (`sessionEndedInterceptor`) is registered with the app's `provideHttpClient`.
 */
export function provideIdentity(asked?: Promise<CurrentUserDto | null>): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(AuthSession).load(asked))]);
}
