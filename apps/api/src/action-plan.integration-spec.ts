import 'reflect-metadata';
import { Workbook } from 'exceljs';
import type { ActionActivityDto } from '@bt/contracts';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// The Action Plan: overdue is computed from the deadline, corrective measures only on late activities, stale edits are 409.
jest.setTimeout(60_000);

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('action plan', () => {
  let api: TestApi;
  let ministry: ApiClient;
  let commission: ApiClient;
  let cso: ApiClient;
  let albania: ApiClient;
  let expert: ApiClient;

  beforeAll(async () => {
    api = await startTestApi();
    [ministry, commission, cso, albania, expert] = ['10.8.0.1', '10.8.0.2', '10.8.0.3', '10.8.0.4', '10.8.0.5'].map((ip) => api.client({ ip }));
    await Promise.all([
      ministry.signIn('ministry@demo.test'),
      commission.signIn('commission@demo.test'),
      cso.signIn('cso@demo.test'),
      albania.signIn('ministry.al@demo.test'),
      expert.signIn('expert@demo.test'),
    ]);
  });
  afterAll(() => api?.close());

  const activities = async (client: ApiClient, query = '') => (await client.get<ActionActivityDto[]>(`/api/action-plan/activities${query}`)).body;

  it('seeds Serbia Chapter 24 activities: some overdue, one with a corrective measure', async () => {
    const seeded = await activities(commission, '?country=RS');
    expect(seeded.length).toBeGreaterThanOrEqual(5);
    expect(seeded.filter((a) => a.overdue).length).toBeGreaterThanOrEqual(2);
    const aro = seeded.find((a) => a.benchmarkCode === 'RS-24-POL-07');
    expect(aro).toMatchObject({ overdue: true, status: 'in_progress', budget: { amount: 350000, currency: 'EUR', source: 'IPA 2020' } });
    expect(aro?.correctiveMeasures).toEqual([expect.objectContaining({ responsible: 'Ministry of Justice', status: 'open' })]);
    expect(aro?.progressNotes.length).toBe(2);
  });

  it('computes overdue from the deadline and filters by it, by status, area, benchmark and institution', async () => {
    const created = await ministry.post('/api/benchmarks/RS-24-DRG-05/activities', {
      code: '8.5.1',
      title: 'Secure storage for confiscated drugs',
      responsibleInstitution: 'Ministry of Interior, Service for Combating Drugs',
      deadline: isoDay(-1),
      budgetAmount: 80000,
      budgetCurrency: 'EUR',
      budgetSource: 'State budget',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: '8.5.1', status: 'planned', overdue: true, version: 1, area: { code: 'DRG' }, country: 'RS' });
    const future = await ministry.post('/api/benchmarks/RS-24-DRG-05/activities', {
      code: '8.5.2',
      title: 'Destruction of confiscated drugs',
      responsibleInstitution: 'Ministry of Health',
      deadline: isoDay(30),
    });
    expect(future.body.overdue).toBe(false);
    expect(
      (await ministry.post('/api/benchmarks/RS-24-DRG-05/activities', { code: '8.5.2', title: 'Again', responsibleInstitution: 'X', deadline: isoDay(30) }))
        .status,
    ).toBe(409);
    expect(
      (
        await ministry.post('/api/benchmarks/RS-24-DRG-05/activities', {
          code: '8.5.3',
          title: 'Half a budget',
          responsibleInstitution: 'X',
          deadline: isoDay(30),
          budgetAmount: 5,
        })
      ).status,
    ).toBe(422);

    const drugs = await activities(ministry, '?benchmark=RS-24-DRG-05');
    expect(drugs.map((a) => [a.code, a.overdue])).toEqual([
      ['8.5.1', true],
      ['8.5.2', false],
    ]);
    expect((await activities(ministry, '?area=DRG&overdue=true')).every((a) => a.overdue && a.area.code === 'DRG')).toBe(true);
    expect((await activities(ministry, '?institution=service for combating')).map((a) => a.code)).toEqual(['8.5.1']);
    expect((await activities(ministry, '?status=completed')).every((a) => a.status === 'completed')).toBe(true);
    expect((await ministry.get('/api/action-plan/activities?overdue=maybe')).status).toBe(400);

    // Completed is never overdue.
    const done = await ministry.patch(`/api/activities/${created.body.id}`, { version: 1, status: 'completed' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', overdue: false, version: 2 });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const [activity] = await activities(ministry, '?benchmark=RS-24-MIG-02');
    const first = await ministry.patch(`/api/activities/${activity.id}`, { version: activity.version, status: 'in_progress' });
    expect(first.status).toBe(200);
    const stale = await ministry.patch(`/api/activities/${activity.id}`, { version: activity.version, deadline: '2030-01-01' });
    expect(stale.status).toBe(409);
    const [after] = await activities(ministry, '?benchmark=RS-24-MIG-02');
    expect(after).toMatchObject({ status: 'in_progress', deadline: activity.deadline, version: activity.version + 1 });
  });

  it('answers a day that is not in the calendar, or null for a field a correction may only leave out, with 400, changing nothing', async () => {
    const [activity] = await activities(ministry, '?benchmark=RS-24-POL-07');
    const [late] = await activities(ministry, '?benchmark=RS-24-SCH-01');
    const refused: [string, Record<string, unknown>][] = [
      [`/api/activities/${activity.id}`, { version: activity.version, deadline: '2026-02-30' }],
      [`/api/activities/${activity.id}`, { version: activity.version, title: null }],
      [`/api/activities/${activity.id}`, { version: activity.version, status: null }],
    ];
    for (const [path, body] of refused) {
      const answer = await ministry.patch(path, body);
      expect([answer.status, JSON.stringify(answer.body.message)]).toEqual([
        400,
        expect.stringMatching(/deadline must be a date of the calendar|title must|status must/),
      ]);
    }
    const measure = await ministry.post(`/api/activities/${late.id}/corrective-measures`, {
      what: 'Recruit staff',
      responsible: 'Ministry of Interior',
      dueDate: '2027-02-29',
    });
    expect([measure.status, JSON.stringify(measure.body.message)]).toEqual([
      400,
      expect.stringMatching(/dueDate must be a date of the calendar such as 2026-12-31/),
    ]);
    // Text PostgreSQL cannot hold (a NUL character) is the caller's error too.
    expect((await ministry.post(`/api/activities/${activity.id}/progress-notes`, { text: 'Half\u0000done' })).status).toBe(400);
    const [after] = await activities(ministry, '?benchmark=RS-24-POL-07');
    expect(after).toEqual(activity);
  });

  it('allows corrective measures only on late activities, from the ministry or the Commission', async () => {
    const [late] = await activities(ministry, '?benchmark=RS-24-SCH-01');
    const [onTime] = (await activities(ministry, '?overdue=false')).filter((a) => a.status !== 'completed');
    const measure = { what: 'Adopt the Schengen Action Plan at the next Government session', responsible: 'Ministry of Interior', dueDate: isoDay(60) };
    expect((await ministry.post(`/api/activities/${onTime.id}/corrective-measures`, measure)).status).toBe(422);
    expect((await cso.post(`/api/activities/${late.id}/corrective-measures`, measure)).status).toBe(403);
    expect((await albania.post(`/api/activities/${late.id}/corrective-measures`, measure)).status).toBe(404);
    const added = await commission.post(`/api/activities/${late.id}/corrective-measures`, measure);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ activityId: late.id, status: 'open', createdBy: 'Claire Commission', recommendationId: null });
    const closed = await ministry.patch(`/api/corrective-measures/${added.body.id}`, { status: 'done' });
    expect(closed.body.status).toBe('done');
    const [event] = await api.sql(`SELECT data FROM audit_event WHERE action = 'action-plan.corrective-measure-updated' ORDER BY id DESC LIMIT 1`);
    expect(event.data.changed).toEqual({ status: { from: 'open', to: 'done' } });
  });

  it('keeps progress notes append-only with their author, and audits them', async () => {
    const [activity] = await activities(ministry, '?benchmark=RS-24-TER-01');
    const note = await ministry.post(`/api/activities/${activity.id}/progress-notes`, { text: 'Team members nominated.' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ text: 'Team members nominated.', author: 'Jelena Ministry' });
    expect((await cso.post(`/api/activities/${activity.id}/progress-notes`, { text: 'x' })).status).toBe(403);
    expect((await commission.post(`/api/activities/${activity.id}/progress-notes`, { text: 'x' })).status).toBe(403);
    const [after] = await activities(cso, '?benchmark=RS-24-TER-01');
    expect(after.progressNotes.at(-1)).toMatchObject({ text: 'Team members nominated.' });
    expect((await api.sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'action-plan.progress-noted'`))[0].n).toBe(1);
  });

  it('shows each caller only what they may see, and counts it for the dashboard', async () => {
    expect(await activities(albania)).toEqual([]);
    expect(await activities(expert)).toEqual([]);
    expect((await api.client().get('/api/action-plan/activities')).status).toBe(401);
    const summary = (await commission.get('/api/action-plan/summary?country=RS')).body;
    const all = await activities(commission, '?country=RS');
    expect(summary).toMatchObject({
      total: all.length,
      overdue: all.filter((a) => a.overdue).length,
      withCorrectiveMeasure: all.filter((a) => a.correctiveMeasures.length).length,
      byStatus: {
        planned: all.filter((a) => a.status === 'planned').length,
        in_progress: all.filter((a) => a.status === 'in_progress').length,
        completed: all.filter((a) => a.status === 'completed').length,
      },
    });
    expect(summary.areas.find((a: { code: string }) => a.code === 'DRG')).toMatchObject({ total: 3, completed: 1 });
    expect((await albania.get('/api/action-plan/summary')).body.total).toBe(0);
  });

  it('exports the filtered activities as an XLSX sheet', async () => {
    const response = await fetch(`${api.baseUrl}/api/action-plan/activities.xlsx?country=RS&overdue=true`, { headers: cso.browserHeaders() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('action-plan-RS.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const overdue = await activities(cso, '?country=RS&overdue=true');
    expect(sheet.rowCount).toBe(overdue.length + 1);
    const codes = sheet.getColumn(4).values.slice(2);
    expect(codes).toEqual(overdue.map((a) => a.code));
    expect(
      sheet
        .getColumn(9)
        .values.slice(2)
        .every((v) => v === 'yes'),
    ).toBe(true);
  });

  it("reminds the country's ministry of unfinished activities due within two weeks, in its inbox, and nobody else", async () => {
    const add = async (code: string, deadline: string) =>
      (
        await ministry.post('/api/benchmarks/RS-24-ASY-02/activities', {
          code,
          title: `Reminder test ${code}`,
          responsibleInstitution: 'Asylum Office',
          deadline,
        })
      ).body as ActionActivityDto;
    const soon = await add('9.9.1', isoDay(10));
    const later = await add('9.9.2', isoDay(20));
    const done = await add('9.9.3', isoDay(5));
    expect((await ministry.patch(`/api/activities/${done.id}`, { version: done.version, status: 'completed' })).status).toBe(200);
    const reminders = async (client: ApiClient) =>
      (
        (await client.get<{ items: { key: string; kind: string; facts: Record<string, string>; link: string; dueAt?: string }[] }>('/api/inbox')).body.items ??
        []
      ).filter((item) => item.kind === 'activity.due' && item.facts['activity'].includes('Reminder test'));
    expect(await reminders(ministry)).toEqual([
      {
        key: `activity-due:${soon.id}:${isoDay(10)}`,
        kind: 'activity.due',
        facts: { activity: '9.9.1 Reminder test 9.9.1', benchmark: 'RS-24-ASY-02' },
        title: 'Action Plan activity due: 9.9.1 Reminder test 9.9.1 (RS-24-ASY-02)',
        link: '/action-plan?benchmark=RS-24-ASY-02',
        at: `${isoDay(10)}T00:00:00.000Z`,
        dueAt: `${isoDay(10)}T00:00:00.000Z`,
        unread: true,
      },
    ]);
    expect(later.id).toBeTruthy();
    // The Commission, civil society and another country's ministry are not asked to finish Serbia's activities.
    for (const other of [commission, cso, albania]) expect(await reminders(other)).toEqual([]);
  });
});
