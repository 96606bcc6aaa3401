import { NotificationDigest } from '@bt/api/notifications';
import { type ApiClient, SmtpCatcher } from '@bt/testing';
import { delivered as deliveredAll } from './testing/notification-delivery';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Each person's choice, per kind of notification, of e-mail at once, a daily digest or the inbox
 * only: the defaults by role, the choice validated and audited, and the e-mail (a real SMTP server on
 * loopback) sent or kept as chosen; the daily digest gathering what was kept into one e-mail; and
 * the one-click unsubscribe of every e-mail, without signing in, by a token that cannot be altered.
 */
const MAIL_ENV = { NOTIFICATIONS_WORKER: 'true', NOTIFICATIONS_POLL_SECONDS: '0.5', PUBLIC_URL: 'https://tracker.test.example' };

describe('notification preferences', () => {
  let smtp: SmtpCatcher;
  let api: TestApi;
  const as: Record<string, ApiClient> = {};
  let codes: string[];

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    api = await startTestApi({ ...MAIL_ENV, SMTP_URL: smtp.url });
    let ip = 0;
    for (const account of ['commission', 'coordinator', 'cso']) {
      as[account] = api.client({ ip: `10.17.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    as['anonymous'] = api.client({ ip: '10.17.0.99' });
    codes = (
      await api.sql(`SELECT b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE a.country_code = 'RS' AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.benchmark_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.benchmark_id = b.id) ORDER BY b.code`)
    ).map((r) => r.code);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const deliveryOf = async (client: ApiClient, kind: string) => {
    const answer = await client.get('/api/notifications/preferences');
    expect(answer.status).toBe(200);
    return answer.body.preferences.find((p: { kind: string }) => p.kind === kind);
  };

  /** Every change so far dispatched and every e-mail of it done. */
  const delivered = () => deliveredAll(api.app, api.sql);

  async function submitted(code: string): Promise<void> {
    const version = async () => (await as['commission'].get(`/api/benchmarks/${code}`)).body.version as number;
    expect(
      (await as['coordinator'].post(`/api/benchmarks/${code}/evidence`, { title: 'Figures 2025', narrative: 'Attached.', visibility: 'shared' })).status,
    ).toBe(201);
    expect((await as['coordinator'].post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: await version() })).status).toBe(200);
  }

  it('gives each role its defaults until the person chooses', async () => {
    const answer = await as['commission'].get('/api/notifications/preferences');
    expect(answer.body.preferences).toHaveLength(17);
    expect(await deliveryOf(as['commission'], 'benchmark.submitted')).toEqual({ kind: 'benchmark.submitted', delivery: 'immediate', chosen: false });
    expect(await deliveryOf(as['commission'], 'benchmark.accepted')).toEqual({ kind: 'benchmark.accepted', delivery: 'digest', chosen: false });
    expect(await deliveryOf(as['coordinator'], 'benchmark.changes_requested')).toMatchObject({ delivery: 'immediate' });
    expect(await deliveryOf(as['cso'], 'proposal.answered')).toMatchObject({ delivery: 'immediate' });
    expect(await deliveryOf(as['cso'], 'consultation.opened')).toMatchObject({ delivery: 'immediate' });
    expect(await deliveryOf(as['cso'], 'benchmark.reopened')).toMatchObject({ delivery: 'digest' });
    expect((await as['anonymous'].get('/api/notifications/preferences')).status).toBe(401);
  });

  it('refuses a bad choice with a code and writes nothing of it', async () => {
    const put = (preferences: unknown) => as['cso'].request('PUT', '/api/notifications/preferences', { preferences });
    const refused = [
      await put([
        { kind: 'benchmark.accepted', delivery: 'immediate' },
        { kind: 'no.such_kind', delivery: 'digest' },
      ]),
      await put([{ kind: 'benchmark.accepted', delivery: 'hourly' }]),
      await put([]),
      await put('all'),
      // Found by the OpenAPI fuzzer: an array inside the array.
      await put([[{ kind: 'benchmark.accepted', delivery: 'immediate' }], { kind: 'benchmark.reopened', delivery: 'immediate' }]),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(5).fill([400, 'request.invalid-fields']));
    const twice = await put([
      { kind: 'benchmark.accepted', delivery: 'immediate' },
      { kind: 'benchmark.accepted', delivery: 'in_app' },
    ]);
    expect([twice.status, twice.body.code]).toEqual([400, 'notification.preference-kind-repeated']);
    expect(await deliveryOf(as['cso'], 'benchmark.accepted')).toEqual({ kind: 'benchmark.accepted', delivery: 'digest', chosen: false });
    expect(await api.sql(`SELECT 1 FROM notification_preference p JOIN app_user u ON u.id = p.user_id WHERE u.email = 'cso@demo.test'`)).toEqual([]);
  });

  it('keeps each choice, audited, and the other kinds as they were', async () => {
    const answer = await as['cso'].request('PUT', '/api/notifications/preferences', {
      preferences: [
        { kind: 'benchmark.accepted', delivery: 'immediate' },
        { kind: 'consultation.published', delivery: 'in_app' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.preferences.filter((p: { chosen: boolean }) => p.chosen)).toEqual([
      { kind: 'benchmark.accepted', delivery: 'immediate', chosen: true },
      { kind: 'consultation.published', delivery: 'in_app', chosen: true },
    ]);
    expect(await deliveryOf(as['cso'], 'proposal.answered')).toEqual({ kind: 'proposal.answered', delivery: 'immediate', chosen: false });
    const [event] = await api.sql(`SELECT actor_label, data FROM audit_event WHERE action = 'user.notification_preferences_chosen' ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({
      actor_label: 'cso@demo.test',
      data: {
        changes: [
          { kind: 'benchmark.accepted', from: 'digest', to: 'immediate' },
          { kind: 'consultation.published', from: 'immediate', to: 'in_app' },
        ],
      },
    });
  });

  it('e-mails a hand-over at once, keeps it for the digest or only in the inbox, as the person chose', async () => {
    const choose = (delivery: string) =>
      as['commission'].request('PUT', '/api/notifications/preferences', { preferences: [{ kind: 'benchmark.submitted', delivery }] });
    const toCommission = () => smtp.messages.filter((m) => m.to.includes('commission@demo.test')).length;
    const statusOf = async (code: string) =>
      (
        await api.sql(
          `SELECT n.mail_status FROM notification n JOIN app_user u ON u.id = n.user_id JOIN audit_event e ON e.id = n.event_id JOIN benchmark b ON b.id::text = e.entity_id
            WHERE u.email = 'commission@demo.test' AND b.code = $1 AND n.kind = 'benchmark.submitted'`,
          [code],
        )
      ).map((r) => r.mail_status);
    const inInbox = async (code: string) =>
      (await as['commission'].get('/api/inbox')).body.items.some(
        (i: { kind: string; link: string }) => i.kind === 'benchmark.submitted' && i.link === `/benchmarks/${code}`,
      );

    let before = toCommission();
    expect((await choose('in_app')).status).toBe(200);
    const quiet = codes.shift() as string;
    await submitted(quiet);
    await delivered();
    expect(toCommission()).toBe(before);
    expect(await statusOf(quiet)).toEqual(['none']);
    expect(await inInbox(quiet)).toBe(true);

    expect((await choose('digest')).status).toBe(200);
    const kept = codes.shift() as string;
    await submitted(kept);
    await delivered();
    expect(toCommission()).toBe(before);
    expect(await statusOf(kept)).toEqual(['digest']);

    expect((await choose('immediate')).status).toBe(200);
    const told = codes.shift() as string;
    await submitted(told);
    await delivered();
    expect(toCommission()).toBe(++before);
    expect(await statusOf(told)).toEqual(['sent']);
  });

  it('gathers the notifications kept for the digest into one e-mail, each with its link, and never twice', async () => {
    expect(
      (await as['commission'].request('PUT', '/api/notifications/preferences', { preferences: [{ kind: 'benchmark.submitted', delivery: 'digest' }] })).status,
    ).toBe(200);
    const waiting = async () =>
      (
        await api.sql(
          `SELECT n.link FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = 'commission@demo.test' AND n.mail_status = 'digest' ORDER BY n.id`,
        )
      ).map((r) => r.link);
    // The one kept by the test before, and two more.
    const more = [codes.shift() as string, codes.shift() as string];
    for (const code of more) await submitted(code);
    await delivered();
    const links = await waiting();
    expect(links).toHaveLength(3);
    expect(links.slice(1)).toEqual(more.map((code) => `/benchmarks/${code}`));

    const before = smtp.messages.length;
    expect(await api.app.get(NotificationDigest).send()).toBe(1);
    const digests = smtp.messages.slice(before);
    expect(digests.map((m) => m.to)).toEqual([['commission@demo.test']]);
    const [digest] = digests;
    expect(digest.subject).toBe('Benchmark Tracker: your daily digest (3 notifications)');
    const codesIn = links.map((link) => link.replace('/benchmarks/', ''));
    expect(digest.text).toBe(
      [
        'Hello Claire Commission,',
        '',
        'What happened for you since the last digest:',
        '',
        ...codesIn.flatMap((code) => [`- ${code}: submitted by Marko Coordinator for your review`, `  https://tracker.test.example/benchmarks/${code}`]),
        '',
        '-- ',
        'You receive this digest because you chose it for these kinds of notification.',
        'Your account and its settings: https://tracker.test.example/account',
        '',
      ].join('\n'),
    );
    for (const code of codesIn)
      expect(digest.html).toContain(
        `<li><a href="https://tracker.test.example/benchmarks/${code}">${code}: submitted by Marko Coordinator for your review</a></li>`,
      );
    expect(await waiting()).toEqual([]);

    // A second run (on this instance or another) finds nothing left to send.
    expect(await api.app.get(NotificationDigest).send()).toBe(0);
    expect(smtp.messages.length).toBe(before + 1);
  });

  it('keeps the digest for the next run when the SMTP server refuses it', async () => {
    const code = codes.shift() as string;
    await submitted(code);
    await delivered();
    smtp.failing = true;
    try {
      expect(await api.app.get(NotificationDigest).send()).toBe(0);
    } finally {
      smtp.failing = false;
    }
    const statusOf = async () =>
      (
        await api.sql(`SELECT n.mail_status FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = 'commission@demo.test' AND n.link = $1`, [
          `/benchmarks/${code}`,
        ])
      ).map((r) => r.mail_status);
    expect(await statusOf()).toEqual(['digest']);
    const before = smtp.messages.length;
    expect(await api.app.get(NotificationDigest).send()).toBe(1);
    expect(smtp.messages.slice(before).map((m) => m.subject)).toEqual(['Benchmark Tracker: your daily digest (1 notification)']);
    expect(await statusOf()).toEqual(['sent']);
  });

  describe('one-click unsubscribe', () => {
    let token: string;
    const chosen = async () => (await as['commission'].get('/api/notifications/preferences')).body.preferences.filter((p: { chosen: boolean }) => p.chosen);
    /** A client with no cookie at all, as a mail client or a browser never signed in. */
    const stranger = () => api.client({ ip: '10.17.0.200' });
    const unsubscribeUrl = /^No more e-mails of this kind \(one click, no sign-in needed\): (\S+)$/m;

    beforeAll(async () => {
      expect(
        (
          await as['commission'].request('PUT', '/api/notifications/preferences', {
            preferences: [
              { kind: 'benchmark.submitted', delivery: 'immediate' },
              { kind: 'mission.planned', delivery: 'digest' },
            ],
          })
        ).status,
      ).toBe(200);
      const before = smtp.messages.length;
      await submitted(codes.shift() as string);
      await delivered();
      const [mail] = smtp.messages.slice(before);
      const url = new URL(unsubscribeUrl.exec(mail.text)?.[1] ?? '');
      expect(url.origin + url.pathname).toBe('https://tracker.test.example/api/notifications/unsubscribe');
      token = url.searchParams.get('token') as string;
      // RFC 8058: the mail client's one-click unsubscribe, to the same address.
      const headers = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/)).replace(/\r?\n(?=[ \t])/g, '');
      expect(/^List-Unsubscribe:\s*<([^>]+)>\s*$/m.exec(headers)?.[1]).toBe(url.href);
      expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\s*$/m);
      expect(mail.html).toContain(`<a href="${url.href}">`);
    });

    it('refuses an altered or unsigned token with a code, changing nothing', async () => {
      const [payload, mac] = token.split('.');
      const [commissionId, kind] = Buffer.from(payload, 'base64url').toString().split(':');
      const [{ id: csoId }] = await api.sql(`SELECT id::text FROM app_user WHERE email = 'cso@demo.test'`);
      const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
      const bad = [
        `${payload}.${flipped}`,
        // Another person's id (or another kind) under the commission's MAC.
        `${Buffer.from(`${csoId}:${kind}`).toString('base64url')}.${mac}`,
        `${Buffer.from(`${commissionId}:mission.planned`).toString('base64url')}.${mac}`,
        payload,
        '',
        'x'.repeat(500),
      ];
      const before = await chosen();
      for (const t of bad) {
        const answer = await stranger().get(`/api/notifications/unsubscribe?token=${encodeURIComponent(t)}`);
        expect([answer.status, answer.body?.code]).toEqual([400, 'notification.unsubscribe-token-invalid']);
      }
      expect((await stranger().get('/api/notifications/unsubscribe')).status).toBe(400);
      expect(await chosen()).toEqual(before);
    });

    it('stops e-mail of that kind only, without signing in, and answers a page in the person’s language', async () => {
      await api.sql(`UPDATE app_user SET language = 'sr-Latn' WHERE email = 'commission@demo.test'`);
      try {
        const answer = await fetch(`${api.baseUrl}/api/notifications/unsubscribe?token=${token}`);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const page = await answer.text();
        expect(page).toContain('<html lang="sr-Latn">');
        expect(page).toContain('Više nećete dobijati e-poruke ove vrste: Merilo podneto na vaš pregled.');
        expect(page).toContain('href="https://tracker.test.example/account?lang=sr-Latn"');
      } finally {
        await api.sql(`UPDATE app_user SET language = NULL WHERE email = 'commission@demo.test'`);
      }
      expect(await chosen()).toEqual([
        { kind: 'benchmark.submitted', delivery: 'in_app', chosen: true },
        { kind: 'mission.planned', delivery: 'digest', chosen: true },
      ]);
      const [event] = await api.sql(
        `SELECT actor_id IS NOT NULL AS by_person, actor_label, data FROM audit_event WHERE action = 'user.notification_unsubscribed' ORDER BY id DESC LIMIT 1`,
      );
      expect(event).toEqual({ by_person: true, actor_label: 'commission@demo.test', data: { kind: 'benchmark.submitted', from: 'immediate' } });
      // The next SUBMIT is in the inbox, not e-mailed.
      const before = smtp.messages.length;
      await submitted(codes.shift() as string);
      await delivered();
      expect(smtp.messages.slice(before).filter((m) => m.to.includes('commission@demo.test'))).toEqual([]);
    });

    it('takes the mail client’s one-click POST (RFC 8058) without a cookie or an XSRF token', async () => {
      expect(
        (await as['commission'].request('PUT', '/api/notifications/preferences', { preferences: [{ kind: 'benchmark.submitted', delivery: 'immediate' }] }))
          .status,
      ).toBe(200);
      const answer = await fetch(`${api.baseUrl}/api/notifications/unsubscribe?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(answer.status).toBe(204);
      expect((await chosen())[0]).toEqual({ kind: 'benchmark.submitted', delivery: 'in_app', chosen: true });
      const altered = await fetch(`${api.baseUrl}/api/notifications/unsubscribe?token=${token}x`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(altered.status).toBe(400);
      // A form body anywhere else is refused as before.
      const elsewhere = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=x',
      });
      expect(elsewhere.status).toBe(415);
    });
  });
});
