import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readAppConfig } from '@bt/api/core';
import type { MeDto, OrganisationDto, UserDto } from '@bt/contracts';
import { generate, generateSecret } from 'otplib';
import { Client } from 'pg';
import { createApp } from './app';
import { createDemoDatabase } from './testing/test-api';

// Single sign-on against a real OpenID Connect provider (oidc-provider, in a child process): the
// real API over real HTTP on a fresh database, the browser played by fetch with a cookie jar,
// redirects followed by hand and the provider's login and consent pages answered like a person would.
describe('single sign-on with OpenID Connect', () => {
  const CLIENT_ID = 'benchmark-tracker';
  const CLIENT_SECRET = 'benchmark-tracker-test-secret-0123456789';
  const OTHER_CLIENT_ID = 'another-application';

  let provider: ProviderProcess;
  let app: NestFastifyApplication;
  let base: string;
  let callbackUrl: string;
  let pg: Client;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    callbackUrl = `${base}/api/auth/oidc/callback`;
    provider = await startProvider([
      { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [callbackUrl] },
      // A second application at the same provider, to get codes issued to someone else.
      { client_id: OTHER_CLIENT_ID, client_secret: 'another-application-secret-0123456789', redirect_uris: [callbackUrl] },
    ]);
    const database = await createDemoDatabase();
    drop = database.drop;
    app = await createApp(
      readAppConfig({
        DATABASE_URL: database.url,
        WEB_DIR: '/nonexistent',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URL: callbackUrl,
        OIDC_LABEL: 'Test IdP',
      }),
      { logger: false },
    );
    await app.listen(port, '127.0.0.1');
    pg = new Client({ connectionString: database.url });
    await pg.connect();
  }, 60_000);

  afterAll(async () => {
    await pg?.end();
    await app?.close();
    await drop?.();
    await provider?.stop();
  });

  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await pg.query(text, values)).rows as T[];
  const failures = () =>
    sql<{ actor_label: string | null; data: { method: string; reason: string } }>(
      `SELECT actor_label, data FROM audit_event WHERE action = 'auth.sign_in_failed' ORDER BY id`,
    );
  const lastFailure = async () => (await failures()).at(-1);

  /** The app's "sign in with …" link: answers the provider URL the browser is sent to. */
  async function startSignIn(browser: Browser, returnTo?: string): Promise<URL> {
    const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
    const response = await browser.open(`${base}/api/auth/oidc/login${query}`);
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') as string);
  }

  /** At the provider: follows its redirects and answers its login and consent pages until it sends the browser back to us. */
  async function signInAtProvider(browser: Browser, authorizationUrl: URL, login: string): Promise<URL> {
    let url = authorizationUrl.href;
    let response = await browser.open(url);
    for (let step = 0; step < 20; step++) {
      if (response.status >= 300 && response.status < 400) {
        const next = new URL(response.headers.get('location') as string, url);
        if (next.href.startsWith(callbackUrl)) return next;
        url = next.href;
        response = await browser.open(url);
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (response.status !== 200 || !action || !prompt)
        throw new Error(`unexpected provider page ${response.status} at ${url}:\n${page.slice(0, 800)}\n${provider.log()}`);
      url = new URL(action.replace(/&amp;/g, '&'), url).href;
      response = await browser.open(url, { form: prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt } });
    }
    throw new Error('the provider never sent the browser back');
  }

  /** The browser arrives back at our callback: where does it go next, and which cookies did it get? */
  async function arrive(browser: Browser, callback: URL | string) {
    const response = await browser.open(String(callback));
    const setCookies = response.headers.getSetCookie();
    return { status: response.status, location: response.headers.get('location'), setCookies, sessionSet: setCookies.some((c) => /^bt_session=[^;]+/.test(c)) };
  }

  /** The whole round trip, optionally with the authorization request tampered with on its way. */
  async function signInWithSso(login: string, options: { returnTo?: string; tamper?: (authorization: URL) => void } = {}) {
    const browser = new Browser();
    const authorization = await startSignIn(browser, options.returnTo);
    options.tamper?.(authorization);
    const callback = await signInAtProvider(browser, authorization, login);
    return { browser, authorization, callback, arrival: await arrive(browser, callback) };
  }

  async function expectRefused(browser: Browser, arrival: Awaited<ReturnType<typeof arrive>>, error: string) {
    expect(arrival.status).toBe(302);
    expect(arrival.location).toBe(`/sign-in?error=${error}`);
    expect(arrival.sessionSet).toBe(false);
    expect((await browser.open(`${base}/api/auth/me`)).status).toBe(401);
  }

  /** An admin signed in with their password, for the settings and accounts the tests change. */
  async function admin(): Promise<Browser> {
    const browser = new Browser();
    await browser.open(`${base}/api/health`);
    expect((await browser.open(`${base}/api/auth/login`, { json: { email: 'admin@demo.test', password: 'demo-pass-2026' } })).status).toBe(200);
    return browser;
  }

  it('offers single sign-on on the sign-in page', async () => {
    const response = await new Browser().open(`${base}/api/auth/options`);
    expect(await response.json()).toEqual({ password: true, oidc: { enabled: true, label: 'Test IdP' } });
  });

  let commissionCallback: URL;
  let commissionFlow: Record<string, unknown>;

  it('signs in commission@demo.test: code flow with PKCE, state and nonce; session cookie; back to where they were; audited', async () => {
    const browser = new Browser();
    const login = await browser.open(`${base}/api/auth/oidc/login?returnTo=${encodeURIComponent('/benchmarks/RS-24-MIG-02?tab=evidence')}`);
    expect(login.status).toBe(302);
    const flowCookie = login.headers.getSetCookie().find((c) => c.startsWith('bt_oidc=')) as string;
    expect(flowCookie).toMatch(/; HttpOnly/i);
    expect(flowCookie).toMatch(/; SameSite=Lax/i);
    expect(flowCookie).toMatch(/; Path=\/api\/auth\/oidc/i);
    expect(flowCookie).not.toMatch(/; Secure/i); // plain http here; Secure over https
    const authorization = new URL(login.headers.get('location') as string);
    expect(authorization.origin + authorization.pathname).toBe(`${provider.issuer}/auth`);
    const params = authorization.searchParams;
    expect(Object.fromEntries(['client_id', 'response_type', 'scope', 'redirect_uri', 'code_challenge_method'].map((k) => [k, params.get(k)]))).toEqual({
      client_id: CLIENT_ID,
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: callbackUrl,
      code_challenge_method: 'S256',
    });
    for (const secret of ['state', 'nonce', 'code_challenge']) expect(params.get(secret)).toMatch(/^[\w-]{43,}$/);
    // The secrets stay on the server: the cookie holds only the flow's id.
    expect(await sql('SELECT count(*)::int AS n FROM oidc_flow')).toEqual([{ n: 1 }]);

    [commissionFlow] = await sql('SELECT * FROM oidc_flow');
    commissionCallback = await signInAtProvider(browser, authorization, 'commission');
    expect(commissionCallback.searchParams.get('state')).toBe(params.get('state'));
    const arrival = await arrive(browser, commissionCallback);
    expect(arrival).toMatchObject({ status: 302, location: '/benchmarks/RS-24-MIG-02?tab=evidence', sessionSet: true });
    expect(arrival.setCookies.find((c) => c.startsWith('bt_session='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i);
    expect(arrival.setCookies.find((c) => c.startsWith('bt_oidc='))).toMatch(/^bt_oidc=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    expect(await sql('SELECT count(*)::int AS n FROM oidc_flow')).toEqual([{ n: 0 }]); // single use

    const me = await browser.open(`${base}/api/auth/me`);
    expect(me.status).toBe(200);
    const user = (await me.json()) as MeDto;
    expect(user).toMatchObject({ email: 'commission@demo.test', roles: [{ role: 'commission', coordinator: false }] });
    const signedIn = await sql(`SELECT actor_id, actor_label, actor_ip, data FROM audit_event WHERE action = 'auth.signed_in' ORDER BY id DESC LIMIT 1`);
    expect(signedIn).toEqual([{ actor_id: user.id, actor_label: 'commission@demo.test', actor_ip: '127.0.0.1', data: { method: 'oidc', secondFactor: null } }]);
    expect(await sql('SELECT method FROM user_session WHERE user_id = $1', [user.id])).toEqual([{ method: 'oidc' }]);
  });

  it("counts the provider's MFA (amr) as the second factor, and otherwise asks an enrolled account for its own code", async () => {
    const email = 'expert@demo.test';
    const [{ id: userId }] = await sql<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [email]);
    // The expert has set up an authenticator app (its secret put in place as the enrolment would).
    const secret = generateSecret();
    await sql(`UPDATE app_user SET totp_secret = $2, totp_enrolled_at = now() WHERE id = $1`, [userId, secret]);

    const withMfa = await signInWithSso('mfa:expert');
    expect(withMfa.arrival).toMatchObject({ status: 302, location: '/', sessionSet: true });
    expect(await sql('SELECT second_factor FROM user_session WHERE user_id = $1', [userId])).toEqual([{ second_factor: 'provider' }]);

    const singleFactor = await signInWithSso('expert', { returnTo: '/inbox' });
    expect(singleFactor.arrival).toMatchObject({ status: 302, location: '/sign-in?step=second-factor&returnTo=%2Finbox', sessionSet: false });
    expect(singleFactor.arrival.setCookies.find((c) => c.startsWith('bt_sign_in='))).toMatch(/HttpOnly/i);
    expect((await singleFactor.browser.open(`${base}/api/auth/me`)).status).toBe(401);
    await singleFactor.browser.open(`${base}/api/health`);
    const code = await generate({ secret });
    const completed = await singleFactor.browser.open(`${base}/api/auth/login/second-factor`, { json: { code } });
    expect(completed.status).toBe(200);
    expect((await singleFactor.browser.open(`${base}/api/auth/me`)).status).toBe(200);
    expect(await sql(`SELECT method, second_factor FROM user_session WHERE user_id = $1 ORDER BY created_at`, [userId])).toEqual([
      { method: 'oidc', second_factor: 'provider' },
      { method: 'oidc', second_factor: 'totp' },
    ]);
    await sql(`UPDATE app_user SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_time_step = NULL WHERE id = $1`, [userId]);
  });

  it('refuses a replayed authorization code, even with a fresh flow and its state', async () => {
    // The same answer again, in a browser without a flow: nothing to check it against.
    const again = new Browser();
    await expectRefused(again, await arrive(again, commissionCallback), 'sso_failed');
    expect((await lastFailure())?.data).toMatchObject({ method: 'oidc', reason: expect.stringContaining('no sign-in in progress') });

    // Someone holding the code starts a flow of their own and presents the code with that flow's state:
    // the code was bound to the first flow's PKCE challenge.
    const attacker = new Browser();
    const authorization = await startSignIn(attacker);
    const replay = new URL(commissionCallback);
    replay.searchParams.set('state', authorization.searchParams.get('state') as string);
    let mark = provider.log().length;
    await expectRefused(attacker, await arrive(attacker, replay), 'sso_failed');
    expect((await lastFailure())?.data.reason).toMatch(/^provider refused: invalid_grant/);
    expect(await provider.said('code_verifier does not match code_challenge', mark)).toBe(true);

    // Even with the first flow itself brought back (were flows not single use), the provider refuses the used code.
    await sql('INSERT INTO oidc_flow (id, state, nonce, code_verifier, return_to, created_at) VALUES ($1, $2, $3, $4, $5, now())', [
      commissionFlow['id'],
      commissionFlow['state'],
      commissionFlow['nonce'],
      commissionFlow['code_verifier'],
      commissionFlow['return_to'],
    ]);
    const victim = new Browser();
    victim.setCookie(base, 'bt_oidc', commissionFlow['id'] as string);
    mark = provider.log().length;
    await expectRefused(victim, await arrive(victim, commissionCallback), 'sso_failed');
    expect((await lastFailure())?.data.reason).toMatch(/^provider refused: invalid_grant/);
    expect(await provider.said('authorization code already consumed', mark)).toBe(true);
  });

  it('refuses an ID token that carries another nonce', async () => {
    const { browser, arrival } = await signInWithSso('commission', { tamper: (url) => url.searchParams.set('nonce', 'a-nonce-of-the-attackers-choosing') });
    await expectRefused(browser, arrival, 'sso_failed');
    expect((await lastFailure())?.data.reason).toMatch(/^response rejected: nonce mismatch/);
  });

  it('refuses a code issued to another application (wrong audience)', async () => {
    const mark = provider.log().length;
    const { browser, arrival } = await signInWithSso('commission', { tamper: (url) => url.searchParams.set('client_id', OTHER_CLIENT_ID) });
    await expectRefused(browser, arrival, 'sso_failed');
    expect((await lastFailure())?.data.reason).toMatch(/^provider refused: invalid_grant/);
    expect(await provider.said('client mismatch', mark)).toBe(true);
  });

  it('refuses an answer from another issuer', async () => {
    const browser = new Browser();
    const authorization = await startSignIn(browser);
    const callback = await signInAtProvider(browser, authorization, 'commission');
    callback.searchParams.set('iss', 'https://evil.example');
    await expectRefused(browser, await arrive(browser, callback), 'sso_failed');
    expect((await lastFailure())?.data.reason).toMatch(/^response rejected: iss mismatch/);
  });

  it('refuses a flow older than ten minutes', async () => {
    const browser = new Browser();
    const authorization = await startSignIn(browser);
    await sql(`UPDATE oidc_flow SET created_at = now() - interval '11 minutes'`);
    await expectRefused(browser, await arrive(browser, await signInAtProvider(browser, authorization, 'commission')), 'sso_failed');
    expect((await lastFailure())?.data.reason).toBe('sign-in flow older than 10 minutes');
  });

  it('refuses an unknown e-mail address unless self-provisioning is on, and then creates the account without roles', async () => {
    const refused = await signInWithSso('newcomer');
    await expectRefused(refused.browser, refused.arrival, 'sso_unknown_account');
    expect(await lastFailure()).toMatchObject({ actor_label: 'newcomer@demo.test', data: { method: 'oidc', reason: 'unknown account' } });
    expect(await sql(`SELECT id FROM app_user WHERE email = 'newcomer@demo.test'`)).toEqual([]);

    const adminBrowser = await admin();
    const organisations = (await (await adminBrowser.open(`${base}/api/admin/organisations`)).json()) as OrganisationDto[];
    const commission = organisations.find((o) => o.kind === 'commission') as OrganisationDto;
    const put = (id: string | null) => adminBrowser.open(`${base}/api/admin/settings`, { method: 'PUT', json: { oidcSelfProvisioningOrganisationId: id } });
    expect((await put(commission.id)).status).toBe(200);
    try {
      const welcomed = await signInWithSso('newcomer');
      expect(welcomed.arrival).toMatchObject({ status: 302, location: '/', sessionSet: true });
      const me = (await (await welcomed.browser.open(`${base}/api/auth/me`)).json()) as MeDto;
      expect(me).toMatchObject({ email: 'newcomer@demo.test', displayName: 'Newcomer', roles: [], organisation: { id: commission.id } });
      const created = await sql(`SELECT actor_id, entity_id, data FROM audit_event WHERE action = 'user.created' AND entity_id = $1`, [me.id]);
      expect(created).toEqual([
        {
          actor_id: me.id,
          entity_id: me.id,
          data: { via: 'oidc', after: { email: 'newcomer@demo.test', displayName: 'Newcomer', organisationId: commission.id, roles: [] } },
        },
      ]);
      expect(await sql(`SELECT password_hash FROM app_user WHERE id = $1`, [me.id])).toEqual([{ password_hash: null }]);
    } finally {
      expect((await put(null)).status).toBe(200);
    }
  });

  it('refuses an e-mail address the provider has not verified, or none at all', async () => {
    const unverified = await signInWithSso('unverified:commission');
    await expectRefused(unverified.browser, unverified.arrival, 'sso_failed');
    expect(await lastFailure()).toMatchObject({ actor_label: 'commission@demo.test', data: { reason: 'e-mail address not verified by the provider' } });
    const none = await signInWithSso('noemail:commission');
    await expectRefused(none.browser, none.arrival, 'sso_failed');
    expect((await lastFailure())?.data.reason).toBe('the provider gave no e-mail address');
  });

  it('refuses a disabled account', async () => {
    const adminBrowser = await admin();
    const [expert] = (await (await adminBrowser.open(`${base}/api/admin/users?q=expert@demo.test`)).json()) as UserDto[];
    expect((await adminBrowser.open(`${base}/api/admin/users/${expert.id}/disable`, { method: 'POST', json: {} })).ok).toBe(true);
    try {
      const { browser, arrival } = await signInWithSso('expert');
      await expectRefused(browser, arrival, 'sso_disabled');
      expect(await lastFailure()).toMatchObject({ actor_label: 'expert@demo.test', data: { reason: 'disabled account' } });
    } finally {
      await adminBrowser.open(`${base}/api/admin/users/${expert.id}/enable`, { method: 'POST', json: {} });
    }
  });

  it('returns only to a path of this site, and matches the e-mail address whatever its case', async () => {
    const { browser, authorization, arrival } = await signInWithSso('Coordinator', { returnTo: '//evil.example' });
    expect(arrival).toMatchObject({ status: 302, location: '/', sessionSet: true });
    expect(authorization.searchParams.get('redirect_uri')).toBe(callbackUrl);
    expect(((await (await browser.open(`${base}/api/auth/me`)).json()) as MeDto).email).toBe('coordinator@demo.test');
  });

  it('turns whatever a browser or provider sends to the callback into the sign-in page, never an error page', async () => {
    const cancelled = new Browser();
    const authorization = await startSignIn(cancelled);
    const state = authorization.searchParams.get('state') as string;
    const answers = [
      `?error=access_denied&error_description=End-User+aborted+interaction&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      '',
      '?code=made-up&state=made-up',
      '?code=a&code=b&state[]=x&iss=',
      `?${'x'.repeat(5000)}=%E0%A4%A`,
    ];
    const [first, ...rest] = answers;
    await expectRefused(cancelled, await arrive(cancelled, `${callbackUrl}${first}`), 'sso_failed');
    expect((await lastFailure())?.data.reason).toBe('provider refused: access_denied (End-User aborted interaction)');
    for (const query of rest) {
      const browser = new Browser();
      await startSignIn(browser);
      await expectRefused(browser, await arrive(browser, `${callbackUrl}${query}`), 'sso_failed');
    }
    expect(await sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign_in_failed' AND data->>'reason' LIKE 'unexpected%'`)).toEqual([
      { n: 0 },
    ]);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const document = (await (await new Browser().open(`${base}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/oidc/login', '/api/auth/oidc/callback']));
  });

  describe('when the provider does not answer, or single sign-on is not configured', () => {
    let other: NestFastifyApplication | undefined;
    let otherBase: string;
    let dropOther: (() => Promise<void>) | undefined;

    afterEach(async () => {
      await other?.close();
      await dropOther?.();
      [other, dropOther] = [undefined, undefined];
    });

    async function boot(env: Record<string, string>) {
      const database = await createDemoDatabase();
      dropOther = database.drop;
      other = await createApp(readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent', ...env }), { logger: false });
      await other.listen(0, '127.0.0.1');
      otherBase = `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`;
    }

    it('answers 503 with a message while the provider is down, and tries again on the next sign-in', async () => {
      const deadPort = await freePort();
      await boot({
        OIDC_ISSUER: `http://127.0.0.1:${deadPort}`,
        OIDC_CLIENT_ID: 'x',
        OIDC_CLIENT_SECRET: 'y',
        OIDC_REDIRECT_URL: 'http://127.0.0.1/cb',
        OIDC_LABEL: 'Test IdP',
      });
      const browser = new Browser();
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await browser.open(`${otherBase}/api/auth/oidc/login`);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ statusCode: 503, message: expect.stringContaining('Test IdP does not answer') });
      }
      const callback = await arrive(browser, `${otherBase}/api/auth/oidc/callback?code=x&state=y`);
      expect(callback).toMatchObject({ status: 302, location: '/sign-in?error=sso_failed', sessionSet: false });
    }, 30_000);

    it('answers 404 with a message when single sign-on is not configured', async () => {
      await boot({});
      for (const path of ['/api/auth/oidc/login', '/api/auth/oidc/callback?code=x&state=y']) {
        const response = await new Browser().open(`${otherBase}${path}`);
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ statusCode: 404, message: expect.stringContaining('not configured') });
      }
    }, 30_000);
  });
});

