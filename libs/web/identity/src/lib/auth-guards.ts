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

/** The account page, where a user who owes their role's second factor sets it up. */
const ACCOUNT_PAGE = '/account';

/**
 * Only for a signed-in user; anyone else goes to the sign-in page and comes back afterwards. A user
 * who still owes the second factor their role requires goes to the account page to set it up.
 */
export const signedIn: CanMatchFn = () => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const target = targetUrl(router);
  if (!session.signedIn()) return new RedirectCommand(signInUrl(router, target));
  return secondFactorFirst(session, router, target) ?? true;
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
    const setUp = secondFactorFirst(session, router, target);
    if (setUp) return setUp;
    if (roles.some((role) => session.hasRole(role))) return true;
    return new RedirectCommand(router.parseUrl('/forbidden'), { browserUrl: target });
  };
}

/** To the account page while the second factor is owed (the API answers nothing else meanwhile). */
function secondFactorFirst(session: AuthSession, router: Router, target: string): RedirectCommand | null {
  if (!session.secondFactorOutstanding() || router.parseUrl(target).root.children['primary']?.segments[0]?.path === ACCOUNT_PAGE.slice(1)) return null;
  return new RedirectCommand(router.parseUrl(ACCOUNT_PAGE));
}

/** The address being navigated to (a `canMatch` guard runs before the router's URL changes). */
function targetUrl(router: Router): string {
  const navigation = router.currentNavigation();
  return navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;
}
