import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { me, unauthorized } from '../testing/identity-fixtures';
import { AuthSession } from './auth-session';
import { sessionEndedInterceptor } from './session-ended.interceptor';

@Component({ template: '' })
class BlankPage {}

describe('sessionEndedInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let router: Router;
  let session: AuthSession;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: BlankPage }]),
        provideHttpClient(withInterceptors([sessionEndedInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    router = TestBed.inject(Router);
    session = TestBed.inject(AuthSession);

    session.signIn({ email: 'cso@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(me());
    await router.navigateByUrl('/benchmarks/RS-24-ASY-03?tab=evidence');
  });

  afterEach(() => http.verify());

  /** Makes a call, answers it with this status, and lets any navigation it starts finish. */
  async function answer(method: 'GET' | 'POST', url: string, status: number): Promise<unknown> {
    let failure: unknown;
    const call = method === 'GET' ? client.get(url) : client.post(url, {});
    call.subscribe({ error: (error: unknown) => (failure = error) });
    const body = status === 401 ? unauthorized()[0] : { statusCode: status, message: 'no' };
    http.expectOne(url).flush(body, { status, statusText: 'Error' });
    await TestBed.inject(ApplicationRef).whenStable(); // lets a navigation started meanwhile finish
    return failure;
  }

  it('sends the user to sign in again, back to where they were, when the API ends the session (401)', async () => {
    const failure = await answer('GET', '/api/benchmarks/RS-24-ASY-03', 401);

    expect(session.signedIn()).toBe(false);
    const url = router.parseUrl(router.url);
    expect(url.root.children['primary'].segments.map((s) => s.path)).toEqual(['sign-in']);
    expect(url.queryParams).toEqual({ returnTo: '/benchmarks/RS-24-ASY-03?tab=evidence', error: 'session_ended' });
    // The caller still sees its error.
    expect(failure).toMatchObject({ status: 401 });
  });

  it('does the same for a state-changing call', async () => {
    await answer('POST', '/api/admin/users/u-2/disable', 401);
    expect(router.url).toMatch(/^\/sign-in\?/);
  });

  it.each(['/api/auth/login', '/api/auth/me', '/api/auth/password'])(
    'leaves a 401 from %s to its caller (a wrong password, or nobody signed in)',
    async (url) => {
      const failure = await answer(url === '/api/auth/me' ? 'GET' : 'POST', url, 401);
      expect(failure).toMatchObject({ status: 401 });
      expect(router.url).toBe('/benchmarks/RS-24-ASY-03?tab=evidence');
      expect(session.signedIn()).toBe(true);
    },
  );

  it('leaves other errors alone', async () => {
    await answer('GET', '/api/benchmarks/RS-24-ASY-03', 403);
    await answer('GET', '/api/benchmarks/RS-24-ASY-03', 500);
    expect(router.url).toBe('/benchmarks/RS-24-ASY-03?tab=evidence');
    expect(session.signedIn()).toBe(true);
  });

  it('leaves calls to other hosts alone', async () => {
    await answer('GET', 'https://example.org/api/benchmarks', 401);
    expect(router.url).toBe('/benchmarks/RS-24-ASY-03?tab=evidence');
  });

  it('stays on the sign-in page, keeping where to return to, when a call from there is refused', async () => {
    await router.navigateByUrl('/sign-in?returnTo=%2Faccount');
    await answer('GET', '/api/benchmarks', 401);
    expect(router.url).toBe('/sign-in?returnTo=%2Faccount');
  });
});
