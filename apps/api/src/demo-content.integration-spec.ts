import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { AssessmentsDemoService } from '@bt/api/assessments';
import { BenchmarkWorkflowDemoService } from '@bt/api/benchmarks';
import { DialogueDemoService } from '@bt/api/dialogue';
import { EvidenceDemoService } from '@bt/api/evidence';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// What a new user finds on an empty database in demo mode: evidence, the civil-society dialogue,
// the three assessment voices on Serbia's Chapter 24 and one accepted benchmark (seeds/demo/evidence.json,
// dialogue.json, assessments.json, workflow.json).
describe('the demo content of Chapter 24', () => {
  let api: TestApi;
  const as = {} as Record<'cso' | 'coordinator' | 'commission' | 'ministry', ApiClient>;

  beforeAll(async () => {
    api = await startTestApi();
    let ip = 0;
    for (const account of ['cso', 'coordinator', 'commission', 'ministry'] as const) {
      as[account] = api.client({ ip: `10.9.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
  }, 60_000);
  afterAll(() => api?.close());

  it("puts the CSO's shadow assessment beside the Commission's and the self-assessment on the chapter overview, published as decided", async () => {
    const anonymous = api.client({ ip: '10.9.1.1' });
    const published = (await anonymous.get('/api/overview?country=RS&chapter=24')).body;
    expect(published.period).toBe('2025');
    const row = (overview: any, code: string) => overview.rows.find((r: any) => r.benchmark.code === code);
    // The public sees the shadow assessments; the other two voices once the benchmark is accepted, as POL-02 is.
    expect(row(published, 'RS-24-POL-10')).toMatchObject({ commission: null, ministry: null, civilSociety: [{ voice: 'civil_society' }] });
    expect(row(published, 'RS-24-POL-02')).toMatchObject({
      commission: { preparation: 'some_level', progress: 'some_progress' },
      ministry: { preparation: 'moderately_prepared', progress: 'good_progress' },
      civilSociety: [{ voice: 'civil_society', preparation: 'early_stage_to_some', progress: 'limited_progress' }],
    });

    const inside = (await as.cso.get('/api/overview?country=RS&chapter=24&period=2025')).body;
    const voiced = inside.rows.filter((r: any) => r.commission && r.ministry && r.civilSociety.length === 1);
    expect(voiced.map((r: any) => r.benchmark.code)).toEqual(['RS-24-POL-02', 'RS-24-POL-09', 'RS-24-POL-10', 'RS-24-POL-11', 'RS-24-DRG-04']);
    expect(row(inside, 'RS-24-POL-02')).toMatchObject({
      commission: { organisation: 'European Commission, DG Enlargement (demo)', preparation: 'some_level', progress: 'some_progress' },
      ministry: { organisation: 'Serbia, Negotiating Group for Chapter 24 (demo)', preparation: 'moderately_prepared', progress: 'good_progress' },
      civilSociety: [{ organisation: 'Serbian civil-society coalition for Chapter 24 (demo)' }],
    });
    // The voices do not simply agree.
    for (const r of voiced)
      expect(new Set([r.commission, r.ministry, r.civilSociety[0]].map((a: any) => `${a.preparation}/${a.progress}`)).size).toBeGreaterThan(1);
  });

  it("counts a chapter's figures as its overview shows it to each reader: benchmarks per area and state, each voice's grades", async () => {
    const anonymous = api.client({ ip: '10.9.1.2' });
    for (const [reader, client] of [
      ['the public', anonymous],
      ['a CSO', as.cso],
      ['the Commission', as.commission],
    ] as const) {
      const overview = (await client.get('/api/overview?country=RS&chapter=24&pageSize=200')).body;
      const figures = (await client.get('/api/overview/figures?country=RS&chapter=24')).body;
      expect({ reader, period: figures.period, periods: figures.periods }).toEqual({ reader, period: overview.period, periods: overview.periods });
      const states: Record<string, Record<string, number>> = {};
      for (const row of overview.rows) {
        const area = (states[row.benchmark.area] ??= { draft: 0, submitted: 0, peerReview: 0, accepted: 0 });
        area[row.benchmark.state]++;
      }
      expect(Object.fromEntries(figures.areas.map((a: any) => [a.code, a.states]))).toEqual(states);
      expect(figures.areas.reduce((sum: number, a: any) => sum + a.total, 0)).toBe(41);
      const grades: Record<string, { assessments: number; preparation: Record<string, number>; progress: Record<string, number> }> = {};
      for (const row of overview.rows) {
        for (const a of [row.commission, row.ministry, ...row.civilSociety].filter(Boolean)) {
          const voice = (grades[a.voice] ??= { assessments: 0, preparation: {}, progress: {} });
          voice.assessments++;
          voice.preparation[a.preparation] = (voice.preparation[a.preparation] ?? 0) + 1;
          voice.progress[a.progress] = (voice.progress[a.progress] ?? 0) + 1;
        }
      }
      expect({ reader, voices: Object.fromEntries(figures.voices.map(({ voice, ...counts }: any) => [voice, counts])) }).toEqual({ reader, voices: grades });
    }
    // The public sees the Commission's grade only where the benchmark is accepted; the Commission sees its own everywhere.
    const publicFigures = (await anonymous.get('/api/overview/figures?country=RS&chapter=24&period=2025')).body;
    const commissionFigures = (await as.commission.get('/api/overview/figures?country=RS&chapter=24&period=2025')).body;
    const commissionVoice = (figures: any) => figures.voices.find((v: any) => v.voice === 'commission')?.assessments ?? 0;
    expect(commissionVoice(publicFigures)).toBe(1);
    expect(commissionVoice(commissionFigures)).toBeGreaterThan(1);
    expect((await anonymous.get('/api/overview/figures?country=RS&chapter=x')).status).toBe(400);
  });

  it('pages the chapter overview in catalogue order, grades without their texts', async () => {
    const whole = (await as.cso.get('/api/overview?country=RS&chapter=24&period=2025&pageSize=200')).body;
    expect(whole.rows).toHaveLength(41);
    expect(whole.next).toBeNull();
    const codes: string[] = [];
    let after = '';
    for (let pages = 0; pages < 10; pages++) {
      const page = (await as.cso.get(`/api/overview?country=RS&chapter=24&period=2025&pageSize=15${after}`)).body;
      codes.push(...page.rows.map((r: any) => r.benchmark.code));
      if (!page.next) break;
      after = `&after=${page.next}`;
    }
    expect(codes).toEqual(whole.rows.map((r: any) => r.benchmark.code));
    const graded = whole.rows.find((r: any) => r.benchmark.code === 'RS-24-POL-02');
    expect(graded.benchmark.text).toBeUndefined();
    expect([graded.commission.text, graded.commission.author, graded.commission.preparation]).toEqual([undefined, undefined, 'some_level']);
  });

  it('measures the consideration of the demo proposals: three received, all answered, with a median', async () => {
    const figures = (await api.client({ ip: '10.9.1.2' }).get('/api/consideration?country=RS&chapter=24')).body;
    expect(figures.total.received).toBeGreaterThanOrEqual(3);
    // Answered after 4, 9 and 6 days.
    expect(figures.total).toMatchObject({
      answered: figures.total.received,
      accepted: 1,
      partlyAccepted: 1,
      notAccepted: 1,
      medianDaysToAnswer: 6,
      oldestUnansweredAt: null,
    });
    expect(figures.areas.find((a: any) => a.code === 'POL')).toMatchObject({ received: 3, answered: 3 });
  });

  it('shows the dialogue on a demo benchmark as a thread anchored on evidence, with the reasoned answer and a reply', async () => {
    const [thread] = (await as.cso.get('/api/benchmarks/RS-24-POL-10/proposals')).body;
    expect(thread).toMatchObject({
      kind: 'proposal',
      author: 'Milica Civil Society',
      evidence: { title: 'New units for high-tech crime and digital forensics' },
      answer: { decision: 'partly_accepted', author: 'Marko Coordinator' },
      daysToAnswer: 9,
    });
    expect(thread.replies.map((r: any) => [r.kind, r.author])).toEqual([['comment', 'Milica Civil Society']]);
    // The CSO finds the answers in its inbox; the ministry has nothing waiting.
    expect((await as.cso.get('/api/inbox')).body.items.filter((i: any) => i.kind === 'proposal.answered')).toHaveLength(3);
    expect((await as.ministry.get('/api/inbox')).body.items.filter((i: any) => i.kind === 'proposal.unanswered')).toEqual([]);
  });

  it('shows each reader the demo evidence its visibility allows, citing its source', async () => {
    const titles = async (client: ApiClient, code: string) =>
      ((await client.get(`/api/benchmarks/${code}/evidence`)).body as { title: string }[]).map((e) => e.title);
    const anonymous = api.client({ ip: '10.9.1.3' });
    expect(await titles(anonymous, 'RS-24-POL-02')).toEqual(['Strategic threat assessment (SOCTA) and intelligence-led policing']);
    expect(await titles(as.cso, 'RS-24-POL-02')).toHaveLength(2);
    expect(await titles(as.commission, 'RS-24-POL-10')).toEqual(['New units for high-tech crime and digital forensics']);
    expect(await titles(as.ministry, 'RS-24-POL-10')).toEqual([
      'New units for high-tech crime and digital forensics',
      'Training plan for cybercrime investigators (working draft)',
    ]);
    const [item] = (await anonymous.get('/api/benchmarks/RS-24-POL-02/evidence')).body;
    expect(item).toMatchObject({ author: 'Jelena Ministry', visibility: 'public', version: 1, narrative: expect.stringContaining('8888/1/20 REV 1') });
    expect((await anonymous.get(`/api/evidence/${item.id}/versions`)).body).toHaveLength(1);
  });

  it('leaves POL-10 ready to submit (shared evidence, no proposal waiting) and POL-02 accepted through the workflow, with its history', async () => {
    const detail = (await as.coordinator.get('/api/benchmarks/RS-24-POL-10')).body;
    expect(detail.availableEvents.find((e: { type: string }) => e.type === 'SUBMIT')).toEqual(expect.objectContaining({ enabled: true }));
    const accepted = (await as.coordinator.get('/api/benchmarks/RS-24-POL-02')).body;
    expect([accepted.state, accepted.version]).toEqual(['accepted', 3]);
    const history = (await as.coordinator.get('/api/benchmarks/RS-24-POL-02/history')).body.filter((e: { action: string }) =>
      e.action.startsWith('benchmark.'),
    );
    expect(history.map((e: { event: string; actor: string }) => [e.event, e.actor])).toEqual([
      ['SUBMIT', 'Marko Coordinator'],
      ['ACCEPT', 'Claire Commission'],
    ]);
    // The dialogue on it is closed, as on any accepted benchmark.
    expect((await as.cso.post('/api/benchmarks/RS-24-POL-02/proposals', { text: 'Too late?' })).status).toBe(409);
  });

  it('seeds once, each domain in one audited step, and not again on a database that has content', async () => {
    const events = await api.sql(
      `SELECT entity_type FROM audit_event WHERE action = 'demo.seeded' AND entity_type IN ('evidence', 'proposal', 'assessment', 'benchmark') ORDER BY id`,
    );
    expect(events.map((e) => e.entity_type)).toEqual(['evidence', 'proposal', 'assessment', 'benchmark']);
    const { seedsDir } = api.app.get<AppConfig>(APP_CONFIG);
    expect(await api.app.get(EvidenceDemoService).seedIfEmpty(seedsDir)).toBe(false);
    expect(await api.app.get(DialogueDemoService).seedIfEmpty(seedsDir)).toBe(false);
    expect(await api.app.get(AssessmentsDemoService).seedIfEmpty(seedsDir)).toBe(false);
    expect(await api.app.get(BenchmarkWorkflowDemoService).seedIfEmpty(seedsDir)).toBe(false);
    expect((await api.sql(`SELECT count(*)::int AS n FROM proposal`))[0].n).toBe(4);
  });
});
