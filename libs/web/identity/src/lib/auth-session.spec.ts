import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ADMIN, me, unauthorized } from '../testing/identity-fixtures';
import { AuthSession } from './auth-session';

describe('AuthSession', () => {
  let session: AuthSession;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    session = TestBed.inject(AuthSession);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts anonymous', () => {
    expect(session.me()).toBeNull();
    expect(session.signedIn()).toBe(false);
    expect(session.hasRole('admin')).toBe(false);
  });

  it('loads the signed-in user from /api/auth/current, with their roles', async () => {
    const loaded = firstValueFrom(session.load());
    const request = http.expectOne('/api/auth/current');
    expect(request.request.method).toBe('GET');
    request.flush({ me: me(ADMIN, { displayName: 'Ana Admin' }) });

    expect((await loaded)?.displayName).toBe('Ana Admin');
    expect(session.me()?.displayName).toBe('Ana Admin');
    expect(session.signedIn()).toBe(true);
    expect(session.hasRole('admin')).toBe(true);
    expect(session.hasRole('commission')).toBe(false);
  });

  it('starts anonymous when nobody is signed in, without failing the start', async () => {
    const loaded = firstValueFrom(session.load());
    http.expectOne('/api/auth/current').flush({ me: null });
    expect(await loaded).toBeNull();
    expect(session.signedIn()).toBe(false);
  });

  it('starts anonymous on a refusal too (an older API answering 401)', async () => {
    const loaded = firstValueFrom(session.load());
    http.expectOne('/api/auth/current').flush(...unauthorized());
    expect(await loaded).toBeNull();
    expect(session.signedIn()).toBe(false);
  });

  it('starts anonymous when the API cannot be reached', async () => {
    const loaded = firstValueFrom(session.load());
    http.expectOne('/api/auth/current').error(new ProgressEvent('error'));
    expect(await loaded).toBeNull();
    expect(session.signedIn()).toBe(false);
  });

  it('takes the answer asked as the page started (main.ts) instead of asking again', async () => {
    const loaded = firstValueFrom(session.load(Promise.resolve({ me: me(ADMIN, { displayName: 'Ana Admin' }) })));
    expect((await loaded)?.displayName).toBe('Ana Admin');
    expect(session.hasRole('admin')).toBe(true);
    http.expectNone('/api/auth/current');
  });

  it('starts anonymous when the question asked as the page started failed', async () => {
    expect(await firstValueFrom(session.load(Promise.resolve(null)))).toBeNull();
    expect(session.signedIn()).toBe(false);
    http.expectNone('/api/auth/current');
  });

  it('signs in with e-mail and password and holds the user the API answers', async () => {
    const signedIn = firstValueFrom(session.signIn({ email: 'cso@demo.test', password: 'demo-pass-2026' }));
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'cso@demo.test', password: 'demo-pass-2026' });
    request.flush(me());

    expect(await signedIn).toMatchObject({ email: 'milica@cso.test' });
    expect(session.signedIn()).toBe(true);
    expect(session.hasRole('civil_society')).toBe(true);
  });

  it('stays anonymous and passes the error on when the sign-in is refused', async () => {
    const signedIn = firstValueFrom(session.signIn({ email: 'cso@demo.test', password: 'wrong' }));
    http.expectOne('/api/auth/login').flush(...unauthorized('Wrong e-mail or password.'));
    await expect(signedIn).rejects.toMatchObject({ status: 401 });
    expect(session.signedIn()).toBe(false);
  });

  it('signs out: tells the API, then forgets the user', async () => {
    session.signIn({ email: 'cso@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(me());

    const signedOut = firstValueFrom(session.signOut(), { defaultValue: undefined });
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.method).toBe('POST');
    expect(session.signedIn()).toBe(true);
    request.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;
    expect(session.me()).toBeNull();
  });

  it('forgets the user on sign-out even when the API answers that the session had already ended', async () => {
    session.signIn({ email: 'cso@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(me());

    const signedOut = firstValueFrom(session.signOut(), { defaultValue: undefined });
    http.expectOne('/api/auth/logout').flush(...unauthorized());
    await expect(signedOut).rejects.toMatchObject({ status: 401 });
    expect(session.signedIn()).toBe(false);
  });

  it('signs out everywhere with its own call', async () => {
    session.signIn({ email: 'cso@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(me());

    const done = firstValueFrom(session.signOutEverywhere(), { defaultValue: undefined });
    const request = http.expectOne('/api/auth/logout-everywhere');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(session.signedIn()).toBe(false);
  });

  it('changes the password with the current and the new one', () => {
    session.changePassword('old-password', 'a-new-password-2026').subscribe();
    const request = http.expectOne('/api/auth/password');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'a-new-password-2026' });
    request.flush(null, { status: 204, statusText: 'No Content' });
  });
});