/** A browser as far as signing in needs one: cookies kept per origin, redirects left to the caller. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  setCookie(url: string, name: string, value: string): void {
    const { origin } = new URL(url);
    this.jar.set(origin, new Map([...(this.jar.get(origin) ?? []), [name, value]]));
  }

  async open(url: string, options: { method?: string; form?: Record<string, string>; json?: unknown } = {}): Promise<Response> {
    const { origin } = new URL(url);
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    this.jar.set(origin, cookies);
    const headers: Record<string, string> = { accept: 'text/html,application/json' };
    if (cookies.size) headers['cookie'] = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
      // Like the web app: echo the XSRF cookie on state-changing calls.
      if (cookies.has('XSRF-TOKEN')) headers['x-xsrf-token'] = cookies.get('XSRF-TOKEN') as string;
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }
}

interface ProviderProcess {
  issuer: string;
  /** What the provider wrote to stderr: its refusals, for a failing test's message. */
  log: () => string;
  /** Whether the provider logged this (since a log length): waits a little, as its stderr may lag its HTTP answer. */
  said: (text: string, since: number) => Promise<boolean>;
  stop: () => Promise<void>;
}

/** Starts tools/testing/oidc-provider.mjs with these clients; resolves once it listens. */
function startProvider(clients: object[]): Promise<ProviderProcess> {
  const script = join(__dirname, '../../../tools/testing/oidc-provider.mjs');
  const child: ChildProcess = spawn(process.execPath, [script, JSON.stringify(clients)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  createInterface({ input: child.stderr as Readable }).on('line', (line) => (stderr += `${line}\n`));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return new Promise((resolveStarted, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OIDC provider did not start in time:\n${stderr}`)), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OIDC provider exited (${code}) before it was ready:\n${stderr}`));
    });
    createInterface({ input: child.stdout as Readable }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolveStarted({
        issuer: (JSON.parse(line) as { issuer: string }).issuer,
        log: () => stderr,
        said: async (text, since) => {
          for (let wait = 0; wait < 40 && !stderr.slice(since).includes(text); wait++) await new Promise((r) => setTimeout(r, 50));
          return stderr.slice(since).includes(text);
        },
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** A free TCP port on loopback: the app's address must be known before the provider registers its callback. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
