import { inject } from '@angular/core';
import { type CanMatchFn, RedirectCommand, Router } from '@angular/router';
import type { Role } from '@bt/contracts';
import { AuthSession } from './auth-session';
import { signInUrl } from './sign-in-address';

/*
 * Route guards mirroring the API's rules, so nobody is shown a page whose calls would all be refused.
 * The API still decides. They are `canMatch` guards: a lazy feature is not even downloaded for
 * someone who may not use it.
 */

/** Only for a signed-in user; anyone else goes to the sign-in page and comes back afterwards. */
export const signedIn: CanMatchFn = () => {
  const session = inject(AuthSession);
  const router = inject(Router);
  return session.signedIn() || new RedirectCommand(signInUrl(router, targetUrl(router)));
};

/**
 * Only for a user holding one of the roles. A visitor who is not signed in is asked to; a signed-in
 * user without the role sees the forbidden page, at the address they asked for.
 */
export function hasRole(...roles: Role[]): CanMatchFn {
  return () => {
    const session = inject(AuthSession);
    const router = inject(Router);
    const target = targetUrl(router);
    if (!session.signedIn()) return new RedirectCommand(signInUrl(router, target));
    if (roles.some((role) => session.hasRole(role))) return true;
    return new RedirectCommand(router.parseUrl('/forbidden'), { browserUrl: target });
  };
}

/** The address being navigated to (a `canMatch` guard runs before the router's URL changes). */
function targetUrl(router: Router): string {
  const navigation = router.currentNavigation();
  return navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;
}
