import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// Peer-review missions through the real HTTP API: scope, experts' visibility, agenda, findings, the
// report's sharing with the ministry, recommendations with follow-up and corrective measures.
jest.setTimeout(60_000);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ACCOUNTS = ['commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number];

describe('peer-review missions over HTTP', () => {
  let api: TestApi;
  const as = {} as Record<Account, ApiClient>;
  let expertId: string;
  let ours: string;
  let theirs: string;

  const upload = async (client: ApiClient, path: string, name = 'document.pdf') => {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      body: form,
      headers: client.browserHeaders('POST'),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    api = await startTestApi();
    let ip = 0;
    for (const account of ACCOUNTS) {
      as[account] = api.client({ ip: `10.8.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    [{ id: expertId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'expert@demo.test'`);
    const mission = await as.commission.post('/api/missions', {
      title: 'Migration peer review 2026',
      benchmarks: ['RS-24-MIG-01', 'RS-24-MIG-02'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [expertId],
    });
    expect(mission.status).toBe(201);
    ours = mission.body.id;
    const other = await as.commission.post('/api/missions', {
      title: 'Asylum peer review',
      benchmarks: ['RS-24-ASY-01'],
      startDate: '2026-04-01',
      endDate: '2026-04-03',
      expertIds: [],
    });
    expect(other.status).toBe(201);
    theirs = other.body.id;
    for (const code of ['RS-24-MIG-02', 'RS-24-ASY-01']) {
      expect((await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: `Shared evidence on ${code}`, visibility: 'shared' })).status).toBe(201);
    }
  });
  afterAll(() => api?.close());

  it('plans a mission on benchmarks of one country only, with real experts', async () => {
    const mixed = await as.commission.post('/api/missions', {
      title: 'Mixed',
      benchmarks: ['RS-24-MIG-01', 'AL-24-XXX-01'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [],
    });
    expect(mixed.status).toBe(422);
    const notExpert = await as.commission.post('/api/missions', {
      title: 'x',
      benchmarks: ['RS-24-MIG-01'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [(await api.sql(`SELECT id FROM app_user WHERE email = 'cso@demo.test'`))[0].id],
    });
    expect(notExpert.status).toBe(422);
    expect(
      (await as.coordinator.post('/api/missions', { title: 'x', benchmarks: ['RS-24-MIG-01'], startDate: '2026-03-02', endDate: '2026-03-06', expertIds: [] }))
        .status,
    ).toBe(403);
    const detail = (await as.commission.get(`/api/missions/${ours}`)).body;
    expect(detail.benchmarks.map((b: { code: string }) => b.code)).toEqual(['RS-24-MIG-01', 'RS-24-MIG-02']);
    expect(detail.experts).toEqual([{ id: expertId, displayName: 'Erik Expert', memberState: 'DE' }]);
  });

  it('records who acted and from where: the controller hands the service the caller and its address (@Actor)', async () => {
    const meeting = await as.expert.post(`/api/missions/${ours}/meetings`, { meetsOn: '2026-03-03', institution: 'Border Police', participants: '' });
    expect(meeting.status).toBe(201);
    const events = await api.sql(
      `SELECT e.action, e.actor_ip, u.email FROM audit_event e JOIN app_user u ON u.id = e.actor_id
        WHERE e.entity_type = 'mission' AND e.entity_id = $1 AND e.action IN ('mission.created', 'mission.meeting_added') ORDER BY e.id`,
      [ours],
    );
    expect(events).toEqual([
      { action: 'mission.created', actor_ip: '10.8.0.1', email: 'commission@demo.test' },
      expect.objectContaining({ action: 'mission.meeting_added', actor_ip: '10.8.0.6', email: 'expert@demo.test' }),
    ]);
    expect((await as.commission.delete(`/api/missions/${ours}/meetings/${meeting.body.meetings[0].id}`)).status).toBe(204);
  });

  it('shows an expert only the missions, benchmarks’ evidence and documents of their own missions', async () => {
    expect((await upload(as.commission, `/api/missions/${ours}/terms-of-reference`, 'tor.pdf')).status).toBe(201);
    expect((await upload(as.commission, `/api/missions/${theirs}/terms-of-reference`, 'tor-asylum.pdf')).status).toBe(201);
    expect((await as.expert.get('/api/missions')).body.map((m: { id: string }) => m.id)).toEqual([ours]);
    expect((await as.expert.get(`/api/missions/${theirs}`)).status).toBe(404);
    expect((await as.expert.get(`/api/missions/${ours}/terms-of-reference`)).status).toBe(200);
    expect((await as.expert.get(`/api/missions/${theirs}/terms-of-reference`)).status).toBe(404);
    // Evidence of a benchmark in the mission's scope (not only the one the workflow planned it for), none elsewhere.
    const inScope = (await as.expert.get('/api/benchmarks/RS-24-MIG-02/evidence')).body as { title: string }[];
    expect(inScope.map((e) => e.title)).toContain('Shared evidence on RS-24-MIG-02');
    const outside = await as.expert.get('/api/benchmarks/RS-24-ASY-01/evidence');
    expect(outside.status === 200 ? outside.body.map((e: { title: string }) => e.title) : []).not.toContain('Shared evidence on RS-24-ASY-01');
    expect((await upload(as.expert, `/api/missions/${theirs}/report`)).status).toBe(404);
  });

  it('keeps agenda, findings and recommendations to the mission’s scope and people', async () => {
    const meeting = await as.expert.post(`/api/missions/${ours}/meetings`, {
      meetsOn: '2026-03-03',
      institution: 'Border Police Directorate',
      participants: 'Head of unit, two analysts',
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body.meetings).toEqual([expect.objectContaining({ institution: 'Border Police Directorate', meetsOn: '2026-03-03' })]);
    expect((await as.expert.put(`/api/missions/${ours}/findings/RS-24-MIG-01`, { text: 'Risk analysis exists but is not used.' })).status).toBe(200);
    expect((await as.expert.put(`/api/missions/${ours}/findings/RS-24-ASY-01`, { text: 'Out of scope' })).status).toBe(422);
    expect((await as.ministry.put(`/api/missions/${ours}/findings/RS-24-MIG-01`, { text: 'Ours' })).status).toBe(404);
    expect((await as.cso.get(`/api/missions/${ours}`)).status).toBe(404);
    expect((await as['ministry.al'].get(`/api/missions/${ours}`)).status).toBe(404);
    const recommendation = await as.expert.post(`/api/missions/${ours}/recommendations`, {
      benchmark: 'RS-24-MIG-02',
      text: 'Adopt a risk-analysis manual.',
      owner: 'Border Police Directorate',
      dueDate: '2026-12-31',
    });
    expect([recommendation.status, recommendation.body.status]).toEqual([201, 'open']);
  });

  it('hides the report, findings and recommendations from the ministry until the Commission shares it', async () => {
    expect((await upload(as.expert, `/api/missions/${ours}/report`, 'report.pdf')).status).toBe(201);
    const before = (await as.ministry.get(`/api/missions/${ours}`)).body;
    expect([before.report, before.findings, before.recommendations, before.may.followUp]).toEqual([null, [], [], false]);
    expect(before.meetings).toHaveLength(1); // the host ministry knows whom the experts meet
    // Nor does the benchmark page's mission panel name the report (its file, size and hash).
    expect((await as.ministry.get('/api/benchmarks/RS-24-MIG-01')).body.mission).toEqual(expect.objectContaining({ id: ours, report: null }));
    expect((await as.expert.get('/api/benchmarks/RS-24-MIG-01')).body.mission.report).toEqual(expect.objectContaining({ fileName: 'report.pdf' }));
    expect((await as.ministry.get(`/api/missions/${ours}/report`)).status).toBe(404);
    expect((await as.expert.post(`/api/missions/${ours}/report/share`)).status).toBe(404);
    expect((await as.ministry.post(`/api/missions/${ours}/report/share`)).status).toBe(404);
    const [recommendation] = (await as.commission.get(`/api/missions/${ours}`)).body.recommendations;
    expect((await as.ministry.patch(`/api/recommendations/${recommendation.id}`, { status: 'in_progress' })).status).toBe(404);

    expect((await as.commission.post(`/api/missions/${ours}/report/share`)).status).toBe(200);
    const after = (await as.ministry.get(`/api/missions/${ours}`)).body;
    expect(after.report).toEqual(expect.objectContaining({ fileName: 'report.pdf', sharedAt: expect.any(String) }));
    expect(after.findings).toHaveLength(1);
    expect((await as.ministry.get('/api/benchmarks/RS-24-MIG-01')).body.mission.report).toEqual(expect.objectContaining({ fileName: 'report.pdf' }));
    expect((await as.ministry.get(`/api/missions/${ours}/report`)).status).toBe(200);
    expect((await as['ministry.al'].get(`/api/missions/${ours}/report`)).status).toBe(404);
    // Shared is final: no replacement behind the ministry's back.
    expect((await upload(as.expert, `/api/missions/${ours}/report`, 'report-v2.pdf')).status).toBe(409);
  });

  it('follows a recommendation up with the evidence that answers it, and turns it into a corrective measure', async () => {
    const [recommendation] = (await as.ministry.get(`/api/missions/${ours}`)).body.recommendations;
    const [evidence] = await api.sql(`SELECT e.id FROM evidence e JOIN benchmark b ON b.id = e.benchmark_id WHERE b.code = 'RS-24-MIG-02'`);
    const [elsewhere] = await api.sql(`SELECT e.id FROM evidence e JOIN benchmark b ON b.id = e.benchmark_id WHERE b.code = 'RS-24-ASY-01'`);
    expect((await as.ministry.patch(`/api/recommendations/${recommendation.id}`, { evidenceIds: [elsewhere.id] })).status).toBe(422);
    const followed = await as.ministry.patch(`/api/recommendations/${recommendation.id}`, {
      status: 'in_progress',
      followUpNote: 'Manual drafted.',
      evidenceIds: [evidence.id],
    });
    expect([followed.status, followed.body.status, followed.body.evidence]).toEqual([
      200,
      'in_progress',
      [{ id: evidence.id, title: 'Shared evidence on RS-24-MIG-02' }],
    ]);
    expect((await as.expert.patch(`/api/recommendations/${recommendation.id}`, { status: 'implemented' })).status).toBe(403);

    expect((await as.ministry.post(`/api/recommendations/${recommendation.id}/corrective-measure`)).status).toBe(404);
    const measure = await as.commission.post(`/api/recommendations/${recommendation.id}/corrective-measure`);
    expect([measure.status, measure.body.correctiveMeasureId]).toEqual([201, expect.any(String)]);
    const [row] = await api.sql(`SELECT what, responsible, to_char(due_date, 'YYYY-MM-DD') AS due, recommendation_id FROM corrective_measure WHERE id = $1`, [
      measure.body.correctiveMeasureId,
    ]);
    expect(row).toEqual({
      what: 'Adopt a risk-analysis manual.',
      responsible: 'Border Police Directorate',
      due: '2026-12-31',
      recommendation_id: recommendation.id,
    });
    expect((await as.commission.post(`/api/recommendations/${recommendation.id}/corrective-measure`)).status).toBe(409);
    // The Action Plan lists it beside the activities, for whoever reads the country's records.
    for (const who of ['ministry', 'commission', 'cso'] as const) {
      // The mission itself is named only to those who see it (civil society does not).
      const mission = who === 'cso' ? null : { id: ours, title: 'Migration peer review 2026' };
      expect((await as[who].get('/api/action-plan/recommendation-measures?benchmark=RS-24-MIG-02')).body).toEqual([
        expect.objectContaining({
          id: measure.body.correctiveMeasureId,
          what: 'Adopt a risk-analysis manual.',
          benchmarkCode: 'RS-24-MIG-02',
          mission,
          recommendationStatus: 'in_progress',
        }),
      ]);
    }
    expect((await as['ministry.al'].get('/api/action-plan/recommendation-measures?benchmark=RS-24-MIG-02')).body).toEqual([]);
    // The ministry closes it like any corrective measure.
    expect((await as.ministry.patch(`/api/corrective-measures/${measure.body.correctiveMeasureId}`, { status: 'done' })).body.status).toBe('done');
  });

  it('turns a recommendation into a corrective measure only once the report is shared with the ministry', async () => {
    const added = await as.commission.post(`/api/missions/${theirs}/recommendations`, {
      benchmark: 'RS-24-ASY-01',
      text: 'Publish asylum statistics monthly.',
      owner: 'Asylum Office',
      dueDate: '2026-09-30',
    });
    expect(added.status).toBe(201);
    const recommendation = added.body;
    const refused = await as.commission.post(`/api/recommendations/${recommendation.id}/corrective-measure`);
    expect([refused.status, refused.body.message]).toEqual([422, expect.stringMatching(/Share the mission report with the ministry first/)]);
    expect(await api.sql(`SELECT id FROM corrective_measure WHERE recommendation_id = $1`, [recommendation.id])).toEqual([]);
  });

  it('keeps the workflow’s one-benchmark mission working, now with a scope', async () => {
    expect((await as.coordinator.post('/api/benchmarks/RS-24-VIS-02/evidence', { title: 'Visa policy', visibility: 'shared' })).status).toBe(201);
    expect((await as.coordinator.post('/api/benchmarks/RS-24-VIS-02/transitions', { event: 'SUBMIT', version: 1 })).status).toBe(200);
    const start = await as.commission.post('/api/benchmarks/RS-24-VIS-02/transitions', {
      event: 'START_PEER_REVIEW',
      version: 2,
      mission: { startDate: '2026-01-05', endDate: '2026-01-07', expertIds: [expertId] },
    });
    expect(start.status).toBe(200);
    const { mission } = (await as.expert.get('/api/benchmarks/RS-24-VIS-02')).body;
    const listed = (await as.expert.get('/api/missions')).body.find((m: { id: string }) => m.id === mission.id);
    expect(listed).toEqual(expect.objectContaining({ countryCode: 'RS', benchmarks: [expect.objectContaining({ code: 'RS-24-VIS-02' })] }));
  });

  it('reminds experts of a mission starting within a week', async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const created = await as.commission.post('/api/missions', {
      title: 'Soon',
      benchmarks: ['RS-24-MIG-03'],
      startDate: soon,
      endDate: soon,
      expertIds: [expertId],
    });
    const items = (await as.expert.get('/api/inbox')).body.items as { kind: string; link: string }[];
    expect(items).toContainEqual(expect.objectContaining({ kind: 'mission.starting', link: `/missions/${created.body.id}` }));
  });

  // Corrections after planning: PATCH /api/missions/:id, and the agenda's PUT and DELETE.
  const auditCount = async (missionId: string) =>
    (await api.sql(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'mission' AND entity_id = $1`, [missionId]))[0].n as number;

  it('lets the Commission correct title, dates, experts and scope of a mission, audited with before and after', async () => {
    const planned = await as.commission.post('/api/missions', {
      title: 'Police cooperation',
      benchmarks: ['RS-24-POL-01'],
      startDate: '2026-05-04',
      endDate: '2026-05-06',
      expertIds: [expertId],
    });
    expect(planned.status).toBe(201);
    const id = planned.body.id;
    const corrected = await as.commission.patch(`/api/missions/${id}`, {
      title: 'Police cooperation peer review',
      startDate: '2026-05-11',
      endDate: '2026-05-15',
      expertIds: [],
      benchmarks: ['RS-24-POL-01', 'RS-24-POL-02'],
      version: 1,
    });
    expect(corrected.status).toBe(200);
    const detail = (await as.commission.get(`/api/missions/${id}`)).body;
    expect([detail.title, detail.startDate, detail.endDate, detail.experts]).toEqual(['Police cooperation peer review', '2026-05-11', '2026-05-15', []]);
    expect(detail.benchmarks.map((b: { code: string }) => b.code)).toEqual(['RS-24-POL-01', 'RS-24-POL-02']);
    // The expert left the mission, and with it its page.
    expect((await as.expert.get(`/api/missions/${id}`)).status).toBe(404);
    // Only what is given changes.
    expect((await as.commission.patch(`/api/missions/${id}`, { endDate: '2026-05-16', version: 2 })).body).toEqual(
      expect.objectContaining({ title: 'Police cooperation peer review', startDate: '2026-05-11', endDate: '2026-05-16', version: 3 }),
    );
    const events = await api.sql(`SELECT data FROM audit_event WHERE action = 'mission.updated' AND entity_id = $1 ORDER BY id`, [id]);
    expect(events).toHaveLength(2);
    expect(events[0].data.before).toEqual(
      expect.objectContaining({ title: 'Police cooperation', startDate: '2026-05-04', endDate: '2026-05-06', expertIds: [expertId] }),
    );
    expect(events[0].data.after).toEqual(
      expect.objectContaining({ title: 'Police cooperation peer review', startDate: '2026-05-11', endDate: '2026-05-15', expertIds: [] }),
    );
    expect(events[0].data.after.benchmarks).toHaveLength(2);
  });

  it('refuses each broken rule with 422 and a reason, changing nothing', async () => {
    // `ours`: a meeting on 2026-03-03 with the Border Police Directorate, a finding on MIG-01, a recommendation on MIG-02.
    const [{ id: workflowMission }] = await api.sql(`SELECT m.id FROM mission m JOIN benchmark b ON b.id = m.benchmark_id WHERE b.code = 'RS-24-VIS-02'`);
    const [{ id: csoId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'cso@demo.test'`);
    // A benchmark of another country that exists, so the country rule itself is what refuses it.
    const [area] = await api.sql(
      `INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('AL', 24, 'MIG', 'Migration', 1) RETURNING id`,
    );
    await api.sql(`INSERT INTO benchmark (code, area_id, position, text) VALUES ('AL-24-MIG-01', $1, 1, 'Albania test benchmark')`, [area.id]);
    const refusals: [string, Record<string, unknown>, RegExp][] = [
      [ours, { title: 'Changed', startDate: '2026-03-06', endDate: '2026-03-02' }, /cannot end before it starts/],
      [ours, { title: 'Changed', startDate: '2026-03-04' }, /Border Police Directorate on 2026-03-03/],
      [ours, { title: 'Changed', benchmarks: ['RS-24-MIG-01', 'RS-24-MIG-02', 'AL-24-MIG-01'] }, /AL-24-MIG-01 is not a benchmark of RS/],
      [ours, { title: 'Changed', benchmarks: ['RS-24-MIG-02'] }, /keeps RS-24-MIG-01: the mission has findings/],
      [ours, { title: 'Changed', benchmarks: ['RS-24-MIG-01'] }, /keeps RS-24-MIG-02: the mission has findings or recommendations/],
      [ours, { title: 'Changed', expertIds: [csoId] }, /expert role/],
      [workflowMission, { title: 'Changed', benchmarks: ['RS-24-VIS-01'] }, /keeps RS-24-VIS-02: its workflow planned this mission/],
    ];
    for (const [id, body, reason] of refusals) {
      const before = (await as.commission.get(`/api/missions/${id}`)).body;
      const audited = await auditCount(id);
      const refused = await as.commission.patch(`/api/missions/${id}`, { ...body, version: before.version });
      expect([refused.status, refused.body.message]).toEqual([422, expect.stringMatching(reason)]);
      expect((await as.commission.get(`/api/missions/${id}`)).body).toEqual(before);
      expect(await auditCount(id)).toBe(audited);
    }
  });

  it('refuses a correction made on an older version (409) or naming none (400), changing nothing', async () => {
    const planned = await as.commission.post('/api/missions', {
      title: 'Schengen',
      benchmarks: ['RS-24-SCH-01'],
      startDate: '2026-06-01',
      endDate: '2026-06-03',
      expertIds: [],
    });
    const id = planned.body.id;
    expect(planned.body.version).toBe(1);
    // Two people opened the mission at version 1; the first correction wins.
    expect((await as.commission.patch(`/api/missions/${id}`, { title: 'Schengen peer review', version: 1 })).status).toBe(200);
    const before = (await as.commission.get(`/api/missions/${id}`)).body;
    const audited = await auditCount(id);
    const stale = await as.commission.patch(`/api/missions/${id}`, { endDate: '2026-06-05', version: 1 });
    expect([stale.status, stale.body.message]).toEqual([409, 'The mission changed meanwhile (version 2, not 1): reload and try again.']);
    const unversioned = await as.commission.patch(`/api/missions/${id}`, { endDate: '2026-06-05' });
    expect([unversioned.status, JSON.stringify(unversioned.body.message)]).toEqual([400, expect.stringMatching(/version must be/)]);
    expect((await as.commission.get(`/api/missions/${id}`)).body).toEqual(before);
    expect(await auditCount(id)).toBe(audited);
  });

  it('answers a day that is not in the calendar, a null or blank title, a blank finding with 400 — planning, correcting, the agenda, findings, a recommendation, START_PEER_REVIEW', async () => {
    const before = (await as.commission.get(`/api/missions/${ours}`)).body;
    const missions = (await as.commission.get('/api/missions')).body.length;
    const answers = [
      await as.commission.post('/api/missions', { title: 'Leap', benchmarks: ['RS-24-MIG-01'], startDate: '2026-02-29', endDate: '2026-03-01', expertIds: [] }),
      await as.commission.patch(`/api/missions/${ours}`, { version: before.version, endDate: '2026-03-32' }),
      await as.commission.patch(`/api/missions/${ours}`, { version: before.version, title: null }),
      await as.commission.post(`/api/missions/${ours}/meetings`, { meetsOn: '2026-02-30', institution: 'Border Police' }),
      await as.commission.post(`/api/missions/${ours}/recommendations`, { benchmark: 'RS-24-MIG-01', text: 'Train', owner: 'Police', dueDate: '2026-04-31' }),
      await as.commission.post('/api/benchmarks/RS-24-MIG-03/transitions', {
        event: 'START_PEER_REVIEW',
        version: 1,
        mission: { startDate: '2026-06-31', endDate: '2026-07-02', expertIds: [] },
      }),
    ];
    // Spaces are not a title, nor a finding.
    answers.push(
      await as.commission.post('/api/missions', { title: '  ', benchmarks: ['RS-24-MIG-01'], startDate: '2026-03-02', endDate: '2026-03-03', expertIds: [] }),
    );
    answers.push(await as.commission.put(`/api/missions/${ours}/findings/RS-24-MIG-01`, { text: ' \n ' }));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400]);
    expect(JSON.stringify(answers[0].body.message)).toMatch(/startDate must be a date of the calendar such as 2026-03-01/);
    expect((await as.commission.get(`/api/missions/${ours}`)).body).toEqual(before);
    expect((await as.commission.get('/api/missions')).body).toHaveLength(missions);
  });

  it('lets only the Commission correct a mission or its agenda', async () => {
    const [meeting] = (await as.commission.get(`/api/missions/${ours}`)).body.meetings;
    const before = (await as.commission.get(`/api/missions/${ours}`)).body;
    for (const who of ['ministry', 'expert'] as const) {
      expect((await as[who].patch(`/api/missions/${ours}`, { title: 'Ours now', version: before.version })).status).toBe(403);
      expect((await as[who].put(`/api/missions/${ours}/meetings/${meeting.id}`, { meetsOn: '2026-03-04', institution: 'Elsewhere' })).status).toBe(403);
      expect((await as[who].delete(`/api/missions/${ours}/meetings/${meeting.id}`)).status).toBe(403);
    }
    expect((await as.commission.get(`/api/missions/${ours}`)).body).toEqual(before);
  });

  it('corrects and removes a meeting of the agenda, within the mission’s dates; a meeting of another mission is 404', async () => {
    // Adding keeps to the dates as well.
    expect((await as.commission.post(`/api/missions/${theirs}/meetings`, { meetsOn: '2026-04-05', institution: 'Asylum Office' })).status).toBe(422);
    const added = await as.commission.post(`/api/missions/${theirs}/meetings`, { meetsOn: '2026-04-02', institution: 'Asylum Ofice' });
    expect(added.status).toBe(201);
    const [meeting] = added.body.meetings;
    // Through another mission, the meeting does not exist.
    expect((await as.commission.put(`/api/missions/${ours}/meetings/${meeting.id}`, { meetsOn: '2026-03-03', institution: 'Asylum Office' })).status).toBe(404);
    expect((await as.commission.delete(`/api/missions/${ours}/meetings/${meeting.id}`)).status).toBe(404);
    expect((await as.commission.put(`/api/missions/${theirs}/meetings/${meeting.id}`, { meetsOn: '2026-04-04', institution: 'Asylum Office' })).status).toBe(
      422,
    );

    const corrected = await as.commission.put(`/api/missions/${theirs}/meetings/${meeting.id}`, {
      meetsOn: '2026-04-03',
      institution: 'Asylum Office',
      participants: 'Head of office',
    });
    expect([corrected.status, corrected.body.meetings]).toEqual([
      200,
      [{ id: meeting.id, meetsOn: '2026-04-03', institution: 'Asylum Office', participants: 'Head of office' }],
    ]);
    const removed = await as.commission.delete(`/api/missions/${theirs}/meetings/${meeting.id}`);
    expect(removed.status).toBe(204);
    expect((await as.commission.get(`/api/missions/${theirs}`)).body.meetings).toEqual([]);
    expect((await as.commission.delete(`/api/missions/${theirs}/meetings/${meeting.id}`)).status).toBe(404);
    const events = await api.sql(
      `SELECT action, data FROM audit_event WHERE entity_id = $1 AND action IN ('mission.meeting_corrected', 'mission.meeting_removed') ORDER BY id`,
      [theirs],
    );
    expect(events).toEqual([
      {
        action: 'mission.meeting_corrected',
        data: {
          meetingId: meeting.id,
          before: { meetsOn: '2026-04-02', institution: 'Asylum Ofice', participants: '' },
          after: { meetsOn: '2026-04-03', institution: 'Asylum Office', participants: 'Head of office' },
        },
      },
      {
        action: 'mission.meeting_removed',
        data: { meetingId: meeting.id, before: { meetsOn: '2026-04-03', institution: 'Asylum Office', participants: 'Head of office' } },
      },
    ]);
  });
});
