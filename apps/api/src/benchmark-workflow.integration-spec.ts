import { pathName, pathsThroughEveryTransition } from './testing/machine-paths';
import type { TaskDto } from '@bt/contracts';
import type { ApiClient } from '@bt/testing';
import {
  type BenchmarkEvent,
  type BenchmarkEventType,
  type BenchmarkFacts,
  BENCHMARK_EVENTS,
  benchmarkMachine,
  explainEvent,
  mayFire,
  type Role,
  type WorkflowActor,
} from '@bt/workflow';
import { startTestApi, type TestApi } from './testing/test-api';
import { today } from '@bt/api/benchmarks';
import { verifyAuditChain } from '@bt/api/audit';
import { DataSource } from 'typeorm';

// The benchmark workflow through the real HTTP API, against PostgreSQL, signed in as the demo accounts.
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ACCOUNTS = ['admin', 'commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number];
const ROLES: Record<Account, WorkflowActor> = {
  admin: { roles: new Set<Role>(['admin']), coordinator: false, countryCode: null, assignedExpert: false },
  commission: { roles: new Set<Role>(['commission']), coordinator: false, countryCode: null, assignedExpert: false },
  coordinator: { roles: new Set<Role>(['ministry']), coordinator: true, countryCode: 'RS', assignedExpert: false },
  ministry: { roles: new Set<Role>(['ministry']), coordinator: false, countryCode: 'RS', assignedExpert: false },
  'ministry.al': { roles: new Set<Role>(['ministry']), coordinator: true, countryCode: 'AL', assignedExpert: false },
  cso: { roles: new Set<Role>(['civil_society']), coordinator: false, countryCode: 'RS', assignedExpert: false },
  expert: { roles: new Set<Role>(['expert']), coordinator: false, countryCode: null, assignedExpert: true },
};
/** Who fires each event on a happy path. */
const FIRED_BY: Record<BenchmarkEventType, Account> = {
  SUBMIT: 'coordinator',
  REQUEST_CHANGES: 'commission',
  START_PEER_REVIEW: 'commission',
  BEGIN_FIELDWORK: 'expert',
  SUBMIT_MISSION_REPORT: 'expert',
  ACCEPT: 'commission',
  REOPEN: 'commission',
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('the benchmark workflow over HTTP', () => {
  let api: TestApi;
  const as = {} as Record<Account, ApiClient>;
  let expertId: string;
  let codes: string[];

  beforeAll(async () => {
    api = await startTestApi();
    let ip = 0;
    for (const account of ACCOUNTS) {
      as[account] = api.client({ ip: `10.4.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    [{ id: expertId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'expert@demo.test'`);
    // Fresh: nothing recorded on it yet, the demo content included (its shared evidence would meet conditions the tests expect unmet).
    codes = (
      await api.sql(`SELECT code FROM benchmark b WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.benchmark_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.benchmark_id = b.id) AND NOT EXISTS (SELECT 1 FROM assessment s WHERE s.benchmark_id = b.id) ORDER BY code`)
    ).map((r) => r.code);
  });
  afterAll(() => api?.close());

  const freshBenchmark = () => codes.shift() as string;
  const detail = async (code: string) => (await as.commission.get(`/api/benchmarks/${code}`)).body;
  const auditCount = async () => Number((await api.sql(`SELECT count(*) AS n FROM audit_event`))[0].n);

  /** The payload and the data each event needs, prepared as the real users would. */
  async function fire(code: string, type: BenchmarkEventType, by: Account = FIRED_BY[type]) {
    const { version } = await detail(code);
    const body: Record<string, unknown> = { event: type, version };
    if (type === 'SUBMIT' && (await as.coordinator.get(`/api/benchmarks/${code}/evidence`)).body.length === 0) {
      expect(
        (await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Track record 2025', narrative: 'Figures attached.', visibility: 'shared' }))
          .status,
      ).toBe(201);
    }
    if (type === 'REQUEST_CHANGES') body['comment'] = 'Please add the 2025 conviction figures.';
    if (type === 'START_PEER_REVIEW') body['mission'] = { startDate: daysAgo(3), endDate: daysAgo(1), expertIds: [expertId] };
    if (type === 'SUBMIT_MISSION_REPORT') {
      const { mission } = await detail(code);
      const form = new FormData();
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'mission-report.pdf');
      const response = await fetch(`${api.baseUrl}/api/missions/${mission.id}/report`, {
        method: 'POST',
        body: form,
        headers: as.expert.browserHeaders('POST'),
      });
      expect(response.status).toBe(201);
    }
    if (type === 'ACCEPT') body['assessment'] = { preparation: 'some_to_moderate', progress: 'good_progress', text: 'Good progress on the legal framework.' };
    if (type === 'REOPEN') body['justification'] = 'Updated interim benchmarks were adopted.';
    return as[by].post(`/api/benchmarks/${code}/transitions`, body);
  }

  const happyFacts: BenchmarkFacts = {
    sharedEvidenceCount: 1,
    unansweredProposalCount: 0,
    mission: { startDate: '2000-01-01', endDate: '2000-01-02', expertCount: 1, hasReport: true },
    missionRequired: false,
    today: '2100-01-01',
  };
  const happyEvents: BenchmarkEvent[] = [
    { type: 'SUBMIT', facts: happyFacts },
    { type: 'REQUEST_CHANGES', comment: 'x', facts: happyFacts },
    { type: 'START_PEER_REVIEW', mission: { startDate: '2000-01-01', endDate: '2000-01-02', expertIds: ['e'] }, facts: happyFacts },
    { type: 'BEGIN_FIELDWORK', facts: happyFacts },
    { type: 'SUBMIT_MISSION_REPORT', facts: happyFacts },
    { type: 'ACCEPT', assessment: { preparation: 'some_level', progress: 'some_progress', text: 'x' }, facts: happyFacts },
    { type: 'REOPEN', justification: 'x', facts: happyFacts },
  ];
  // Every simple path, plus each simple path extended by one transition back into a visited state
  // (REQUEST_CHANGES, REOPEN), so every transition of the machine is driven at least once.
  const paths = pathsThroughEveryTransition(benchmarkMachine, happyEvents, ['REQUEST_CHANGES', 'REOPEN']);

  it('has simple paths to every state', () => {
    expect(paths.length).toBeGreaterThanOrEqual(5);
  });

  it.each(paths.map((p) => [pathName(p), p] as const))('drives the path %s', async (_name, path) => {
    const code = freshBenchmark();
    const events = path.steps.slice(1).map((s) => s.event.type as BenchmarkEventType);
    for (const type of events) {
      const answer = await fire(code, type);
      expect([type, answer.status, answer.body]).toEqual([type, 200, expect.objectContaining({ version: expect.any(Number) })]);
    }
    const end = await detail(code);
    const value = path.state.value;
    expect(end.state).toBe(typeof value === 'string' ? value : Object.keys(value)[0]);
    expect(end.stage).toBe(typeof value === 'string' ? null : Object.values(value)[0]);
    expect(end.version).toBe(1 + events.length);
    const history = (await as.commission.get(`/api/benchmarks/${code}/history`)).body as { event: string | null }[];
    expect(history.map((h) => h.event).filter(Boolean)).toEqual(events);
  });

  describe('refuses what is not allowed, and changes nothing', () => {
    const STATES: { name: string; events: BenchmarkEventType[] }[] = [
      { name: 'draft', events: [] },
      { name: 'submitted', events: ['SUBMIT'] },
      { name: 'peerReview.planned', events: ['SUBMIT', 'START_PEER_REVIEW'] },
      { name: 'peerReview.fieldwork', events: ['SUBMIT', 'START_PEER_REVIEW', 'BEGIN_FIELDWORK'] },
      { name: 'peerReview.reported', events: ['SUBMIT', 'START_PEER_REVIEW', 'BEGIN_FIELDWORK', 'SUBMIT_MISSION_REPORT'] },
      { name: 'accepted', events: ['SUBMIT', 'ACCEPT'] },
    ];

    it.each(STATES.map((s) => [s.name, s] as const))('in %s: every event × role that may not fire answers 401/403/409/422', async (_name, state) => {
      const code = freshBenchmark();
      for (const type of state.events) expect((await fire(code, type)).status).toBe(200);
      const before = await detail(code);
      const auditBefore = await auditCount();
      const value = state.name.includes('.') ? { peerReview: state.name.split('.')[1] } : state.name;
      const outcomes: string[] = [];
      const wanted: string[] = [];
      for (const type of BENCHMARK_EVENTS) {
        for (const account of ['anonymous', ...ACCOUNTS] as const) {
          const facts = { ...happyFacts, hasReport: state.name === 'peerReview.reported' };
          const event = happyEvents.find((e) => e.type === type) as BenchmarkEvent;
          const explanation = explainEvent(value, {
            ...event,
            facts: { ...facts, mission: { ...happyFacts.mission!, hasReport: state.name === 'peerReview.reported' } },
          });
          let expected: number;
          if (account === 'anonymous') expected = 401;
          else if (!explanation.handled) expected = 409;
          else if (mayFire(ROLES[account], type, 'RS')) expected = 403;
          else if (explanation.unmet) expected = 422;
          else continue; // the one allowed combination: the path tests fire it
          const client = account === 'anonymous' ? api.client() : as[account];
          if (account === 'anonymous') await client.get('/api/health');
          const answer = await client.post(`/api/benchmarks/${code}/transitions`, {
            event: type,
            version: before.version,
            comment: 'c',
            justification: 'j',
            assessment: { preparation: 'some_level', progress: 'some_progress', text: 't' },
            mission: { startDate: daysAgo(3), endDate: daysAgo(1), expertIds: [expertId] },
          });
          outcomes.push(`${type} by ${account}: ${answer.status}`);
          wanted.push(`${type} by ${account}: ${expected}`);
        }
      }
      expect(outcomes).toEqual(wanted);
      const after = await detail(code);
      expect([after.state, after.stage, after.version]).toEqual([before.state, before.stage, before.version]);
      expect(await auditCount()).toBe(auditBefore);
    });

    it('names the unmet condition: SUBMIT without shared evidence', async () => {
      const code = freshBenchmark();
      await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Internal draft', visibility: 'internal' });
      const answer = await as.coordinator.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: 1 });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        code: 'workflow.shared-evidence-needed',
        params: { event: 'SUBMIT' },
        message: 'SUBMIT needs more first: at least one evidence item shared with reviewers is needed.',
      });
    });

    it('names the unmet condition: SUBMIT with an unanswered civil-society proposal, allowed once answered', async () => {
      const code = freshBenchmark();
      await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Statistics', visibility: 'shared' });
      const proposal = await as.cso.post(`/api/benchmarks/${code}/proposals`, { text: 'Publish the data per court.' });
      expect(proposal.status).toBe(201);
      const blocked = await as.coordinator.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: 1 });
      expect([blocked.status, blocked.body.code, blocked.body.params]).toEqual([
        422,
        'workflow.proposals-unanswered',
        { event: 'SUBMIT', count: 1, excerpts: ' ("Publish the data per court.")' },
      ]);
      expect(blocked.body.message).toBe('SUBMIT needs more first: civil-society proposals still need a reasoned answer: 1 ("Publish the data per court.").');
      expect(
        (await as.ministry.post(`/api/proposals/${proposal.body.id}/response`, { decision: 'partly_accepted', reasoning: 'Per court from 2027.' })).status,
      ).toBe(200);
      expect((await as.coordinator.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: 1 })).status).toBe(200);
    });

    it('answers a stale version with 409', async () => {
      const code = freshBenchmark();
      expect((await fire(code, 'SUBMIT')).status).toBe(200);
      const stale = await as.commission.post(`/api/benchmarks/${code}/transitions`, { event: 'REQUEST_CHANGES', version: 1, comment: 'x' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'benchmark.changed-meanwhile', params: { current: 2, sent: 1 } });
      expect(stale.body.message).toMatch(/changed meanwhile/);
    });

    it('keeps evidence read-only while submitted (409) and open again after changes are requested', async () => {
      const code = freshBenchmark();
      expect((await fire(code, 'SUBMIT')).status).toBe(200);
      expect((await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Late', visibility: 'shared' })).status).toBe(409);
      expect((await fire(code, 'REQUEST_CHANGES')).status).toBe(200);
      expect((await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Revised', visibility: 'shared' })).status).toBe(201);
    });

    it('does not let the Commission see internal evidence, nor civil society, nor the public', async () => {
      const code = freshBenchmark();
      await as.ministry.post(`/api/benchmarks/${code}/evidence`, { title: 'Internal note', visibility: 'internal' });
      await as.ministry.post(`/api/benchmarks/${code}/evidence`, { title: 'Shared figures', visibility: 'shared' });
      const titles = async (client: ApiClient) => ((await client.get(`/api/benchmarks/${code}/evidence`)).body as { title: string }[]).map((e) => e.title);
      expect(await titles(as.coordinator)).toEqual(['Internal note', 'Shared figures']);
      expect(await titles(as.commission)).toEqual(['Shared figures']);
      expect(await titles(as.cso)).toEqual(['Shared figures']);
      expect(await titles(as['ministry.al'])).toEqual([]);
      expect(await titles(api.client())).toEqual([]);
    });
  });

  it('lets exactly one of 20 concurrent identical transitions through: 19 × 409, one audit event', async () => {
    const code = freshBenchmark();
    await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Statistics', visibility: 'shared' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => as.coordinator.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: 1 })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const [{ n }] = await api.sql(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'benchmark.SUBMIT' AND entity_id = (SELECT id::text FROM benchmark WHERE code = $1)`,
      [code],
    );
    expect(n).toBe(1);
    expect((await detail(code)).version).toBe(2);
  });

  it('commits transitions of many benchmarks side by side, each with its audit event, in one unbroken chain', async () => {
    const batch = Array.from({ length: 12 }, () => freshBenchmark());
    for (const code of batch) await as.coordinator.post(`/api/benchmarks/${code}/evidence`, { title: 'Statistics', visibility: 'shared' });
    const before = await auditCount();
    const submitted = await Promise.all(batch.map((code) => as.coordinator.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version: 1 })));
    expect(submitted.map((a) => a.status)).toEqual(batch.map(() => 200));
    // A stale one among them: refused, rolled back, nothing recorded; the others go through.
    const sentBack = await Promise.all([
      ...batch.map((code) => as.commission.post(`/api/benchmarks/${code}/transitions`, { event: 'REQUEST_CHANGES', version: 2, comment: 'More figures.' })),
      as.commission.post(`/api/benchmarks/${batch[0]}/transitions`, { event: 'REQUEST_CHANGES', version: 1, comment: 'Stale.' }),
    ]);
    expect(sentBack.map((a) => a.status)).toEqual([...batch.map(() => 200), 409]);
    expect(await auditCount()).toBe(before + 2 * batch.length);
    for (const code of batch) expect(await detail(code)).toMatchObject({ state: 'draft', version: 3 });
    expect(await verifyAuditChain(api.app.get(DataSource))).toMatchObject({ firstBroken: null });
  });

  it('shows each role what awaits it', async () => {
    const kinds = async (client: ApiClient) => ((await client.get('/api/tasks')).body as { kind: string }[]).map((t) => t.kind);
    expect(await kinds(as.coordinator)).toContain('submit');
    expect(await kinds(as.commission)).toContain('review');
    expect(await kinds(as.cso)).toEqual([]);
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("gives the coordinator's revise task the Commission's reason, and no other task a reason", async () => {
    // The fresh benchmarks are used up by now: one sent back before (so it can be submitted again) serves.
    const [{ code }] = await api.sql(`SELECT b.code FROM benchmark b WHERE b.state = 'draft' AND EXISTS (SELECT 1 FROM audit_event e
      WHERE e.entity_type = 'benchmark' AND e.entity_id = b.id::text AND e.data->>'event' = 'REQUEST_CHANGES') ORDER BY b.code LIMIT 1`);
    await fire(code, 'SUBMIT');
    const { version } = await detail(code);
    expect(
      (await as.commission.post(`/api/benchmarks/${code}/transitions`, { event: 'REQUEST_CHANGES', version, comment: 'Add the 2025 conviction figures.' }))
        .status,
    ).toBe(200);
    const tasks = (await as.coordinator.get('/api/tasks')).body as TaskDto[];
    expect(tasks.find((t) => t.benchmark.code === code)).toMatchObject({
      kind: 'revise',
      changesRequested: { by: expect.any(String), at: expect.any(String), comment: 'Add the 2025 conviction figures.' },
    });
    expect(tasks.filter((t) => t.kind !== 'revise' && 'changesRequested' in t)).toEqual([]);
  });
});
