import ExcelJS from 'exceljs';
import type { ApiClient } from '@bt/testing';
import { Client } from 'pg';
import { startTestApi, type TestApi } from './testing/test-api';

// The civil-society dialogue and the three assessment voices through the real HTTP API, on PostgreSQL.
/** Polls until the condition holds (at most 5 s). */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > 5000) throw new Error('the condition did not come true within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ACCOUNTS = ['admin', 'commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number] | 'cso.al';

describe('the civil-society dialogue and the assessments', () => {
  let api: TestApi;
  const as = {} as Record<Account, ApiClient>;
  // What the demo data holds before this file adds anything: its figures and answers are counted on top.
  let demo: { total: Record<string, unknown>; answerKeys: Set<string> };

  beforeAll(async () => {
    api = await startTestApi();
    let ip = 0;
    for (const account of ACCOUNTS) {
      as[account] = api.client({ ip: `10.6.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    // A CSO of another country (Albania), made by the admin as in real life.
    const org = await as.admin.post('/api/admin/organisations', { name: 'Albanian CSO', kind: 'civil_society', country: 'AL' });
    const user = await as.admin.post('/api/admin/users', {
      email: 'cso.al@demo.test',
      displayName: 'Albanian CSO member',
      organisationId: org.body.id,
      roles: [{ role: 'civil_society' }],
      password: 'another-pass-2026',
    });
    expect(user.status).toBe(201);
    as['cso.al'] = api.client({ ip: '10.6.0.99' });
    expect((await as['cso.al'].signIn('cso.al@demo.test', 'another-pass-2026')).status).toBe(200);
    demo = {
      total: (await as.cso.get('/api/consideration?country=RS&chapter=24')).body.total,
      answerKeys: new Set((await as.cso.get('/api/inbox')).body.items.filter((i: any) => i.kind === 'proposal.answered').map((i: any) => i.key)),
    };
  }, 60_000);
  afterAll(() => api?.close());

  const version = async (code: string) => (await as.commission.get(`/api/benchmarks/${code}`)).body.version as number;
  const submit = async (code: string) => as.coordinator.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: await version(code) });
  const share = (code: string) => as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Statistics 2025', visibility: 'shared' });

  it('blocks SUBMIT while a proposal is unanswered, naming it; comments, replies and hidden proposals do not block; allowed once answered', async () => {
    const code = 'RS-24-MIG-01';
    expect((await share(code)).status).toBe(201);
    const proposal = await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'Publish the asylum decisions per court and per year.' });
    expect([proposal.status, proposal.body.kind, proposal.body.answer]).toEqual([201, 'proposal', null]);
    const comment = await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'The statistics lack a methodology note.', kind: 'comment' });
    expect(comment.status).toBe(201);
    const reply = await as.ministry.post(`/api/benchmarks/${code}/proposals`, { text: 'We are checking with the courts.', parentId: proposal.body.id });
    expect([reply.status, reply.body.kind, reply.body.parentId]).toEqual([201, 'comment', proposal.body.id]);
    const abusive = await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'An abusive proposal.' });
    expect((await as.admin.post(`/api/proposals/${abusive.body.id}/hide`, { reason: 'Insults' })).status).toBe(200);

    const blocked = await submit(code);
    expect([blocked.status, blocked.body.message]).toEqual([
      422,
      'SUBMIT needs more first: civil-society proposals still need a reasoned answer: 1 ("Publish the asylum decisions per court and per year.").',
    ]);
    expect((await as.coordinator.get(`/api/benchmarks/${code}`)).body.availableEvents.find((e: { type: string }) => e.type === 'SUBMIT')).toMatchObject({
      enabled: false,
    });
    // A comment takes no answer.
    expect((await as.ministry.post(`/api/proposals/${comment.body.id}/response`, { decision: 'accepted', reasoning: 'x' })).status).toBe(422);
    const answered = await as.ministry.post(`/api/proposals/${proposal.body.id}/response`, { decision: 'partly_accepted', reasoning: 'Per court from 2027.' });
    expect([answered.status, answered.body.answer.decision, typeof answered.body.daysToAnswer]).toEqual([200, 'partly_accepted', 'number']);
    expect((await submit(code)).status).toBe(200);
  });

  it('does not let a SUBMIT slip past a proposal committed while it waited for the benchmark', async () => {
    const code = 'RS-24-JUD-02';
    expect((await share(code)).status).toBe(201);
    // A proposal being posted: its transaction holds the benchmark (as the API's own does) and has not committed yet.
    const poster = new Client({ connectionString: api.databaseUrl });
    await poster.connect();
    try {
      const [{ pid: posterPid }] = (await poster.query('SELECT pg_backend_pid() AS pid')).rows;
      await poster.query('BEGIN');
      await poster.query(`SELECT id FROM benchmark WHERE code = $1 FOR SHARE`, [code]);
      await poster.query(
        `INSERT INTO proposal (benchmark_id, text, author_id) SELECT b.id, 'Posted at the same moment', u.id FROM benchmark b, app_user u WHERE b.code = $1 AND u.email = 'cso@demo.test'`,
        [code],
      );
      const submitting = submit(code);
      // The SUBMIT is now waiting for the benchmark's row lock.
      await waitFor(
        async () => (await api.sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`, [posterPid]))[0].n === 1,
      );
      await poster.query('COMMIT');
      const answer = await submitting;
      expect([answer.status, answer.body.message]).toEqual([422, expect.stringContaining('Posted at the same moment')]);
    } finally {
      await poster.end();
      // Out of the figures and inboxes the later tests measure.
      await api.sql(`DELETE FROM proposal WHERE text = 'Posted at the same moment'`);
    }
  });

  it('shows the dialogue as threads, filters answered / unanswered, and hides a moderated text from everyone', async () => {
    const threads = (await as.cso.get('/api/benchmarks/RS-24-MIG-01/proposals')).body;
    expect(threads.map((t: any) => [t.kind, t.replies.length, t.hiddenAt === null])).toEqual([
      ['proposal', 1, true],
      ['comment', 0, true],
      ['proposal', 0, false],
    ]);
    expect(threads[2].text).toBeNull();
    expect((await as.cso.get('/api/benchmarks/RS-24-MIG-01/proposals?answered=true')).body.map((t: any) => t.id)).toEqual([threads[0].id]);
    expect((await as.cso.get('/api/benchmarks/RS-24-MIG-01/proposals?answered=false')).body).toEqual([]);
    expect((await as.cso.get('/api/benchmarks/RS-24-MIG-01/proposals?answered=maybe')).status).toBe(400);
    // The audit trail keeps the hidden text.
    const [hidden] = await api.sql(`SELECT data FROM audit_event WHERE action = 'proposal.hidden'`);
    expect(hidden.data).toMatchObject({ reason: 'Insults', text: 'An abusive proposal.' });
    // Only an admin moderates.
    expect((await as.commission.post(`/api/proposals/${threads[1].id}/hide`, { reason: 'x' })).status).toBe(403);
  });

  it("keeps from a benchmark's history what the caller may not see: the dialogue, internal evidence, the comments of the workflow", async () => {
    // MIG-01 by now: proposals, comments, answers, a hidden proposal, shared evidence, SUBMIT. Changes requested (with a comment), then internal evidence.
    const changes = await as.commission.post('/api/benchmarks/RS-24-MIG-01/transitions', {
      event: 'REQUEST_CHANGES',
      version: await version('RS-24-MIG-01'),
      comment: 'Add the 2025 figures.',
    });
    expect(changes.status).toBe(200);
    expect((await as.coordinator.post('/api/benchmarks/RS-24-MIG-01/evidence', { title: 'Internal working note', visibility: 'internal' })).status).toBe(201);
    const families = async (who: Account) => {
      const history = (await as[who].get('/api/benchmarks/RS-24-MIG-01/history')).body as { action: string; comment: string | null }[];
      return { actions: new Set(history.map((e) => e.action)), comments: history.filter((e) => e.comment).length };
    };
    const ministry = await families('ministry');
    expect([...ministry.actions]).toEqual(
      expect.arrayContaining(['proposal.created', 'comment.created', 'proposal.answered', 'proposal.hidden', 'evidence.created', 'benchmark.SUBMIT']),
    );
    const internal = (await as.ministry.get('/api/benchmarks/RS-24-MIG-01/history')).body.filter((e: { action: string }) => e.action === 'evidence.created');
    const cso = await families('cso');
    expect(cso.actions.has('proposal.created')).toBe(true);
    // The CSO sees the shared item's creation, not the internal one's.
    expect((await as.cso.get('/api/benchmarks/RS-24-MIG-01/history')).body.filter((e: { action: string }) => e.action === 'evidence.created')).toHaveLength(
      internal.length - 1,
    );
    // A CSO of another country: the workflow's steps only, without their comments.
    const foreign = await families('cso.al');
    expect([...foreign.actions]).toEqual(['benchmark.SUBMIT', 'benchmark.REQUEST_CHANGES']);
    expect([ministry.comments, cso.comments, foreign.comments]).toEqual([1, 1, 0]);
    // Back to where the later tests expect it.
    expect((await submit('RS-24-MIG-01')).status).toBe(200);
  });

  it('refuses a CSO of another country (403) and keeps the thread from it (404)', async () => {
    expect((await as['cso.al'].post('/api/benchmarks/RS-24-MIG-02/proposals', { text: 'From Albania.' })).status).toBe(403);
    expect((await as['cso.al'].get('/api/benchmarks/RS-24-MIG-01/proposals')).status).toBe(404);
    expect((await as['ministry.al'].get('/api/benchmarks/RS-24-MIG-01/proposals')).status).toBe(404);
    const [{ id }] = await api.sql(`SELECT id FROM proposal WHERE parent_id IS NULL AND kind = 'proposal' LIMIT 1`);
    expect((await as['ministry.al'].post(`/api/proposals/${id}/response`, { decision: 'accepted', reasoning: 'x' })).status).toBe(404);
  });

  it('never shows a CSO internal evidence, not even as an anchor; anchors must be on the same benchmark', async () => {
    const code = 'RS-24-MIG-02';
    const internal = await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Internal draft figures', visibility: 'internal' });
    const shared = await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Shared figures', visibility: 'shared' });
    expect([internal.status, shared.status]).toEqual([201, 201]);
    expect((await as.cso.get(`/api/benchmarks/${code}/evidence`)).body.map((e: any) => e.title)).toEqual(['Shared figures']);
    expect((await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'On the draft.', evidenceId: internal.body.id })).status).toBe(422);
    const onShared = await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'On the figures.', evidenceId: shared.body.id });
    expect([onShared.status, onShared.body.evidence]).toEqual([201, { id: shared.body.id, title: 'Shared figures' }]);
    // The ministry may anchor a reply on its internal item; the CSO sees the reply without the anchor.
    const reply = await as.ministry.post(`/api/benchmarks/${code}/proposals`, {
      text: 'See our working figures.',
      parentId: onShared.body.id,
      evidenceId: internal.body.id,
    });
    expect([reply.status, reply.body.evidence?.title]).toEqual([201, 'Internal draft figures']);
    const thread = (await as.cso.get(`/api/benchmarks/${code}/proposals`)).body[0];
    expect(thread.replies.map((r: any) => r.evidence)).toEqual([null]);
    expect(JSON.stringify((await as.cso.get(`/api/benchmarks/${code}/proposals`)).body)).not.toContain('Internal draft figures');
    // Anchors of another benchmark are refused.
    const [otherSub] = await api.sql(`SELECT s.id FROM sub_requirement s JOIN benchmark b ON b.id = s.benchmark_id WHERE b.code <> $1 LIMIT 1`, [code]);
    expect((await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'x', subRequirementId: otherSub.id })).status).toBe(422);
    expect((await as.cso.post('/api/benchmarks/RS-24-MIG-03/proposals', { text: 'x', evidenceId: shared.body.id })).status).toBe(422);
  });

  it('keeps every answer in the history when the ministry answers again', async () => {
    const code = 'RS-24-MIG-02';
    const [{ id }] = await api.sql(`SELECT p.id FROM proposal p JOIN benchmark b ON b.id = p.benchmark_id WHERE b.code = $1 AND p.parent_id IS NULL`, [code]);
    await as.ministry.post(`/api/proposals/${id}/response`, { decision: 'not_accepted', reasoning: 'No budget.' });
    const again = await as.coordinator.post(`/api/proposals/${id}/response`, { decision: 'accepted', reasoning: 'Budget found for 2027.' });
    expect(again.body.answers.map((a: any) => [a.decision, a.reasoning])).toEqual([
      ['not_accepted', 'No budget.'],
      ['accepted', 'Budget found for 2027.'],
    ]);
    expect(again.body.answer.decision).toBe('accepted');
    expect((await api.sql(`SELECT count(*)::int AS n FROM proposal_response WHERE proposal_id = $1`, [id]))[0].n).toBe(2);
  });

  it('closes the dialogue once the benchmark is accepted, and writes the Commission assessment of ACCEPT in the same step', async () => {
    const code = 'RS-24-MIG-01';
    // A proposal posted while submitted must be answered before ACCEPT: afterwards it no longer could be.
    const late = await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'Posted while under review.' });
    const acceptBody = {
      event: 'ACCEPT',
      assessment: { period: '2026', preparation: 'some_to_moderate', progress: 'good_progress', text: 'Good progress on asylum data.' },
    };
    const refused = await as.commission.post(`/api/benchmarks/${code}/transitions`, { ...acceptBody, version: await version(code) });
    expect([refused.status, refused.body.message]).toEqual([422, expect.stringContaining('"Posted while under review."')]);
    expect(
      (await as.ministry.post(`/api/proposals/${late.body.id}/response`, { decision: 'not_accepted', reasoning: 'Out of scope of this benchmark.' })).status,
    ).toBe(200);
    const accept = await as.commission.post(`/api/benchmarks/${code}/transitions`, {
      event: 'ACCEPT',
      version: await version(code),
      assessment: { period: '2026', preparation: 'some_to_moderate', progress: 'good_progress', text: 'Good progress on asylum data.' },
    });
    expect(accept.status).toBe(200);
    expect((await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'Too late?' })).status).toBe(409);
    const [{ id }] = await api.sql(
      `SELECT p.id FROM proposal p JOIN benchmark b ON b.id = p.benchmark_id WHERE b.code = $1 AND p.kind = 'proposal' AND p.hidden_at IS NULL ORDER BY p.created_at LIMIT 1`,
      [code],
    );
    expect((await as.ministry.post(`/api/proposals/${id}/response`, { decision: 'accepted', reasoning: 'Late.' })).status).toBe(409);
    const assessments = await api.sql(`SELECT voice, period, preparation FROM assessment s JOIN benchmark b ON b.id = s.benchmark_id WHERE b.code = $1`, [
      code,
    ]);
    expect(assessments).toEqual([{ voice: 'commission', period: '2026', preparation: 'some_to_moderate' }]);
    // Out of the figures and inboxes the later tests measure.
    await api.sql(`DELETE FROM proposal WHERE id = $1`, [late.body.id]);
  });

  it('records the three voices side by side with their history, published as decided', async () => {
    const code = 'RS-24-MIG-03';
    const shadow = await as.cso.post(`/api/benchmarks/${code}/assessments`, {
      period: '2026',
      preparation: 'early_stage',
      progress: 'limited_progress',
      text: 'Little has changed on the ground.',
    });
    expect([shadow.status, shadow.body.voice]).toEqual([201, 'civil_society']);
    const self = await as.ministry.post(`/api/benchmarks/${code}/assessments`, {
      period: '2026',
      preparation: 'moderately_prepared',
      progress: 'good_progress',
      text: 'Laws adopted.',
    });
    expect([self.status, self.body.voice]).toEqual([201, 'ministry']);
    await as.commission.post(`/api/benchmarks/${code}/assessments`, {
      period: '2026',
      preparation: 'some_level',
      progress: 'no_progress',
      text: 'First view.',
    });
    const revised = await as.commission.post(`/api/benchmarks/${code}/assessments`, {
      period: '2026',
      preparation: 'some_level',
      progress: 'some_progress',
      text: 'Revised.',
    });
    expect(revised.body.voice).toBe('commission');
    expect((await as['cso.al'].post(`/api/benchmarks/${code}/assessments`, { preparation: 'some_level', progress: 'some_progress', text: 'x' })).status).toBe(
      403,
    );
    expect((await as.expert.post(`/api/benchmarks/${code}/assessments`, { preparation: 'some_level', progress: 'some_progress', text: 'x' })).status).toBe(403);
    expect((await as.cso.post(`/api/benchmarks/${code}/assessments`, { preparation: 'quite_good', progress: 'some_progress', text: 'x' })).status).toBe(400);

    const seen = (await as.cso.get(`/api/benchmarks/${code}/assessments`)).body;
    expect(seen.history).toHaveLength(4);
    expect(seen.periods).toEqual([
      expect.objectContaining({
        period: '2026',
        commission: expect.objectContaining({ progress: 'some_progress' }),
        ministry: expect.objectContaining({ voice: 'ministry' }),
        civilSociety: [expect.objectContaining({ preparation: 'early_stage' })],
      }),
    ]);
    // The public sees the CSO's published shadow assessment; the others only once the benchmark is accepted.
    const anonymous = api.client({ ip: '10.6.1.1' });
    const publicView = (await anonymous.get(`/api/benchmarks/${code}/assessments`)).body;
    expect(publicView.history.map((a: any) => a.voice)).toEqual(['civil_society']);
    expect((await anonymous.get('/api/benchmarks/RS-24-MIG-01/assessments')).body.history.map((a: any) => a.voice)).toEqual(['commission']);

    const overview = (await anonymous.get('/api/overview?country=RS&chapter=24')).body;
    expect(overview.period).toBe('2026');
    const row = (c: string) => overview.rows.find((r: any) => r.benchmark.code === c);
    expect([row('RS-24-MIG-01').commission?.preparation, row(code).commission, row(code).civilSociety.length]).toEqual(['some_to_moderate', null, 1]);
    const inside = (await as.cso.get('/api/overview?country=RS&chapter=24&period=2026')).body;
    expect(inside.rows.find((r: any) => r.benchmark.code === code).commission.progress).toBe('some_progress');
  });

  it("shows an expert in the overview the periods of assessments on its missions' benchmarks, unpublished ones too", async () => {
    const [{ id: expertId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'expert@demo.test'`);
    const mission = { code: 'RS-24-JUD-01' };
    const other = { code: 'RS-24-JUD-02' };
    const planned = await as.commission.post('/api/missions', {
      title: 'Judiciary peer review',
      benchmarks: [mission.code],
      startDate: '2031-03-01',
      endDate: '2031-03-05',
      expertIds: [expertId],
    });
    expect(planned.status).toBe(201);
    const grade = (period: string) => ({ period, preparation: 'some_level', progress: 'some_progress', text: 'Draft view.' });
    expect((await as.commission.post(`/api/benchmarks/${mission.code}/assessments`, grade('2031'))).status).toBe(201);
    expect((await as.commission.post(`/api/benchmarks/${other.code}/assessments`, grade('2032'))).status).toBe(201);
    const periods = (await as.expert.get('/api/overview?country=RS&chapter=24')).body.periods;
    expect(periods).toContain('2031');
    expect(periods).not.toContain('2032');
    expect((await api.client({ ip: '10.6.1.9' }).get('/api/overview?country=RS&chapter=24')).body.periods).not.toContain('2031');
  });

  it('measures the consideration of proposals per benchmark, area and chapter, and exports it', async () => {
    const figures = (await api.client({ ip: '10.6.1.2' }).get('/api/consideration?country=RS&chapter=24')).body;
    const mig01 = figures.benchmarks.find((b: any) => b.code === 'RS-24-MIG-01');
    expect(mig01).toMatchObject({ received: 1, answered: 1, partlyAccepted: 1, accepted: 0 });
    expect(figures.benchmarks.find((b: any) => b.code === 'RS-24-MIG-02')).toMatchObject({ received: 1, answered: 1, accepted: 1, notAccepted: 0 });
    expect(figures.areas.find((a: any) => a.code === 'MIG')).toMatchObject({ received: 2, answered: 2 });
    const plus = (key: string, n: number) => (demo.total[key] as number) + n;
    expect(figures.total).toMatchObject({
      received: plus('received', 2),
      answered: plus('answered', 2),
      accepted: plus('accepted', 1),
      partlyAccepted: plus('partlyAccepted', 1),
      notAccepted: plus('notAccepted', 0),
      oldestUnansweredAt: demo.total['oldestUnansweredAt'],
    });
    expect(typeof figures.total.medianDaysToAnswer).toBe('number');
    // This file's proposals were answered within minutes (days rounded to a tenth).
    expect(figures.areas.find((a: any) => a.code === 'MIG').medianDaysToAnswer).toBe(0);
    await as.cso.post('/api/benchmarks/RS-24-ASY-01/proposals', { text: 'Waiting.' });
    expect((await as.cso.get('/api/consideration?country=RS&chapter=24')).body.total.oldestUnansweredAt).not.toBeNull();

    const csv = await fetch(`${api.baseUrl}/api/consideration.csv?country=RS&chapter=24`);
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect((await csv.text()).split('\n')[0]).toContain('Received');
    const xlsx = await fetch(`${api.baseUrl}/api/consideration.xlsx?country=RS&chapter=24`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const rows = workbook.getWorksheet('Consideration')?.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[2] === 'RS-24-MIG-01')?.slice(1, 6)).toEqual(['benchmark', 'RS-24-MIG-01', expect.any(String), 1, 1]);
    expect((await fetch(`${api.baseUrl}/api/consideration?country=serbia`)).status).toBe(400);
  });

  it("fills the ministry's inbox with unanswered proposals and the CSO's with new answers", async () => {
    const ministry = (await as.ministry.get('/api/inbox')).body;
    expect(ministry.items.filter((i: any) => i.kind === 'proposal.unanswered').map((i: any) => i.link)).toEqual(['/benchmarks/RS-24-ASY-01?tab=dialogue']);
    // The facts the web app words the item from, in the reader's language.
    expect(ministry.items.find((i: any) => i.kind === 'proposal.unanswered').facts).toEqual({
      benchmark: 'RS-24-ASY-01',
      organisation: expect.any(String),
      days: 0,
    });
    const cso = (await as.cso.get('/api/inbox')).body;
    const answers = cso.items.filter((i: any) => i.kind === 'proposal.answered' && !demo.answerKeys.has(i.key));
    expect(answers.length).toBe(3);
    expect(answers.every((i: any) => i.unread)).toBe(true);
    expect(answers.map((i: any) => Object.keys(i.facts).sort())).toEqual(answers.map(() => ['benchmark', 'decision', 'revised']));
    expect((await as.cso.post('/api/inbox/read', { keys: [answers[0].key] })).status).toBe(204);
    expect((await as.cso.get('/api/inbox')).body.items.find((i: any) => i.key === answers[0].key).unread).toBe(false);
    expect((await as['cso.al'].get('/api/inbox')).body.items.filter((i: any) => i.kind.startsWith('proposal.'))).toEqual([]);
  });
});
