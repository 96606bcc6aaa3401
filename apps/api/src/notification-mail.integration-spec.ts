import { setTimeout as sleep } from 'node:timers/promises';
import { readAppConfig } from '@bt/api/core';
import { NotificationDispatcher } from '@bt/api/notifications';
import { Client } from 'pg';
import { createApp } from './app';
import { ApiClient, SmtpCatcher } from '@bt/testing';
import { delivered as deliveredAll, dispatched as dispatchedAll, mailSettled } from './testing/notification-delivery';
import { createDemoDatabase, startTestApi, type TestApi } from './testing/test-api';

/**
 * Notification e-mail through a real SMTP server on loopback (smtp-server): exact messages to exact
 * addresses, in each person's language, retried while the server fails, kept for the admins when it
 * keeps failing, and delivered once after a restart between the commit and the sending.
 */
const PUBLIC_URL = 'https://tracker.test.example';
const MAIL_ENV = {
  NOTIFICATIONS_WORKER: 'true',
  NOTIFICATIONS_POLL_SECONDS: '0.5',
  MAIL_FROM: 'Benchmark Tracker <tracker@test.example>',
  PUBLIC_URL,
  MAIL_RETRY_LIMIT: '2',
  MAIL_RETRY_DELAY_SECONDS: '1',
};

