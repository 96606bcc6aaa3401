import { NotificationDispatcher, NotificationReminders } from '@bt/api/notifications';
import type { ApiClient } from '@bt/testing';
import { readAppConfig } from '@bt/api/core';
import { createApp } from './app';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Every hand-over of issue 15, through the real HTTP API: the dispatcher turns its audit event into
 * notifications for exactly the people concerned, by role, country, organisation and visibility.
 */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ACCOUNTS = ['admin', 'commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('notifications of hand-overs', () => {
  let api: TestApi;
  const as = {} as Record<Account, ApiClient>;
  let expertId: string;
  let codes: string[];

  beforeAll(async () => {
    api = await startTestApi();
    let ip = 0;
    for (const account of ACCOUNTS) {
      as[account] = api.client({ ip: `10.15.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    [{ id: expertId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'expert@demo.test'`);
    codes = (
      await api.sql(`SELECT b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE a.country_code = 'RS' AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.benchmark_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.benchmark_id = b.id) ORDER BY b.code`)
    ).map((r) => r.code);
    await dispatch();
  });
  afterAll(() => api?.close());

  const dispatch = () => api.app.get(NotificationDispatcher).dispatchAll();
  const version = async (code: string) => (await as.commission.get(`/api/benchmarks/${code}`)).body.version as number;

  /** Who was told of the latest audit event with this action (after a dispatch), by e-mail address. */
  async function toldOf(action: string, entityType?: string): Promise<string[]> {
    await dispatch();
    const rows = await api.sql(
      `SELECT u.email FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.event_id = (SELECT max(id) FROM audit_event WHERE action = $1 AND entity_type = coalesce($2, entity_type)) ORDER BY u.email`,
      [action, entityType ?? null],
    );
    return rows.map((r) => r.email.replace('@demo.test', ''));
  }

  async function step(code: string, event: string, by: Account, extra: Record<string, unknown> = {}) {
    const answer = await as[by].post(`/api/benchmarks/${code}/transitions`, { event, version: await version(code), ...extra });
    expect(answer.status).toBe(200);
  }

  it('tells each step of a benchmark to exactly the people concerned, and no one else', async () => {
    const code = codes.shift() as string;
    expect(
      (await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Figures 2025', narrative: 'Attached.', visibility: 'shared' })).status,
    ).toBe(201);
    // Internal evidence is the ministry's own: no one is told of it (and of evidence at all).
    expect(
      (await as.ministry.post(`/api/benchmarks/${code}/evidence`, { title: 'Internal note', narrative: 'Not for others.', visibility: 'internal' })).status,
    ).toBe(201);
    expect(await toldOf('evidence.created')).toEqual([]);

    await step(code, 'SUBMIT', 'coordinator');
    expect(await toldOf('benchmark.SUBMIT')).toEqual(['commission']);

    await step(code, 'REQUEST_CHANGES', 'commission', { comment: 'Please add the 2025 conviction figures.' });
    expect(await toldOf('benchmark.REQUEST_CHANGES')).toEqual(['coordinator', 'ministry']);
    // The comment is on the inbox card and on the benchmark page, not only in the history.
    const inbox = (await as.ministry.get('/api/inbox')).body;
    const card = inbox.items.find((i: { kind: string }) => i.kind === 'benchmark.changes_requested');
    expect(card).toMatchObject({
      unread: true,
      facts: { benchmark: code, by: 'Claire Commission' },
      detail: 'Please add the 2025 conviction figures.',
      link: `/benchmarks/${code}`,
    });
    expect((await as.ministry.get(`/api/benchmarks/${code}`)).body.changesRequested).toMatchObject({
      by: 'Claire Commission',
      comment: 'Please add the 2025 conviction figures.',
    });
    // Not to whoever does not take part (the history shows comments to the same people).
    expect((await as['ministry.al'].get(`/api/benchmarks/${code}`)).body.changesRequested).toBeNull();
    expect((await api.client().get(`/api/benchmarks/${code}`)).body.changesRequested).toBeNull();

    await step(code, 'SUBMIT', 'coordinator');
    expect((await as.ministry.get(`/api/benchmarks/${code}`)).body.changesRequested).toBeNull();
    await step(code, 'START_PEER_REVIEW', 'commission', { mission: { startDate: daysAgo(3), endDate: daysAgo(1), expertIds: [expertId] } });
    expect(await toldOf('benchmark.START_PEER_REVIEW')).toEqual(['coordinator', 'expert', 'ministry']);

    await step(code, 'BEGIN_FIELDWORK', 'expert');
    const missionId = (await as.commission.get(`/api/benchmarks/${code}`)).body.mission.id;
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'mission-report.pdf');
    expect(
      (await fetch(`${api.baseUrl}/api/missions/${missionId}/report`, { method: 'POST', body: form, headers: as.expert.browserHeaders('POST') })).status,
    ).toBe(201);
    // The report stays with the Commission (and its experts) until shared: the ministry and CSOs hear nothing.
    expect(await toldOf('mission.report_uploaded', 'mission')).toEqual(['commission']);
    expect(await toldOf('mission.report_uploaded', 'benchmark')).toEqual([]);
    await step(code, 'SUBMIT_MISSION_REPORT', 'expert');
    expect((await as.commission.post(`/api/missions/${missionId}/report/share`, {})).status).toBe(200);
    expect(await toldOf('mission.report_shared')).toEqual(['coordinator', 'ministry']);

    await step(code, 'ACCEPT', 'commission', { assessment: { preparation: 'some_to_moderate', progress: 'good_progress', text: 'Good progress.' } });
    expect(await toldOf('benchmark.ACCEPT')).toEqual(['coordinator', 'cso', 'ministry']);
    await step(code, 'REOPEN', 'commission', { justification: 'Updated interim benchmarks were adopted.' });
    expect(await toldOf('benchmark.REOPEN')).toEqual(['coordinator', 'cso', 'ministry']);
  });

  it('tells a mission planned or corrected to its experts and the host ministry', async () => {
    const code = codes.shift() as string;
    const created = await as.commission.post('/api/missions', {
      title: 'Asylum review',
      benchmarks: [code],
      startDate: daysAgo(10),
      endDate: daysAgo(8),
      expertIds: [expertId],
    });
    expect(created.status).toBe(201);
    expect(await toldOf('mission.created')).toEqual(['coordinator', 'expert', 'ministry']);
    const corrected = await as.commission.patch(`/api/missions/${created.body.id}`, { version: created.body.version, title: 'Asylum review (dates moved)' });
    expect(corrected.status).toBe(200);
    expect(await toldOf('mission.updated')).toEqual(['coordinator', 'expert', 'ministry']);
    const card = (await as.expert.get('/api/inbox')).body.items.find((i: { kind: string }) => i.kind === 'mission.corrected');
    expect(card).toMatchObject({ facts: { mission: 'Asylum review (dates moved)' }, link: `/missions/${created.body.id}` });
  });

  it('tells a proposal to the ministry and its answer to the proposing organisation', async () => {
    const code = codes.shift() as string;
    const posted = await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'Publish the asylum statistics monthly.' });
    expect(posted.status).toBe(201);
    expect(await toldOf('proposal.created')).toEqual(['coordinator', 'ministry']);
    expect((await as.coordinator.post(`/api/proposals/${posted.body.id}/response`, { decision: 'accepted', reasoning: 'From January.' })).status).toBe(200);
    expect(await toldOf('proposal.answered')).toEqual(['cso']);
    // A reply in the thread is discussion, not a proposal to answer.
    expect((await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'Thank you.', parentId: posted.body.id })).status).toBe(201);
    const [reply] = await api.sql(`SELECT max(id) AS id FROM audit_event WHERE action LIKE '%.created' AND entity_type = 'benchmark'`);
    await dispatch();
    expect(await api.sql(`SELECT 1 FROM notification WHERE event_id = $1`, [reply.id])).toEqual([]);
  });

  it('tells a consultation opened, reopened and published to its recipients (published: also those who replied)', async () => {
    const [{ id: albania }] = await api.sql(`SELECT organisation_id AS id FROM app_user WHERE email = 'ministry.al@demo.test'`);
    const [{ id: serbianCso }] = await api.sql(`SELECT organisation_id AS id FROM app_user WHERE email = 'cso@demo.test'`);
    const created = await as.commission.post('/api/consultations', { title: 'Reception capacity', reference: 'WK 15/26' });
    const saved = await as.commission.put(`/api/consultations/${created.body.id}`, {
      version: created.body.version,
      title: 'Reception capacity',
      reference: 'WK 15/26',
      introduction: 'Please reply.',
      deadline: inDays(2),
      topics: [{ title: 'Asylum', questions: [{ text: 'What are the main gaps?' }] }],
      recipientIds: [albania, serbianCso],
    });
    expect(saved.status).toBe(200);
    const id = saved.body.id as string;
    const question = saved.body.topics[0].questions[0].id as string;
    const fire = async (event: string, extra: Record<string, unknown> = {}) => {
      const { version: v } = (await as.commission.get(`/api/consultations/${id}`)).body;
      expect((await as.commission.post(`/api/consultations/${id}/transitions`, { event, version: v, ...extra })).status).toBe(200);
    };
    await fire('OPEN');
    expect(await toldOf('consultation.OPEN')).toEqual(['cso', 'ministry.al']);
    expect((await as.cso.put(`/api/consultations/${id}/replies/${question}`, { text: 'Overcrowded centres.', send: true })).status).toBe(200);
    await fire('CLOSE');
    await fire('REOPEN', { deadline: inDays(3) });
    expect(await toldOf('consultation.REOPEN')).toEqual(['cso', 'ministry.al']);
    await fire('CLOSE');
    expect(
      (await as.commission.put(`/api/consultations/${id}/summaries/${question}`, { text: 'Gaps in reception.', citedOrganisationIds: [serbianCso] })).status,
    ).toBe(200);
    await fire('SUMMARISE');
    await fire('PUBLISH');
    expect(await toldOf('consultation.PUBLISH')).toEqual(['cso', 'ministry.al']);
  });

  it('tells nothing of a transition that rolled back, and tells each event once', async () => {
    const code = codes.shift() as string;
    expect((await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Figures', narrative: 'Attached.', visibility: 'shared' })).status).toBe(
      201,
    );
    const [{ id: benchmarkId }] = await api.sql(`SELECT id FROM benchmark WHERE code = $1`, [code]);
    // The SUBMIT's transaction fails after its audit event was written (as a crash before COMMIT would).
    await api.sql(`CREATE FUNCTION fail_submit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: roll back'; END $$`);
    await api.sql(
      `CREATE TRIGGER fail_submit AFTER INSERT ON audit_event FOR EACH ROW WHEN (NEW.entity_id = '${benchmarkId}' AND NEW.action = 'benchmark.SUBMIT') EXECUTE FUNCTION fail_submit()`,
    );
    try {
      const refused = await as.coordinator.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: await version(code) });
      expect(refused.status).toBeGreaterThanOrEqual(400);
    } finally {
      await api.sql(`DROP TRIGGER fail_submit ON audit_event`);
      await api.sql(`DROP FUNCTION fail_submit()`);
    }
    await dispatch();
    expect(await api.sql(`SELECT n.id FROM notification n JOIN audit_event e ON e.id = n.event_id WHERE e.entity_id = $1`, [benchmarkId])).toEqual([]);
    expect((await as.commission.get(`/api/benchmarks/${code}`)).body.state).toBe('draft');

    // Committed: told once, however often and from however many dispatchers it is dispatched.
    await step(code, 'SUBMIT', 'coordinator');
    const dispatcher = api.app.get(NotificationDispatcher);
    await Promise.all([dispatcher.dispatchAll(), dispatcher.dispatchAll(), dispatcher.dispatchAll()]);
    expect(await toldOf('benchmark.SUBMIT')).toEqual(['commission']);
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM notification n JOIN audit_event e ON e.id = n.event_id WHERE e.entity_id = $1`, [
      benchmarkId,
    ]);
    expect(n).toBe(1);
  });

  it('pushes each deadline reminder once, to those the inbox reminds, however often and on however many instances the job runs', async () => {
    const [{ id: serbianCso }] = await api.sql(`SELECT organisation_id AS id FROM app_user WHERE email = 'cso@demo.test'`);
    const created = await as.commission.post('/api/consultations', { title: 'Border data', reference: 'WK 16/26' });
    const saved = await as.commission.put(`/api/consultations/${created.body.id}`, {
      version: created.body.version,
      title: 'Border data',
      reference: 'WK 16/26',
      introduction: 'Please reply.',
      deadline: inDays(2),
      topics: [{ title: 'Borders', questions: [{ text: 'Which data are shared?' }, { text: 'With whom?' }] }],
      recipientIds: [serbianCso],
    });
    expect((await as.commission.post(`/api/consultations/${saved.body.id}/transitions`, { event: 'OPEN', version: saved.body.version })).status).toBe(200);
    // Two instances of the API run the daily job at the same moment, then one runs it again: each reminder is told once.
    const other = await createApp(readAppConfig({ DATABASE_URL: api.databaseUrl, WEB_DIR: '/nonexistent', NOTIFICATIONS_WORKER: 'false' }), { logger: false });
    try {
      await Promise.all([api.app.get(NotificationReminders).remind(), other.get(NotificationReminders).remind()]);
      await api.app.get(NotificationReminders).remind();
    } finally {
      await other.close();
    }
    const rows = await api.sql(
      `SELECT u.email, n.kind, n.facts, n.in_inbox, n.mail_status FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.reminder_key LIKE $1`,
      [`consultation-deadline:${saved.body.id}:%`],
    );
    expect(rows).toEqual([
      { email: 'cso@demo.test', kind: 'consultation.deadline', facts: { consultation: 'Border data', unanswered: 2 }, in_inbox: false, mail_status: 'queued' },
    ]);
    // In the inbox once: through the consultations' own reminder, not a second card.
    const inbox = (await as.cso.get('/api/inbox')).body.items.filter(
      (i: { kind: string; link: string }) => i.kind === 'consultation.deadline' && i.link.includes(saved.body.id),
    );
    expect(inbox).toHaveLength(1);
  });

  it('keeps e-mail queued without SMTP_URL, and tells the admins so', async () => {
    const status = await as.admin.get('/api/admin/mail');
    expect(status.status).toBe(200);
    expect(status.body.smtpConfigured).toBe(false);
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM notification WHERE mail_status = 'queued'`);
    expect(n).toBeGreaterThan(0);
    expect(status.body.queued).toBe(n);
  });

  it('marks every inbox item read with one call, for that user only', async () => {
    expect((await as.ministry.get('/api/inbox')).body.unread).toBeGreaterThan(0);
    const before = (await as.coordinator.get('/api/inbox')).body.unread;
    expect((await as.ministry.post('/api/inbox/read-all', {})).status).toBe(204);
    expect((await as.ministry.get('/api/inbox')).body.unread).toBe(0);
    expect((await as.coordinator.get('/api/inbox')).body.unread).toBe(before);
    const [audit] = await api.sql(`SELECT data FROM audit_event WHERE action = 'inbox.read_all' ORDER BY id DESC LIMIT 1`);
    expect(audit.data.count).toBeGreaterThan(0);
  });
});
