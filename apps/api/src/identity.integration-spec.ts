import type { MeDto, UserDto } from '@bt/contracts';
import { DEMO_PASSWORD } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// Sign-in, sessions, XSRF, throttling and account administration, over real HTTP and PostgreSQL.
describe('identity and access', () => {
  let api: TestApi;
  let ipCounter = 0;
  // Each test signs in from its own address, so the per-address throttle of one test never blocks another.
  const client = (options: { xsrf?: boolean } = {}) => api.client({ ...options, ip: `10.0.0.${++ipCounter}` });
  const audit = (action: string) => api.sql('SELECT actor_label, actor_ip, data FROM audit_event WHERE action = $1 ORDER BY id', [action]);

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it.each(['admin', 'commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'])('signs in the demo account %s@demo.test', async (name) => {
    const browser = client();
    const login = await browser.signIn(`${name}@demo.test`);
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie().find((c) => c.startsWith('bt_session='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i);
    const me = await browser.get<MeDto>('/api/auth/me');
    expect(me.body.email).toBe(`${name}@demo.test`);
  });

  it('answers a user in /api/auth/me as the admin sees them: organisation, roles (sorted, the coordinator flag), dates', async () => {
    const admin = client();
    await admin.signIn('admin@demo.test');
    const users = (await admin.get<UserDto[]>('/api/admin/users')).body;
    for (const name of ['coordinator', 'ministry', 'expert', 'admin']) {
      const browser = client();
      await browser.signIn(`${name}@demo.test`);
      const me = (await browser.get<MeDto>('/api/auth/me')).body;
      const seen = users.find((u) => u.email === `${name}@demo.test`) as UserDto;
      // Every field of a user as the admin's list answers it; lastSignInAt moved with the sign-in just now.
      for (const field of Object.keys(seen) as (keyof UserDto)[]) {
        if (field === 'lastSignInAt') expect(Date.parse(me.lastSignInAt ?? '')).toBeGreaterThanOrEqual(Date.parse(seen.lastSignInAt ?? '0'));
        else expect({ [field]: me[field] }).toEqual({ [field]: seen[field] });
      }
    }
    const coordinator = users.find((u) => u.email === 'coordinator@demo.test');
    expect(coordinator?.roles).toContainEqual({ role: 'ministry', coordinator: true });
  });

  it('gives the demo accounts the roles docs/design.md lists', async () => {
    const admin = client();
    await admin.signIn('admin@demo.test');
    const users = (await admin.get<UserDto[]>('/api/admin/users')).body;
    const roles = Object.fromEntries(
      users.map((u) => [u.email, [u.roles.map((r) => r.role + (r.coordinator ? '+coordinator' : '')).join(), u.organisation.country]]),
    );
    expect(roles).toEqual({
      'admin@demo.test': ['admin', null],
      'commission@demo.test': ['commission', null],
      'coordinator@demo.test': ['ministry+coordinator', 'RS'],
      'ministry@demo.test': ['ministry', 'RS'],
      'ministry.al@demo.test': ['ministry+coordinator', 'AL'],
      'cso@demo.test': ['civil_society', 'RS'],
      'expert@demo.test': ['expert', null],
    });
  });

  it('answers every bad credential with the same 401, and audits the failure with where it came from', async () => {
    const wrongPassword = await client().signIn('ministry@demo.test', 'not-the-password');
    const unknownUser = await client().signIn('nobody@demo.test', DEMO_PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(unknownUser.body.message).toBe(wrongPassword.body.message);
    const failures = await audit('auth.sign_in_failed');
    expect(failures.map((f) => f.actor_label)).toEqual(expect.arrayContaining(['ministry@demo.test', 'nobody@demo.test']));
    expect(failures.every((f) => /^10\.0\.0\.\d+$/.test(f.actor_ip))).toBe(true);
  });

  it('refuses malformed sign-in input with 400', async () => {
    const browser = client();
    await browser.get('/api/health');
    expect((await browser.post('/api/auth/login', { email: 'not-an-email', password: 'x' })).status).toBe(400);
    expect((await browser.post('/api/auth/login', { email: 'a@b.test', password: 'x', role: 'admin' })).status).toBe(400);
  });

  describe('throttling slows the guesser, not the owner', () => {
    const failFrom = async (ip: string, email: string, times: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < times; i++) statuses.push((await api.client({ ip }).signIn(email, 'wrong-password-123')).status);
      return statuses;
    };

    it('6 bad passwords for one account from an address: that pair waits (429, audited once as a lock); another account from the same address and the owner elsewhere sign in', async () => {
      const locks = (await audit('auth.sign_in_locked')).length;
      expect(await failFrom('10.20.0.1', 'expert@demo.test', 6)).toEqual([401, 401, 401, 401, 401, 429]);
      const blocked = await api.client({ ip: '10.20.0.1' }).signIn('expert@demo.test', DEMO_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
      // A colleague behind the same address, and the owner from another one, are not locked out.
      expect((await api.client({ ip: '10.20.0.1' }).signIn('cso@demo.test', DEMO_PASSWORD)).status).toBe(200);
      expect((await api.client({ ip: '10.20.0.2' }).signIn('expert@demo.test', DEMO_PASSWORD)).status).toBe(200);
      // One audit event for the lock with its count; the refused attempts are counted, not audited each.
      const newLocks = (await audit('auth.sign_in_locked')).slice(locks);
      expect(newLocks.map((e) => e.data)).toEqual([{ email: 'expert@demo.test', scope: 'account and address', failures: 5 }]);
      expect(await audit('auth.sign_in_throttled')).toEqual([]);
      const [refusals] = await api.sql(`SELECT sum(refused)::int AS n FROM login_refusal WHERE email = 'expert@demo.test' AND ip = '10.20.0.1'`);
      expect(refusals.n).toBe(2);
    });

    it('an address with many failures for many accounts is stopped at a generous ceiling (30)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await api.client({ ip: '10.20.1.1' }).signIn(`guess${i}@demo.test`, 'wrong-password-123')).status);
      expect(statuses.every((s) => s === 401)).toBe(true);
      expect((await api.client({ ip: '10.20.1.1' }).signIn('cso@demo.test', DEMO_PASSWORD)).status).toBe(429);
    });

    it('an account guessed at from many addresses: unknown addresses wait, its owner on a known address only waits a short delay', async () => {
      // The coordinator has signed in from 10.20.2.1 before.
      expect((await api.client({ ip: '10.20.2.1' }).signIn('coordinator@demo.test')).status).toBe(200);
      for (let i = 0; i < 12; i++) await failFrom(`10.20.3.${i}`, 'coordinator@demo.test', 1);
      const stranger = await api.client({ ip: '10.20.4.1' }).signIn('coordinator@demo.test', DEMO_PASSWORD);
      expect(stranger.status).toBe(429);
      expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(800);
      const owner = await api.client({ ip: '10.20.2.1' }).signIn('coordinator@demo.test', DEMO_PASSWORD);
      expect(owner.status).toBe(429);
      expect(Number(owner.headers.get('retry-after'))).toBeLessThanOrEqual(8);
      // After the delay (here: the failures moved ten seconds back) the owner is in.
      await api.sql(`UPDATE login_failure SET occurred_at = occurred_at - interval '10 seconds' WHERE email = 'coordinator@demo.test'`);
      expect((await api.client({ ip: '10.20.2.1' }).signIn('coordinator@demo.test', DEMO_PASSWORD)).status).toBe(200);
    });

    it('fifteen minutes later the pair may try again, and an admin can unlock an account at once (audited)', async () => {
      expect(await failFrom('10.20.5.1', 'ministry@demo.test', 5)).toEqual([401, 401, 401, 401, 401]);
      expect((await api.client({ ip: '10.20.5.1' }).signIn('ministry@demo.test', DEMO_PASSWORD)).status).toBe(429);
      await api.sql(`UPDATE login_failure SET occurred_at = occurred_at - interval '16 minutes' WHERE email = 'ministry@demo.test'`);
      expect((await api.client({ ip: '10.20.5.1' }).signIn('ministry@demo.test', DEMO_PASSWORD)).status).toBe(200);

      expect(await failFrom('10.20.5.2', 'ministry@demo.test', 5)).toEqual([401, 401, 401, 401, 401]);
      const admin = client();
      await admin.signIn('admin@demo.test');
      const [ministry] = await api.sql(`SELECT id FROM app_user WHERE email = 'ministry@demo.test'`);
      expect((await admin.post(`/api/admin/users/${ministry.id}/unlock`)).status).toBe(200);
      expect((await audit('user.sign_in_unlocked')).map((e) => e.data)).toEqual([{ failuresCleared: 5 }]);
      expect((await api.client({ ip: '10.20.5.2' }).signIn('ministry@demo.test', DEMO_PASSWORD)).status).toBe(200);
    });
  });

  it('requires the XSRF token on state-changing requests made with the session cookie', async () => {
    const signedIn = client();
    expect((await signedIn.signIn('admin@demo.test')).status).toBe(200);
    const browser = client({ xsrf: false });
    for (const [name, value] of signedIn.cookies) browser.cookies.set(name, value);
    const missing = await browser.post('/api/admin/organisations', { name: 'Forged (test)', kind: 'commission' });
    expect(missing.status).toBe(403);
    expect(missing.body.message).toMatch(/XSRF/);
    const wrong = await browser.request('POST', '/api/auth/logout', {}, { 'x-xsrf-token': 'guessed-token-value' });
    expect(wrong.status).toBe(403);
    // Nothing happened: still signed in, no organisation created.
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    expect(await api.sql(`SELECT 1 FROM organisation WHERE name = 'Forged (test)'`)).toEqual([]);
  });

  describe('login CSRF and the XSRF token bound to the session', () => {
    it('refuses a sign-in posted by a form on another site: form-encoded or plain-text bodies are not read (415), and no session starts', async () => {
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', `email=cso%40demo.test&password=${DEMO_PASSWORD}`],
        ['text/plain', JSON.stringify({ email: 'cso@demo.test', password: DEMO_PASSWORD })],
      ]) {
        const answer = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': type, 'x-forwarded-for': '10.6.0.1' }, body });
        expect(answer.status).toBe(415);
        expect(answer.headers.getSetCookie().some((c) => c.startsWith('bt_session='))).toBe(false);
      }
    });

    it('refuses a JSON sign-in without the XSRF token (403) and starts no session', async () => {
      const browser = client({ xsrf: false });
      await browser.get('/api/health');
      const login = await browser.post('/api/auth/login', { email: 'cso@demo.test', password: DEMO_PASSWORD });
      expect(login.status).toBe(403);
      expect(login.body.message).toMatch(/XSRF/);
      expect(browser.cookies.has('bt_session')).toBe(false);
    });

    it('rotates the token at sign-in to one bound to the session: a planted cookie echoed in the header is refused', async () => {
      const browser = client();
      await browser.get('/api/health');
      const before = browser.cookies.get('XSRF-TOKEN');
      expect((await browser.signIn('coordinator@demo.test')).status).toBe(200);
      expect(browser.cookies.get('XSRF-TOKEN')).not.toBe(before);
      // Cookie and header agree, but neither is the session's token: refused, nothing done.
      browser.cookies.set('XSRF-TOKEN', 'x');
      const planted = await browser.request('POST', '/api/auth/logout', {}, { 'x-xsrf-token': 'x' });
      expect(planted.status).toBe(403);
      expect(planted.body.message).toMatch(/XSRF/);
      // The next answer hands the page the session's token again, and with it the request passes.
      await browser.get('/api/auth/me');
      expect(browser.cookies.get('XSRF-TOKEN')).not.toBe('x');
      expect((await browser.post('/api/auth/logout')).status).toBe(204);
    });

    it('signing in again in the same browser ends the previous session', async () => {
      const browser = client();
      await browser.signIn('cso@demo.test');
      const first = browser.cookies.get('bt_session') as string;
      expect((await browser.signIn('cso@demo.test')).status).toBe(200);
      const old = api.client({ ip: '10.6.0.2' });
      await old.get('/api/health');
      old.cookies.set('bt_session', first);
      expect((await old.get('/api/auth/me')).status).toBe(401);
      expect((await browser.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('bounded parsing', () => {
    it('answers a JSON body nested 10,000 deep with 400 and a message, signed in or not', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const anonymous = client();
      await anonymous.get('/api/health');
      const raw = async (browser: typeof anonymous, path: string) =>
        fetch(`${api.baseUrl}${path}`, {
          method: 'POST',
          headers: { ...browser.browserHeaders('POST'), 'content-type': 'application/json', 'x-forwarded-for': '10.6.0.3' },
          body: deep,
        });
      const anonymousDeep = await raw(anonymous, '/api/auth/login');
      expect(anonymousDeep.status).toBe(400);
      expect((await anonymousDeep.json()).message).toMatch(/deeper than 32 levels/);
      const admin = client();
      await admin.signIn('admin@demo.test');
      const [before] = await api.sql('SELECT count(*)::int AS n FROM organisation');
      const signedInDeep = await raw(admin, '/api/admin/organisations');
      expect(signedInDeep.status).toBe(400);
      expect(await api.sql('SELECT count(*)::int AS n FROM organisation')).toEqual([before]);
    });
  });

  describe('behind a proxy (TRUST_PROXY=true: one hop)', () => {
    it('takes the address the proxy saw, not the one the client claims: rotating forged X-Forwarded-For values are throttled as one address (the account and address pair) and audited as it', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        // What the client sends as X-Forwarded-For, and the proxy then appends the address it saw.
        const browser = api.client();
        await browser.get('/api/health');
        const answer = await browser.request(
          'POST',
          '/api/auth/login',
          { email: 'forged-proxy@demo.test', password: 'wrong-password-123' },
          { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` },
        );
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      const failures = await api.sql(
        `SELECT DISTINCT actor_ip FROM audit_event WHERE action = 'auth.sign_in_failed' AND actor_label = 'forged-proxy@demo.test'`,
      );
      expect(failures).toEqual([{ actor_ip: '203.0.113.9' }]);
    });
  });

  describe('security headers', () => {
    it('sends a strict Content-Security-Policy, forbids framing, keeps the Referer home and sniffs nothing; HSTS only over TLS', async () => {
      const plain = await fetch(`${api.baseUrl}/api/health`);
      const csp = plain.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("img-src 'self' data:");
      expect(plain.headers.get('x-frame-options')).toBe('DENY');
      expect(plain.headers.get('referrer-policy')).toBe('same-origin');
      expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
      expect(plain.headers.get('strict-transport-security')).toBeNull();
      const tls = await fetch(`${api.baseUrl}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    });
  });

  it('answers a public page with 401 and clears the cookie when the session has ended, but lets the browser sign in again', async () => {
    const browser = client();
    await browser.signIn('cso@demo.test');
    const token = browser.cookies.get('bt_session') as string;
    await browser.post('/api/auth/logout');
    const stale = api.client({ ip: '10.7.7.7' });
    await stale.get('/api/health');
    stale.cookies.set('bt_session', token);
    const page = await stale.get('/api/benchmarks?pageSize=1');
    expect([page.status, page.body.message]).toEqual([401, 'Your session has ended. Please sign in again.']);
    expect(stale.cookies.has('bt_session')).toBe(false);
    stale.cookies.set('bt_session', token);
    // The sign-in page's own requests first: they hand the page the XSRF token that goes with the cookie it holds.
    await stale.get('/api/auth/options');
    expect((await stale.post('/api/auth/login', { email: 'cso@demo.test', password: DEMO_PASSWORD })).status).toBe(200);
    expect((await stale.get('/api/benchmarks?pageSize=1')).status).toBe(200);
  });

  it('tells the web app who is signed in with a 200, a visitor and an ended session as null', async () => {
    const browser = client();
    expect(await browser.get('/api/auth/current')).toMatchObject({ status: 200, body: { me: null } });
    await browser.signIn('cso@demo.test');
    const signedIn = await browser.get('/api/auth/current');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.me).toEqual((await browser.get('/api/auth/me')).body);
    expect(signedIn.body.me.email).toBe('cso@demo.test');
    const token = browser.cookies.get('bt_session') as string;
    await browser.post('/api/auth/logout');
    const stale = api.client({ ip: '10.7.7.8' });
    stale.cookies.set('bt_session', token);
    expect(await stale.get('/api/auth/current')).toMatchObject({ status: 200, body: { me: null } });
    expect(stale.cookies.has('bt_session')).toBe(false);
  });

  it('ends the session on logout, on the very next request', async () => {
    const browser = client();
    await browser.signIn('ministry@demo.test');
    const token = browser.cookies.get('bt_session') as string;
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    const replay = api.client();
    replay.cookies.set('bt_session', token);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
    expect((await audit('auth.signed_out')).length).toBeGreaterThan(0);
  });

  it('ends an idle session after the idle timeout and any session after its lifetime', async () => {
    const idle = client();
    await idle.signIn('commission@demo.test');
    await api.sql(
      `UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM app_user WHERE email = 'commission@demo.test')`,
    );
    expect((await idle.get('/api/auth/me')).status).toBe(401);

    const old = client();
    await old.signIn('commission@demo.test');
    await api.sql(
      `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM app_user WHERE email = 'commission@demo.test')`,
    );
    expect((await old.get('/api/auth/me')).status).toBe(401);
  });

  describe('an admin manages accounts', () => {
    let admin: ReturnType<typeof client>;
    let csoOrganisationId: string;

    beforeAll(async () => {
      admin = client();
      await admin.signIn('admin@demo.test');
      const created = await admin.post('/api/admin/organisations', { name: 'Belgrade watchdog (test)', kind: 'civil_society', country: 'RS' });
      expect(created.status).toBe(201);
      csoOrganisationId = created.body.id;
    });

    it('creates a user who can sign in; a short password, a duplicate e-mail and a misplaced role are refused', async () => {
      const body = {
        email: 'New.Member@Watchdog.test',
        displayName: 'New Member',
        organisationId: csoOrganisationId,
        roles: [{ role: 'civil_society' }],
        password: 'long-enough-pass',
      };
      expect((await admin.post('/api/admin/users', { ...body, password: 'short' })).status).toBe(400);
      expect((await admin.post('/api/admin/users', { ...body, roles: [{ role: 'commission' }] })).status).toBe(422);
      const created = await admin.post('/api/admin/users', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        user: { email: 'new.member@watchdog.test', roles: [{ role: 'civil_society', coordinator: false }] },
        temporaryPassword: null,
      });
      expect((await admin.post('/api/admin/users', body)).status).toBe(409);
      expect((await client().signIn('new.member@watchdog.test', 'long-enough-pass')).status).toBe(200);
    });

    it('disabling a user stops their open session at once; enabling lets them back in', async () => {
      const member = client();
      await member.signIn('new.member@watchdog.test', 'long-enough-pass');
      const [{ id }] = await api.sql(`SELECT id FROM app_user WHERE email = 'new.member@watchdog.test'`);
      expect((await admin.post(`/api/admin/users/${id}/disable`)).body.disabled).toBe(true);
      expect((await member.get('/api/auth/me')).status).toBe(401);
      expect((await client().signIn('new.member@watchdog.test', 'long-enough-pass')).status).toBe(401);
      expect((await admin.post(`/api/admin/users/${id}/enable`)).body.disabled).toBe(false);
      expect((await client().signIn('new.member@watchdog.test', 'long-enough-pass')).status).toBe(200);
      expect((await audit('user.disabled')).map((e) => e.actor_label)).toEqual(['admin@demo.test']);
    });

    it('a role change applies on the next request, and is audited with before and after', async () => {
      const ministry = client();
      await ministry.signIn('ministry@demo.test');
      const [{ id }] = await api.sql(`SELECT id FROM app_user WHERE email = 'ministry@demo.test'`);
      expect((await ministry.get('/api/auth/me')).body.roles).toEqual([{ role: 'ministry', coordinator: false }]);
      await admin.put(`/api/admin/users/${id}/roles`, { roles: [{ role: 'ministry', coordinator: true }] });
      expect((await ministry.get('/api/auth/me')).body.roles).toEqual([{ role: 'ministry', coordinator: true }]);
      const [change] = await audit('user.roles_changed');
      expect(change.data).toEqual({ before: [{ role: 'ministry', coordinator: false }], after: [{ role: 'ministry', coordinator: true }] });
      await admin.put(`/api/admin/users/${id}/roles`, { roles: [{ role: 'ministry' }] });
    });

    it('an ordinary update cannot set roles, status or anything but name and organisation', async () => {
      const [{ id }] = await api.sql(`SELECT id FROM app_user WHERE email = 'cso@demo.test'`);
      for (const field of [{ roles: [{ role: 'admin' }] }, { disabled: true }, { email: 'x@y.test' }, { passwordHash: 'x' }]) {
        const answer = await admin.patch(`/api/admin/users/${id}`, field);
        expect(answer.status).toBe(400);
      }
      expect((await admin.get(`/api/admin/users/${id}`)).body.roles).toEqual([{ role: 'civil_society', coordinator: false }]);
    });

    it('resetting a password answers a temporary one once and ends the user’s sessions', async () => {
      const member = client();
      await member.signIn('new.member@watchdog.test', 'long-enough-pass');
      const [{ id }] = await api.sql(`SELECT id FROM app_user WHERE email = 'new.member@watchdog.test'`);
      const reset = await admin.post(`/api/admin/users/${id}/reset-password`);
      expect(reset.body.temporaryPassword).toMatch(/^\S{20}$/);
      expect((await member.get('/api/auth/me')).status).toBe(401);
      expect((await client().signIn('new.member@watchdog.test', reset.body.temporaryPassword)).status).toBe(200);
    });

    it('an admin cannot lock themselves out', async () => {
      const [{ id }] = await api.sql(`SELECT id FROM app_user WHERE email = 'admin@demo.test'`);
      expect((await admin.post(`/api/admin/users/${id}/disable`)).status).toBe(409);
      expect((await admin.put(`/api/admin/users/${id}/roles`, { roles: [] })).status).toBe(409);
    });

    it('an unknown id is 404 and a malformed one 400', async () => {
      expect((await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await admin.get('/api/admin/users/42')).status).toBe(400);
    });
  });

  it('changing one’s password needs the current one and at least 12 characters, and ends the other sessions', async () => {
    const here = client();
    const elsewhere = client();
    await here.signIn('coordinator@demo.test');
    await elsewhere.signIn('coordinator@demo.test');
    expect((await here.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' })).status).toBe(400);
    expect((await here.post('/api/auth/password', { currentPassword: 'wrong-wrong-wrong', newPassword: 'a-new-long-password' })).status).toBe(401);
    expect((await here.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-long-password' })).status).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await client().signIn('coordinator@demo.test', 'a-new-long-password')).status).toBe(200);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    await expect(api.sql(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow('append-only');
    await expect(api.sql(`DELETE FROM audit_event`)).rejects.toThrow('append-only');
  });
});