describe('notification e-mail', () => {
  let smtp: SmtpCatcher;
  let api: TestApi;
  const as: Record<string, ApiClient> = {};
  let codes: string[];

  beforeAll(async () => {
    smtp = await new SmtpCatcher().start();
    api = await startTestApi({ ...MAIL_ENV, SMTP_URL: smtp.url });
    let ip = 0;
    for (const account of ['admin', 'commission', 'coordinator', 'ministry', 'cso']) {
      as[account] = api.client({ ip: `10.16.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    await api.sql(`UPDATE app_user SET language = 'sr-Latn' WHERE email = 'ministry@demo.test'`);
    codes = (
      await api.sql(`SELECT b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE a.country_code = 'RS' AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.benchmark_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.benchmark_id = b.id) ORDER BY b.code`)
    ).map((r) => r.code);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const dispatched = () => dispatchedAll(api.app, api.sql);
  const delivered = () => deliveredAll(api.app, api.sql);
  const version = async (code: string) => (await as['commission'].get(`/api/benchmarks/${code}`)).body.version as number;
  async function submitted(code: string): Promise<void> {
    expect(
      (await as['coordinator'].post(`/api/benchmarks/${code}/evidence`, { title: 'Figures 2025', narrative: 'Attached.', visibility: 'shared' })).status,
    ).toBe(201);
    expect((await as['coordinator'].post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: await version(code) })).status).toBe(200);
  }

  it('sends each hand-over to exactly the people concerned, in their language, with a link and why they get it', async () => {
    const code = codes.shift() as string;
    const before = smtp.messages.length;
    // Internal evidence: nobody is told.
    expect(
      (await as['ministry'].post(`/api/benchmarks/${code}/evidence`, { title: 'Internal note', narrative: 'Ours only.', visibility: 'internal' })).status,
    ).toBe(201);
    await submitted(code);
    await delivered();
    const submit = smtp.messages.slice(before);
    expect(submit.map((m) => m.to)).toEqual([['commission@demo.test']]);
    const [mail] = submit;
    expect(mail.from).toBe('tracker@test.example');
    expect(mail.raw).toMatch(/^From: Benchmark Tracker <tracker@test\.example>/m);
    expect(mail.subject).toBe(`${code}: submitted by Marko Coordinator for your review`);
    expect(mail.text.split('\n')).toEqual([
      'Hello Claire Commission,',
      '',
      `${code}: submitted by Marko Coordinator for your review`,
      '',
      `Open it in Benchmark Tracker: ${PUBLIC_URL}/benchmarks/${code}`,
      '',
      '-- ',
      'You receive this because you review benchmarks for the European Commission.',
      `Your account and its settings: ${PUBLIC_URL}/account`,
      expect.stringMatching(
        new RegExp(`^No more e-mails of this kind \\(one click, no sign-in needed\\): ${PUBLIC_URL}/api/notifications/unsubscribe\\?token=[\\w-]+\\.[\\w-]+$`),
      ),
      '',
    ]);
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/benchmarks/${code}">Open in Benchmark Tracker</a>`);
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/account">${PUBLIC_URL}/account</a>`);

    const changes = smtp.messages.length;
    const comment = 'Please add the 2025 conviction figures <by court>.';
    expect(
      (await as['commission'].post(`/api/benchmarks/${code}/transitions`, { event: 'REQUEST_CHANGES', version: await version(code), comment })).status,
    ).toBe(200);
    await delivered();
    const requested = smtp.messages.slice(changes).sort((a, b) => a.to[0].localeCompare(b.to[0]));
    expect(requested.map((m) => m.to)).toEqual([['coordinator@demo.test'], ['ministry@demo.test']]);
    const [english, serbian] = requested;
    expect(english.subject).toBe(`${code}: Claire Commission requested changes`);
    expect(english.text).toContain(`\n> ${comment}\n`);
    expect(english.html).toContain('Please add the 2025 conviction figures &lt;by court&gt;.');
    // The ministry's person reads Serbian (Latin): the texts and the link's language follow.
    expect(serbian.subject).toBe(`${code}: zatražene izmene — Claire Commission`);
    expect(serbian.text).toContain(`Otvorite u aplikaciji Benchmark Tracker: ${PUBLIC_URL}/benchmarks/${code}?lang=sr-Latn`);
    expect(serbian.text).toContain('Ovo dobijate jer radite na ovom merilu za ministarstvo svoje zemlje.');
    expect(serbian.text).toContain(`Vaš nalog i njegova podešavanja: ${PUBLIC_URL}/account?lang=sr-Latn`);
    const rows = await api.sql(
      `SELECT mail_status, mail_attempts FROM notification WHERE event_id = (SELECT max(id) FROM audit_event WHERE action = 'benchmark.REQUEST_CHANGES')`,
    );
    expect(rows).toEqual([
      { mail_status: 'sent', mail_attempts: 1 },
      { mail_status: 'sent', mail_attempts: 1 },
    ]);
  });

  it('retries while the SMTP server fails, and sends once it answers', async () => {
    const code = codes.shift() as string;
    const before = smtp.messages.length;
    smtp.failing = true;
    await submitted(code);
    await dispatched();
    const [{ id }] = await api.sql(`SELECT id FROM notification WHERE event_id = (SELECT max(id) FROM audit_event WHERE action = 'benchmark.SUBMIT')`);
    // The first attempt is refused; the job waits for its retry.
    while ((await api.sql(`SELECT mail_attempts FROM notification WHERE id = $1`, [id]))[0].mail_attempts === 0) await sleep(50);
    expect((await api.sql(`SELECT mail_status, mail_error FROM notification WHERE id = $1`, [id]))[0]).toMatchObject({
      mail_status: 'queued',
      mail_error: expect.stringContaining('451'),
    });
    expect(smtp.messages.length).toBe(before);
    smtp.failing = false;
    await mailSettled(api.sql);
    expect(smtp.messages.slice(before).map((m) => [m.to, m.subject])).toEqual([
      [['commission@demo.test'], `${code}: submitted by Marko Coordinator for your review`],
    ]);
    expect((await api.sql(`SELECT mail_status, mail_error FROM notification WHERE id = $1`, [id]))[0]).toEqual({ mail_status: 'sent', mail_error: null });
  });

  it('keeps an e-mail that failed after every retry for the admins, who retry it', async () => {
    const code = codes.shift() as string;
    smtp.failing = true;
    await submitted(code);
    await delivered();
    smtp.failing = false;
    const [{ id }] = await api.sql(`SELECT id::text FROM notification WHERE event_id = (SELECT max(id) FROM audit_event WHERE action = 'benchmark.SUBMIT')`);
    const status = await as['admin'].get('/api/admin/mail');
    expect(status.status).toBe(200);
    expect(status.body.smtpConfigured).toBe(true);
    // The first attempt and both retries (MAIL_RETRY_LIMIT=2).
    expect(status.body.failed.find((f: { id: string }) => f.id === id)).toMatchObject({
      to: 'commission@demo.test',
      kind: 'benchmark.submitted',
      attempts: 3,
      error: expect.stringContaining('451'),
    });
    expect((await as['commission'].post(`/api/admin/mail/${id}/retry`, {})).status).toBe(403);

    const before = smtp.messages.length;
    expect((await as['admin'].post(`/api/admin/mail/${id}/retry`, {})).status).toBe(204);
    await mailSettled(api.sql);
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([['commission@demo.test']]);
    expect((await as['admin'].get('/api/admin/mail')).body.failed.some((f: { id: string }) => f.id === id)).toBe(false);
    expect((await api.sql(`SELECT action FROM audit_event WHERE action = 'notification.mail_retried' AND entity_id = $1`, [id])).length).toBe(1);
    // Only a failed e-mail is retried; an unknown one is not found.
    const again = await as['admin'].post(`/api/admin/mail/${id}/retry`, {});
    expect([again.status, again.body.code]).toEqual([409, 'notification.mail-not-failed']);
    expect((await as['admin'].post('/api/admin/mail/999999999/retry', {})).body.code).toBe('notification.not-found');
    expect((await as['admin'].post('/api/admin/mail/not-a-number/retry', {})).status).toBe(404);
  });
});

describe('notification e-mail across a restart', () => {
  it('delivers once what was committed before the API stopped, from the next API on the same database', async () => {
    const smtp = await new SmtpCatcher().start();
    const database = await createDemoDatabase();
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    const sql = async (text: string, values?: unknown[]) => (await pg.query(text, values)).rows;
    try {
      // The first API commits the hand-over and its notification with the e-mail job, then stops before sending anything.
      const first = await createApp(
        readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent', SMTP_URL: smtp.url, PUBLIC_URL, NOTIFICATIONS_WORKER: 'false' }),
        { logger: false },
      );
      await first.listen(0, '127.0.0.1');
      const client = new ApiClient(`http://127.0.0.1:${(first.getHttpServer().address() as { port: number }).port}`);
      await client.signIn('coordinator@demo.test');
      const [{ code }] = await sql(
        `SELECT b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE a.country_code = 'RS' AND b.state = 'draft' AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.benchmark_id = b.id) ORDER BY b.code LIMIT 1`,
      );
      expect((await client.post(`/api/benchmarks/${code}/evidence`, { title: 'Figures', narrative: 'Attached.', visibility: 'shared' })).status).toBe(201);
      const { version } = (await client.get(`/api/benchmarks/${code}`)).body;
      expect((await client.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version })).status).toBe(200);
      await first.get(NotificationDispatcher).dispatchAll();
      expect(await sql(`SELECT mail_status FROM notification WHERE event_id = (SELECT max(id) FROM audit_event WHERE action = 'benchmark.SUBMIT')`)).toEqual([
        { mail_status: 'queued' },
      ]);
      await first.close();
      expect(smtp.messages).toEqual([]);

      // The next API on the same database, with its worker, sends it — once.
      const second = await createApp(readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent', SMTP_URL: smtp.url, ...MAIL_ENV }), {
        logger: false,
      });
      try {
        await smtp.received(1);
        await mailSettled(sql);
        await second.get(NotificationDispatcher).dispatchAll();
        await mailSettled(sql);
      } finally {
        await second.close();
      }
      expect(smtp.messages.map((m) => [m.to, m.subject])).toEqual([[['commission@demo.test'], `${code}: submitted by Marko Coordinator for your review`]]);
    } finally {
      await pg.end();
      await database.drop();
      await smtp.stop();
    }
  });
});
