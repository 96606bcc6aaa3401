import { generate } from 'otplib';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// Two-step sign-in (TOTP, RFC 6238) with recovery codes, its demand for admins and the Commission,
// and the list of one's sessions — over the real API and database, codes made as an authenticator app makes them.
describe('two-step sign-in and sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  /** The code an authenticator app shows now (or `steps` 30-second steps from now). */
  const codeOf = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
  /** A code may be used once per time step; tests that sign in several times within 30 s forget the last one. */
  const forgetLastCode = (email: string) => api.sql('UPDATE app_user SET totp_last_time_step = NULL WHERE email = $1', [email]);
  const auditCount = async (action: string, email: string) =>
    Number((await api.sql(`SELECT count(*) AS n FROM audit_event WHERE action = $1 AND actor_label = $2`, [action, email]))[0].n);
  const failureCount = async (email: string) => Number((await api.sql('SELECT count(*) AS n FROM login_failure WHERE email = $1', [email]))[0].n);

  async function enrol(client: ApiClient): Promise<{ secret: string; recoveryCodes: string[] }> {
    const begun = await client.post('/api/auth/second-factor/enrolment');
    expect(begun.status).toBe(200);
    const { secret } = begun.body;
    const confirmed = await client.post('/api/auth/second-factor/enrolment/confirmation', { code: await codeOf(secret) });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  it('enrols with a QR code and a confirming code, then asks every password sign-in for a code', async () => {
    const email = 'expert@demo.test';
    const owner = api.client({ ip: '192.0.2.10' });
    expect((await owner.signIn(email)).body.secondFactor).toEqual({ enrolled: false, required: false, outstanding: false });

    const begun = await owner.post('/api/auth/second-factor/enrolment');
    expect(begun.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Benchmark%20Tracker:expert%40demo\.test\?secret=[A-Z2-7]+/);
    expect(begun.body.qr.size).toBeGreaterThanOrEqual(21);
    expect(begun.body.qr.path).toMatch(/^M\d+ \d+h1v1h-1z/);
    // A wrong code does not switch it on.
    const wrong = await owner.post('/api/auth/second-factor/enrolment/confirmation', {
      code: '000000' === (await codeOf(begun.body.secret)) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(422);
    expect((await owner.get('/api/auth/second-factor')).body.enrolled).toBe(false);

    const confirmed = await owner.post('/api/auth/second-factor/enrolment/confirmation', { code: await codeOf(begun.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect((await owner.get('/api/auth/second-factor')).body).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    expect(await auditCount('user.second_factor_enrolled', email)).toBe(1);
    // Only hashes are stored.
    const stored = await api.sql('SELECT code_hash FROM recovery_code rc JOIN app_user u ON u.id = rc.user_id WHERE u.email = $1', [email]);
    expect(stored.map((r) => r.code_hash)).not.toContain(confirmed.body.recoveryCodes[0]);

    // Another browser: the password alone signs nobody in.
    const laptop = api.client({ ip: '192.0.2.10' });
    const first = await laptop.signIn(email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ secondFactorRequired: true });
    expect((await laptop.get('/api/auth/me')).status).toBe(401);

    // A wrong code is refused and counted by the sign-in throttle, like a wrong password.
    const before = await failureCount(email);
    const refused = await laptop.post('/api/auth/login/second-factor', { code: '123456' === (await codeOf(begun.body.secret, 1)) ? '654321' : '123456' });
    expect(refused.status).toBe(401);
    expect(await failureCount(email)).toBe(before + 1);
    const failures = await api.sql(
      `SELECT data->>'during' AS during FROM audit_event WHERE action = 'auth.second_factor_failed' AND actor_label = $1 ORDER BY id`,
      [email],
    );
    expect(failures.map((f) => f.during)).toEqual(['enrolment', 'sign-in']);

    const code = await codeOf(begun.body.secret, 1);
    const signedIn = await laptop.post('/api/auth/login/second-factor', { code });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.email).toBe(email);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect(
      (
        await api.sql(`SELECT second_factor FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at DESC LIMIT 1`, [
          email,
        ])
      )[0].second_factor,
    ).toBe('totp');

    // The same code twice is refused (RFC 6238 §5.2): someone who saw it cannot use it.
    const phone = api.client({ ip: '192.0.2.10' });
    expect((await phone.signIn(email)).body).toEqual({ secondFactorRequired: true });
    expect((await phone.post('/api/auth/login/second-factor', { code })).status).toBe(401);

    // A recovery code signs in once.
    const [recovery] = confirmed.body.recoveryCodes as string[];
    const withRecovery = await phone.post('/api/auth/login/second-factor', { code: recovery.toUpperCase() });
    expect(withRecovery.status).toBe(200);
    expect((await owner.get('/api/auth/second-factor')).body.recoveryCodesLeft).toBe(9);
    const used = await api.sql(`SELECT data FROM audit_event WHERE action = 'auth.recovery_code_used' AND actor_label = $1`, [email]);
    expect(used.map((r) => r.data.recoveryCodesLeft)).toEqual([9]);
    const again = api.client({ ip: '192.0.2.10' });
    await again.signIn(email);
    expect((await again.post('/api/auth/login/second-factor', { code: recovery })).status).toBe(401);
  });

  it('stops guessing codes at the throttle, and a waiting sign-in needs its cookie', async () => {
    const email = 'ministry.al@demo.test';
    const owner = api.client({ ip: '192.0.2.20' });
    await owner.signIn(email);
    const { secret } = await enrol(owner);
    await forgetLastCode(email);

    const guesser = api.client({ ip: '198.51.100.99' });
    expect((await guesser.signIn(email)).body).toEqual({ secondFactorRequired: true });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guesser.post('/api/auth/login/second-factor', { code: String(100000 + i) })).status);
    // Five wrong codes end the waiting sign-in; and the account is throttled from this address.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await guesser.signIn(email)).status).toBe(429);

    // Without the waiting sign-in's cookie, a code alone signs nobody in.
    const stranger = api.client({ ip: '192.0.2.21' });
    await stranger.get('/api/health');
    const noPending = await stranger.post('/api/auth/login/second-factor', { code: await codeOf(secret) });
    expect(noPending.status).toBe(401);
    expect(noPending.body.message).toMatch(/No sign-in is waiting/);

    // The owner, from their own address, still gets in.
    const again = api.client({ ip: '192.0.2.20' });
    await again.signIn(email);
    expect((await again.post('/api/auth/login/second-factor', { code: await codeOf(secret) })).status).toBe(200);
  });

  it('ends a waiting sign-in after five wrong codes from any addresses, and hears codes sent side by side one at a time', async () => {
    const email = 'coordinator@demo.test';
    const owner = api.client({ ip: '192.0.2.50' });
    await owner.signIn(email);
    const { secret } = await enrol(owner);
    // Setting up again would replace the app without proving the current one.
    expect((await owner.post('/api/auth/second-factor/enrolment')).status).toBe(409);
    await forgetLastCode(email);

    const wrong = async () => ('000000' === (await codeOf(secret)) ? '111111' : '000000');
    // One waiting sign-in, its cookie carried to five different addresses (below every per-address limit).
    const first = api.client({ ip: '198.51.100.60' });
    expect((await first.signIn(email)).body).toEqual({ secondFactorRequired: true });
    for (let i = 0; i < 5; i++) {
      const elsewhere = api.client({ ip: `198.51.100.${61 + i}` });
      first.cookies.forEach((value, name) => elsewhere.cookies.set(name, value));
      expect((await elsewhere.post('/api/auth/login/second-factor', { code: await wrong() })).status).toBe(401);
    }
    const late = await first.post('/api/auth/login/second-factor', { code: await codeOf(secret) });
    expect(late.status).toBe(401);
    expect(late.body.message).toMatch(/No sign-in is waiting/);

    // Eight codes at once on one waiting sign-in: five are heard (and counted), the rest find it ended.
    await api.sql('DELETE FROM login_failure WHERE email = $1', [email]);
    const burst = api.client({ ip: '198.51.100.70' });
    await burst.signIn(email);
    const answers = await Promise.all(Array.from({ length: 8 }, async () => burst.post('/api/auth/login/second-factor', { code: await wrong() })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(401));
    expect(await failureCount(email)).toBe(5);
  });

  it('when required, holds admins and the Commission at the account page until they enrol; an admin can reset it', async () => {
    const admin = api.client({ ip: '192.0.2.30' });
    await admin.signIn('admin@demo.test');
    const commission = api.client({ ip: '192.0.2.31' });
    await commission.signIn('commission@demo.test');
    const ministry = api.client({ ip: '192.0.2.32' });
    await ministry.signIn('ministry@demo.test');

    // A setting left out keeps its value.
    const [organisation] = (await admin.get('/api/admin/organisations')).body;
    expect((await admin.put('/api/admin/settings', { oidcSelfProvisioningOrganisationId: organisation.id })).status).toBe(200);
    expect((await admin.put('/api/admin/settings', { secondFactorRequired: true })).status).toBe(200);
    expect((await api.sql(`SELECT value FROM app_setting WHERE key = 'identity'`))[0].value).toEqual({
      oidcSelfProvisioningOrganisationId: organisation.id,
      secondFactorRequired: true,
    });
    expect(await auditCount('settings.changed', 'admin@demo.test')).toBeGreaterThan(0);

    // The demand applies at once to sessions without a second factor — the admin's own too.
    const held = await commission.get('/api/inbox');
    expect(held.status).toBe(403);
    expect(held.body.message).toMatch(/Set up two-step sign-in first/);
    expect((await commission.get('/api/auth/me')).body.secondFactor).toEqual({ enrolled: false, required: true, outstanding: true });
    // Public pages answer as for a visitor.
    expect((await commission.get('/api/benchmarks')).status).toBe(200);
    expect((await admin.get('/api/admin/users')).status).toBe(403);
    // Other roles are not concerned.
    expect((await ministry.get('/api/inbox')).status).toBe(200);

    const { secret } = await enrol(commission);
    expect((await commission.get('/api/inbox')).status).toBe(200);
    expect((await commission.get('/api/auth/me')).body.secondFactor.outstanding).toBe(false);
    // Required: it cannot be switched off.
    await forgetLastCode('commission@demo.test');
    expect((await commission.post('/api/auth/second-factor/removal', { code: await codeOf(secret) })).status).toBe(409);

    await enrol(admin);
    const users = await admin.get('/api/admin/users?q=commission@demo.test');
    const reviewer = users.body.find((u: { email: string }) => u.email === 'commission@demo.test');
    expect(reviewer.secondFactorEnrolled).toBe(true);

    // The phone is lost: the admin resets it, the reviewer's sessions end, and the next sign-in is held again.
    const reset = await admin.post(`/api/admin/users/${reviewer.id}/second-factor/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.secondFactorEnrolled).toBe(false);
    expect(await auditCount('user.second_factor_reset', 'admin@demo.test')).toBe(1);
    expect((await commission.get('/api/auth/me')).status).toBe(401);
    const back = api.client({ ip: '192.0.2.31' });
    expect((await back.signIn('commission@demo.test')).body.secondFactor).toEqual({ enrolled: false, required: true, outstanding: true });

    expect((await admin.put('/api/admin/settings', { secondFactorRequired: false })).status).toBe(200);
    expect((await back.get('/api/inbox')).status).toBe(200);
  });

  it('lists the sessions of a user, ends one of them or all the others', async () => {
    const email = 'cso@demo.test';
    const desk = api.client({ ip: '192.0.2.40' });
    const phone = api.client({ ip: '192.0.2.41' });
    const tablet = api.client({ ip: '192.0.2.42' });
    await desk.signIn(email);
    await phone.signIn(email);
    const signedIn = await tablet.signIn(email);
    expect(signedIn.body.otherSessions).toBe(2);

    const list = await desk.get('/api/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
    expect(list.body[0]).toMatchObject({ current: true, ip: '192.0.2.40', method: 'password' });
    expect(list.body[0]).not.toHaveProperty('tokenHash');
    const phoneSession = list.body.find((s: { ip: string }) => s.ip === '192.0.2.41');

    expect((await desk.delete(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    // Not one's own current session, nor someone else's.
    expect((await desk.delete(`/api/auth/sessions/${list.body[0].id}`)).status).toBe(404);
    const other = api.client();
    await other.signIn('ministry@demo.test');
    expect((await other.delete(`/api/auth/sessions/${list.body[2].id}`)).status).toBe(404);

    expect((await desk.post('/api/auth/sessions/end-others')).status).toBe(204);
    expect((await tablet.get('/api/auth/me')).status).toBe(401);
    expect((await desk.get('/api/auth/sessions')).body).toHaveLength(1);
    expect(await auditCount('auth.other_sessions_ended', email)).toBe(1);
    expect(await auditCount('auth.session_ended', email)).toBe(1);
  });
});
