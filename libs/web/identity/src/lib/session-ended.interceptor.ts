import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthSession } from './auth-session';
import { SESSION_ENDED, signInUrl } from './sign-in-address';

/**
 * Calls whose 401 means something else than "your session has ended": a wrong password (login,
 * change of password, a wrong second-factor code), "nobody is signed in" (me, read at start), or a sign-out and the sign-in
 * page's own options, which must not send the user to the page they are on.
 */
const OWN_401_CALLS = ['/api/auth/login', '/api/auth/login/second-factor', '/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/auth/options'];

/**
 * When the API answers 401 to any other call, the session the app believed in is gone (signed out
 * elsewhere, expired, or the account was disabled): the user is forgotten and sent to the sign-in
 * page, which explains why and brings them back here afterwards.
 */
export const sessionEndedInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && endsSession(request.url)) {
        session.clear();
        const current = currentUrl(router);
        if (!/^\/sign-in(?=[/?#]|$)/.test(current)) {
          void router.navigateByUrl(signInUrl(router, current, SESSION_ENDED));
        }
      }
      return throwError(() => error);
    }),
  );
};

function endsSession(url: string): boolean {
  const path = url.split(/[?#]/)[0];
  return path.startsWith('/api/') && !OWN_401_CALLS.includes(path);
}

/** Where the user is, or is going: a navigation still running has not changed `router.url` yet. */
function currentUrl(router: Router): string {
  const navigation = router.currentNavigation();
  const target = navigation?.finalUrl ?? navigation?.extractedUrl;
  return target ? router.serializeUrl(target) : router.url;
}
