import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { NOTIFICATION_KINDS } from '@bt/contracts/values';
import { me, unauthorized } from '../../testing/identity-fixtures';
import { AuthSession } from '../auth-session';
import { IDENTITY_ROUTES } from '../identity.routes';

@Component({ selector: 'bt-page', template: 'elsewhere' })
class Elsewhere {}

describe('AccountPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const SESSIONS = [
    {
      id: 's-1',
      current: true,
      method: 'password',
      secondFactor: null,
      createdAt: '2026-12-06T08:00:00.000Z',
      lastSeenAt: '2026-12-06T08:05:00.000Z',
      expiresAt: '2026-12-06T20:00:00.000Z',
      ip: '192.0.2.1',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0',
    },
    {
      id: 's-2',
      current: false,
      method: 'oidc',
      secondFactor: 'provider',
      createdAt: '2026-12-05T08:00:00.000Z',
      lastSeenAt: '2026-12-05T09:00:00.000Z',
      expiresAt: '2026-12-05T20:00:00.000Z',
      ip: '198.51.100.7',
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1',
    },
  ];
  const PREFERENCES = NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: kind === 'benchmark.accepted' ? 'digest' : 'immediate', chosen: false }));
  const NOT_ENROLLED = { enrolled: false, enrolledAt: null, recoveryCodesLeft: 0, required: false };

  async function open(overrides: Parameters<typeof me>[1] = {}): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideRouter([...IDENTITY_ROUTES, { path: '**', component: Elsewhere }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).signIn({ email: 'x', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(
      me(
        [
          { role: 'ministry', coordinator: true },
          { role: 'expert', coordinator: false },
        ],
        overrides,
      ),
    );
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/account');
    http.expectOne('/api/auth/second-factor').flush(NOT_ENROLLED);
    http.expectOne('/api/auth/sessions').flush(SESSIONS);
    http.expectOne('/api/notifications/preferences').flush({ preferences: PREFERENCES });
    await settle();
  }

  const button = (text: string) => [...element().querySelectorAll('button')].find((b) => b.textContent?.includes(text)) as HTMLButtonElement;
  async function typeCode(code: string): Promise<void> {
    const input = element().querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]') as HTMLInputElement;
    input.value = code;
    input.dispatchEvent(new Event('input'));
    (element().querySelector('.code-form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  /** Set up two-step sign-in: the server's answer gives the key and its QR code. */
  async function startEnrolment(): Promise<void> {
    button('Set up two-step sign-in').click();
    http
      .expectOne('/api/auth/second-factor/enrolment')
      .flush({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qr: { size: 21, path: 'M0 0h1v1h-1z' } });
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const texts = (selector: string): string[] => [...element().querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
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
    expect(texts('dd')).toEqual(['Milica Civil Society', 'milica@cso.test', 'Serbian CSO coalition', expect.any(String)]);
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

  it('sets up two-step sign-in: QR code and key, the confirming code, then the recovery codes once', async () => {
    await open();
    await startEnrolment();
    expect(element().querySelector('svg.qr path')?.getAttribute('d')).toBe('M0 0h1v1h-1z');
    expect(texts('.secret')).toEqual(['JBSW Y3DP EHPK 3PXP']);

    await typeCode('123456');
    const confirmation = http.expectOne('/api/auth/second-factor/enrolment/confirmation');
    expect(confirmation.request.body).toEqual({ code: '123456' });
    const codes = Array.from({ length: 10 }, (_, i) => `abcde-fgh${i}k`);
    confirmation.flush({ recoveryCodes: codes });
    await settle();
    expect(texts('.recovery-codes li')).toEqual(codes);

    button('I have saved them').click();
    http.expectOne('/api/auth/second-factor').flush({ enrolled: true, enrolledAt: '2026-12-06T08:00:00.000Z', recoveryCodesLeft: 10, required: false });
    http.expectOne('/api/auth/current').flush({ me: me() });
    await settle();
    expect(texts('.second-factor__state')[0]).toContain('10 recovery codes left.');
    expect(texts('.recovery-codes li')).toEqual([]);
  });

  it('says why a confirming code was refused, and asks again', async () => {
    await open();
    await startEnrolment();
    await typeCode('000000');
    http
      .expectOne('/api/auth/second-factor/enrolment/confirmation')
      .flush({ statusCode: 422, message: 'That code is not right.' }, { status: 422, statusText: 'Unprocessable Entity' });
    await settle();
    expect(texts('.code-form [role="alert"]')).toEqual(['That code is not right.']);
    expect(element().querySelector('svg.qr')).not.toBeNull();
    // The refused code is cleared for the next try.
    expect(element().querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')?.value).toBe('');
  });

  it('tells a user whose role requires it to set up two-step sign-in first', async () => {
    await open({ secondFactor: { enrolled: false, required: true, outstanding: true } });
    expect(texts('.second-factor .notice')[0]).toContain('Your role requires two-step sign-in.');
  });

  it('lists the sessions by browser and system, this one marked, and signs out another', async () => {
    await open();
    expect(texts('.sessions__what strong')).toEqual(['Firefox on Linux', 'Safari on iOS']);
    expect(texts('.sessions__item--current .sessions__current')).toEqual(['This browser']);
    expect(texts('.sessions__facts')[1]).toContain('Single sign-on and second step');
    expect(element().querySelectorAll('.sessions__end')).toHaveLength(1);
    (element().querySelector('.sessions__end') as HTMLButtonElement).click();
    expect(http.expectOne('/api/auth/sessions/s-2').request.method).toBe('DELETE');
  });

  it('signs out everywhere and goes to the sign-in page', async () => {
    await open();
    button('Sign out everywhere').click();
    const request = http.expectOne('/api/auth/logout-everywhere');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(AuthSession).signedIn()).toBe(false);
    http.expectOne('/api/auth/options').flush({ password: true, oidc: { enabled: false, label: '' } });
  });

  it('shows how each kind of notification is received, and saves only the kinds changed', async () => {
    await open();
    const select = (kind: string) => element().querySelector(`mat-select[data-kind="${kind}"]`) as HTMLElement;
    expect(element().querySelectorAll('.notification-preferences mat-select')).toHaveLength(NOTIFICATION_KINDS.length);
    expect(texts('.notification-preferences mat-label')[0]).toBe('A benchmark submitted for your review');
    expect(select('benchmark.accepted').textContent).toContain('In the daily digest e-mail');
    expect(select('benchmark.submitted').textContent).toContain('E-mail at once');

    (select('benchmark.submitted').querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    const option = [...document.querySelectorAll('mat-option')].find((o) => o.textContent?.includes('Inbox only, no e-mail')) as HTMLElement;
    option.click();
    await settle();
    button('Save notification settings').click();
    const request = http.expectOne('/api/notifications/preferences');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ preferences: [{ kind: 'benchmark.submitted', delivery: 'in_app' }] });
    request.flush({ preferences: PREFERENCES.map((p) => (p.kind === 'benchmark.submitted' ? { ...p, delivery: 'in_app', chosen: true } : p)) });
    await settle();
    expect(texts('.notification-preferences__outcome')).toEqual(['Your notification settings have been saved.']);
    expect(select('benchmark.submitted').textContent).toContain('Inbox only, no e-mail');
  });

  it('says when the notification settings could not be saved', async () => {
    await open();
    const control = element().querySelector('mat-select[data-kind="proposal.posted"] .mat-mdc-select-trigger') as HTMLElement;
    control.click();
    await settle();
    ([...document.querySelectorAll('mat-option')].find((o) => o.textContent?.includes('daily digest')) as HTMLElement).click();
    await settle();
    button('Save notification settings').click();
    http.expectOne('/api/notifications/preferences').flush({ code: 'request.invalid-fields' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(texts('.notification-preferences__outcome')).toEqual(['Your notification settings could not be saved. Please try again.']);
  });
});
