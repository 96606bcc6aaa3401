import type { Routes } from '@angular/router';
import { signedIn } from './auth-guards';

/**
 * `/sign-in`, `/account` and `/forbidden`. The pages load lazily, so the start bundle carries
 * only the session, the guards and the toolbar's account menu.
 */
export const IDENTITY_ROUTES: Routes = [
  {
    path: 'sign-in',
    loadComponent: () => import('./sign-in-page/sign-in-page').then((m) => m.SignInPage),
    title: $localize`:Title of the sign-in page@@signIn.title:Sign in`,
  },
  {
    path: 'account',
    canMatch: [signedIn],
    loadComponent: () => import('./account-page/account-page').then((m) => m.AccountPage),
    title: $localize`:Title of the page about the signed-in user@@account.title:My account`,
  },
  {
    path: 'forbidden',
    loadComponent: () => import('./forbidden-page/forbidden-page').then((m) => m.ForbiddenPage),
    title: $localize`:Title of the page shown when the user may not open a page@@forbidden.title:Not allowed`,
  },
];
