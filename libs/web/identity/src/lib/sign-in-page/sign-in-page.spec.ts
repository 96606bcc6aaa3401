import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SignInOptionsDto } from '@bt/contracts';
import { me, unauthorized } from '../../testing/identity-fixtures';
import { AuthSession } from '../auth-session';
import { IDENTITY_ROUTES } from '../identity.routes';
import { retryAfterMinutes } from './sign-in-page';

@Component({ selector: 'bt-page', template: 'elsewhere' })
class Elsewhere {}

const PASSWORD_ONLY: SignInOptionsDto = { password: true, oidc: { enabled: false, label: '' } };

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  async function open(url: string, options: SignInOptionsDto = PASSWORD_ONLY): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([...IDENTITY_ROUTES, { path: '**', component: Elsewhere }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http.expectOne('/api/auth/options').flush(options);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const text = (selector: string): string => (element().querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const input = (type: string): HTMLInputElement => element().querySelector(`input[type="${type}"]`) as HTMLInputElement;

  async function submit(email: string, password: string): Promise<void> {
    for (const [field, value] of [
      [input('email'), email],
      [input('password'), password],
    ] as const) {
      field.value = value;
      field.dispatchEvent(new Event('input'));
    }
    (element().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  afterEach(() => http.verify());

  async function submitCode(code: string): Promise<void> {
    const field = element().querySelector('input[autocomplete="one-time-code"]') as HTMLInputElement;
    field.value = code;
    field.dispatchEvent(new Event('input'));
    (element().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  it('asks an account with two-step sign-in for its code after the password, then goes on', async () => {
    await open('/sign-in?returnTo=%2Finbox');
    await submit('commission@demo.test', 'demo-pass-2026');
    http.expectOne('/api/auth/login').flush({ secondFactorRequired: true });
    await settle();
    expect(TestBed.inject(AuthSession).signedIn()).toBe(false);
    expect(input('password')).toBeNull();
    expect(text('form p')).toContain('Enter the 6-digit code your authenticator app shows now');
    // Single sign-on is not offered in the middle of a sign-in.
    expect(element().querySelector('.sso')).toBeNull();

    await submitCode('12345');
    const wrong = http.expectOne('/api/auth/login/second-factor');
    expect(wrong.request.body).toEqual({ code: '12345' });
    wrong.flush(...unauthorized('Wrong code: check the authenticator app.'));
    await settle();
    expect(text('[role="alert"]')).toBe('The code was not accepted.Wrong code: check the authenticator app.');

    await submitCode(' 123456 ');
    const right = http.expectOne('/api/auth/login/second-factor');
    expect(right.request.body).toEqual({ code: '123456' });
    right.flush(me());
    await settle();
    expect(router.url).toBe('/inbox');
    expect(TestBed.inject(AuthSession).signedIn()).toBe(true);
  });

  it('asks for the code when single sign-on sends the browser back for it', async () => {
    await open('/sign-in?step=second-factor');
    expect(element().querySelector('input[autocomplete="one-time-code"]')).not.toBeNull();
    expect(input('email')).toBeNull();
  });

  it('labels its fields and signs in with them, then goes to the benchmarks', async () => {
    await open('/sign-in');
    expect(text('h1')).toBe('Sign in to Benchmark Tracker');
    const labels = [...element().querySelectorAll('mat-label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['E-mail address', 'Password']);
    expect(input('email').autocomplete).toBe('username');
    expect(input('password').autocomplete).toBe('current-password');

    await submit('cso@demo.test', 'demo-pass-2026');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'cso@demo.test', password: 'demo-pass-2026' });
    request.flush(me());
    await settle();

    expect(router.url).toBe('/benchmarks');
    expect(TestBed.inject(AuthSession).signedIn()).toBe(true);
  });

  it('returns to the page the user came from', async () => {
    await open('/sign-in?returnTo=%2Fbenchmarks%2FRS-24-ASY-03');
    await submit('cso@demo.test', 'demo-pass-2026');
    http.expectOne('/api/auth/login').flush(me());
    await settle();
    expect(router.url).toBe('/benchmarks/RS-24-ASY-03');
  });

  it('never follows a returnTo to another site', async () => {
    await open('/sign-in?returnTo=https%3A%2F%2Fevil.example%2F');
    await submit('cso@demo.test', 'demo-pass-2026');
    http.expectOne('/api/auth/login').flush(me());
    await settle();
    expect(router.url).toBe('/benchmarks');
  });

  it('says the credentials are wrong on a 401, without saying which, and clears the password', async () => {
    await open('/sign-in');
    await submit('cso@demo.test', 'wrong-password');
    http.expectOne('/api/auth/login').flush(...unauthorized('Wrong e-mail or password.'));
    await settle();

    expect(text('[role="alert"]')).toBe('The e-mail address or the password is not correct.');
    expect(input('password').value).toBe('');
    expect(input('email').value).toBe('cso@demo.test');
    expect(document.activeElement).toBe(input('password'));
    expect(router.url).toBe('/sign-in');
  });

  it('says how many minutes to wait after too many attempts (429 with Retry-After)', async () => {
    await open('/sign-in');
    await submit('cso@demo.test', 'wrong-password');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'Too many failed sign-ins.' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '840' } },
      );
    await settle();
    expect(text('[role="alert"]')).toBe('Too many attempts — try again in 14 minutes.');

    await submit('cso@demo.test', 'again');
    http.expectOne('/api/auth/login').flush(null, { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '30' } });
    await settle();
    expect(text('[role="alert"]')).toBe('Too many attempts — try again in 1 minute.');
  });

  it('checks the fields before asking the API', async () => {
    await open('/sign-in');
    await submit('not-an-address', '');
    expect(text('mat-error')).toContain('Enter an e-mail address such as name@example.org.');
    expect(document.activeElement).toBe(input('email'));
    // (afterEach: no request was made)
  });

  it('explains why the user was sent here', async () => {
    await open('/sign-in?returnTo=%2Fbenchmarks&error=session_ended');
    expect(text('[role="status"]')).toBe('Your session has ended. Please sign in again.');
  });

  it.each([
    ['sso_failed', 'Signing in with single sign-on did not work.'],
    ['sso_unknown_account', 'Your single sign-on account has no Benchmark Tracker account.'],
    ['sso_disabled', 'Your Benchmark Tracker account is disabled'],
    ['something_else', 'Signing in did not work. Please try again.'],
  ])('explains the single sign-on outcome %s', async (code, message) => {
    await open(`/sign-in?error=${code}`);
    expect(text('[role="status"]')).toContain(message);
  });

  it('offers single sign-on, when configured, as a link to the API that keeps returnTo', async () => {
    await open('/sign-in?returnTo=%2Faccount', { password: true, oidc: { enabled: true, label: 'EU Login' } });
    const link = [...element().querySelectorAll('a')].find((a) => a.textContent?.includes('Sign in with')) as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Sign in with EU Login');
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/login?returnTo=%2Faccount');
  });

  it('offers no single sign-on when it is not configured', async () => {
    await open('/sign-in');
    expect(element().textContent).not.toContain('Sign in with');
  });
});

describe('retryAfterMinutes', () => {
  it('rounds seconds up to whole minutes, at least one', () => {
    expect(retryAfterMinutes('900')).toBe(15);
    expect(retryAfterMinutes('61')).toBe(2);
    expect(retryAfterMinutes('0')).toBe(1);
  });

  it('reads an HTTP date too, and nothing from garbage', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryAfterMinutes('Mon, 23 Nov 2026 10:05:00 GMT', now)).toBe(5);
    expect(retryAfterMinutes('soon')).toBeNull();
    expect(retryAfterMinutes(null)).toBeNull();
  });
});
