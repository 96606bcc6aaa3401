import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { me, unauthorized } from '../../testing/identity-fixtures';
import { AuthSession } from '../auth-session';
import { IDENTITY_ROUTES } from '../identity.routes';

@Component({ selector: 'bt-page', template: 'elsewhere' })
class Elsewhere {}

describe('AccountPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([...IDENTITY_ROUTES, { path: '**', component: Elsewhere }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).signIn({ email: 'x', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(
      me([
        { role: 'ministry', coordinator: true },
        { role: 'expert', coordinator: false },
      ]),
    );
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/account');
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const texts = (selector: string): string[] =>
    [...element().querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  const passwordInputs = (): HTMLInputElement[] => [...element().querySelectorAll<HTMLInputElement>('input[type="password"]')];

  async function changePassword(current: string, next: string, repeat = next): Promise<void> {
    [current, next, repeat].forEach((value, i) => {
      passwordInputs()[i].value = value;
      passwordInputs()[i].dispatchEvent(new Event('input'));
      passwordInputs()[i].dispatchEvent(new Event('blur'));
    });
    (element().querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  afterEach(() => http.verify());

  it('shows who is signed in: name, e-mail, organisation and roles', async () => {
    await open();
    expect(texts('dt')).toEqual(['Name', 'E-mail address', 'Organisation', 'Roles']);
    expect(texts('dd')).toEqual([
      'Milica Civil Society',
      'milica@cso.test',
      'Serbian CSO coalition',
      expect.any(String),
    ]);
    expect(texts('dd li')).toEqual(['Ministry (coordinator)', 'Peer-review expert']);
  });

  it('states the 12-character rule and holds a shorter new password back', async () => {
    await open();
    expect(texts('mat-hint')[0]).toContain('At least 12 characters.');
    await changePassword('demo-pass-2026', 'too-short');
    expect(texts('mat-error')).toContain('The new password needs at least 12 characters.');
  });

  it('holds back two new passwords that differ', async () => {
    await open();
    await changePassword('demo-pass-2026', 'a-long-new-password', 'a-long-new-passwort');
    expect(texts('[role="alert"]')).toEqual(['The two new passwords are not the same.']);
  });

  it('changes the password and says so', async () => {
    await open();
    await changePassword('demo-pass-2026', 'a-long-new-password');
    const request = http.expectOne('/api/auth/password');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ currentPassword: 'demo-pass-2026', newPassword: 'a-long-new-password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(texts('.outcome')).toEqual(['Your password has been changed.']);
    expect(passwordInputs().map((input) => input.value)).toEqual(['', '', '']);
  });

  it('says when the current password is wrong (401), and stays signed in', async () => {
    await open();
    await changePassword('wrong', 'a-long-new-password');
    http.expectOne('/api/auth/password').flush(...unauthorized('The current password is wrong.'));
    await settle();
    expect(texts('.outcome')).toEqual(['The current password is not correct.']);
    expect(TestBed.inject(AuthSession).signedIn()).toBe(true);
  });

  it('signs out everywhere and goes to the sign-in page', async () => {
    await open();
    const button = [...element().querySelectorAll('button')].find((b) => b.textContent?.includes('Sign out everywhere'));
    button?.click();
    const request = http.expectOne('/api/auth/logout-everywhere');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(AuthSession).signedIn()).toBe(false);
    http.expectOne('/api/auth/options').flush({ password: true, oidc: { enabled: false, label: '' } });
  });
});
