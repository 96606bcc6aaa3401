import type { Router, UrlTree } from '@angular/router';

/** Where a signed-in user goes when nothing else was asked for. */
export const DEFAULT_RETURN_TO = '/benchmarks';

/** The code the sign-in page explains when the API ended a session the app still held. */
export const SESSION_ENDED = 'session_ended';

/** `/sign-in?returnTo=…` (and `error=…` for a message), to come back where the user was. */
export function signInUrl(router: Router, returnTo: string, error?: string): UrlTree {
  const queryParams = signInQueryParams(returnTo);
  if (error) queryParams['error'] = error;
  return router.createUrlTree(['/sign-in'], { queryParams });
}

/** The sign-in page's `returnTo`, left out where it would only lead to the start page anyway. */
export function signInQueryParams(returnTo: string): Record<string, string> {
  const target = safeReturnTo(returnTo);
  return target === DEFAULT_RETURN_TO || target === '/' ? {} : { returnTo: target };
}

/**
 * A `returnTo` the app may follow: a path of this app only. Anything else (another host, `//host`,
 * `/\host`, the API, the sign-in page itself) falls back to the benchmarks, so a crafted link cannot
 * send a user elsewhere after signing in.
 */
export function safeReturnTo(returnTo: string | null | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) {
    return DEFAULT_RETURN_TO;
  }
  if (/^\/(sign-in|api)(?=[/?#]|$)/.test(returnTo)) return DEFAULT_RETURN_TO;
  return returnTo;
}
