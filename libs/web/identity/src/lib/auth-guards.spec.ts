import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { RoleAssignmentDto } from '@bt/contracts';
import { ADMIN, me } from '../testing/identity-fixtures';
import { hasRole, signedIn } from './auth-guards';
import { AuthSession } from './auth-session';

@Component({ selector: 'bt-page', template: 'page' })
class Page {}

describe('route guards', () => {
  let router: Router;

  async function start(roles: RoleAssignmentDto[] | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'benchmarks', component: Page },
          { path: 'account', canMatch: [signedIn], component: Page },
          { path: 'admin', canMatch: [hasRole('admin')], children: [{ path: 'users', component: Page }] },
          { path: 'reviews', canMatch: [hasRole('commission', 'expert')], component: Page },
          { path: 'sign-in', component: Page },
          { path: 'forbidden', component: Page },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
    if (roles) {
      TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
      TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(me(roles));
    }
  }

  describe('signedIn', () => {
    it('opens the page to a signed-in user', async () => {
      await start([]);
      await router.navigateByUrl('/account');
      expect(router.url).toBe('/account');
    });

    it('sends an anonymous visitor to sign in, to come back afterwards', async () => {
      await start(null);
      await router.navigateByUrl('/account');
      expect(router.url).toBe('/sign-in?returnTo=%2Faccount');
    });
  });

  describe('hasRole', () => {
    it('opens the page to a holder of the role', async () => {
      await start(ADMIN);
      await router.navigateByUrl('/admin/users');
      expect(router.url).toBe('/admin/users');
    });

    it('accepts any one of several roles', async () => {
      await start([{ role: 'expert', coordinator: false }]);
      await router.navigateByUrl('/reviews');
      expect(router.url).toBe('/reviews');
    });

    it('shows the forbidden page to a signed-in user without the role, keeping the address asked for', async () => {
      await start([{ role: 'civil_society', coordinator: false }]);
      await router.navigateByUrl('/benchmarks');
      await router.navigateByUrl('/admin/users');

      expect(router.url).toBe('/forbidden');
      // The browser's address stays what the user asked for.
      expect(TestBed.inject(Location).path()).toBe('/admin/users');
    });

    it('sends an anonymous visitor to sign in first', async () => {
      await start(null);
      await router.navigateByUrl('/admin/users');
      expect(router.url).toBe('/sign-in?returnTo=%2Fadmin%2Fusers');
    });
  });
});
