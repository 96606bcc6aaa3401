import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { me } from '../../testing/identity-fixtures';
import { AuthSession } from '../auth-session';
import { AccountMenu } from './account-menu';

@Component({ selector: 'bt-page', template: '' })
class Page {}

describe('AccountMenu', () => {
  let fixture: ComponentFixture<AccountMenu>;
  let http: HttpTestingController;

  async function start(signedIn: boolean): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Page }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    if (signedIn) {
      TestBed.inject(AuthSession).signIn({ email: 'x', password: 'x' }).subscribe();
      http.expectOne('/api/auth/login').flush(me());
    }
    fixture = TestBed.createComponent(AccountMenu);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('offers an anonymous visitor to sign in, and to come back to the page afterwards', async () => {
    const element = await start(false);
    const link = element.querySelector('a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Sign in');
    expect(link.getAttribute('href')).toBe('/sign-in');

    await TestBed.inject(Router).navigateByUrl('/benchmarks/RS-24-MIG-02?tab=history');
    await fixture.whenStable();
    expect(link.getAttribute('href')).toBe('/sign-in?returnTo=%2Fbenchmarks%2FRS-24-MIG-02%3Ftab%3Dhistory');
  });

  it('offers no link to the sign-in page on the sign-in page', async () => {
    const element = await start(false);
    await TestBed.inject(Router).navigateByUrl('/sign-in?returnTo=%2Faccount');
    await fixture.whenStable();
    expect(element.querySelector('a')).toBeNull();
  });

  it('links the name to the account while the menu loads', async () => {
    const element = await start(true);
    const [defer] = await fixture.getDeferBlocks();
    await defer.render(DeferBlockState.Placeholder);
    const link = element.querySelector('a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toContain('Milica Civil Society');
    expect(link.getAttribute('href')).toBe('/account');
  });

  it('shows the signed-in user’s name with a menu: My account, Sign out', async () => {
    const element = await start(true);
    const [defer] = await fixture.getDeferBlocks();
    await defer.render(DeferBlockState.Complete);

    const trigger = element.querySelector('button') as HTMLButtonElement;
    expect(trigger.textContent).toContain('Milica Civil Society');
    expect(trigger.getAttribute('aria-label')).toBe('Account of Milica Civil Society');
    trigger.click();
    await fixture.whenStable();
    const items = [...document.querySelectorAll('[mat-menu-item]')].map((item) => item.textContent?.trim());
    expect(items).toEqual(['personMy account', 'logoutSign out']);

    document.querySelectorAll<HTMLElement>('[mat-menu-item]')[1].click();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(AuthSession).signedIn()).toBe(false);
  });
});
