import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthSession } from './auth-session';

/**
 * Asks the API who is signed in before the first page opens, so guards and the toolbar know at once.
 * The HTTP interceptor (`sessionEndedInterceptor`) is registered with the app's `provideHttpClient`.
 */
export function provideIdentity(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(AuthSession).load())]);
}
