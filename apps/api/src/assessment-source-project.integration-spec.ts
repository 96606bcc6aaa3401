import type { ApiClient } from '@bt/testing';
import type { BenchmarkAssessmentsDto } from '@bt/contracts';
import { startTestApi, type TestApi } from './testing/test-api';

// A CSO's shadow assessment may cite the monitoring project it comes from (issue 18, item 6): a
// project its organisation implements, in the benchmark's country; shown beside the assessment.
describe('a shadow assessment citing its monitoring project', () => {
  let api: TestApi;
  const as = {} as Record<'cso' | 'coordinator' | 'albania' | 'anonymous', ApiClient>;
  let monitoring: string;
  let notOurs: string;
  let albanian: string;

  const assessment = (sourceProjectId?: string) => ({
    period: '2026',
    preparation: 'some_level',
    progress: 'limited_progress',
    text: 'Our monitoring finds few cases in court.',
    sourceProjectId,
  });
  const project = (country: string, title: string, participants: unknown[]) => ({
    country,
    title,
    description: 'Monitoring.',
    instrument: 'cso_project',
    objectives: [],
    components: [],
    expectedResults: [],
    achievedResults: [],
    participants,
    supports: [],
    links: [],
  });

  beforeAll(async () => {
    api = await startTestApi();
    let ip = 0;
    for (const [key, email] of [
      ['cso', 'cso'],
      ['coordinator', 'coordinator'],
      ['albania', 'ministry.al'],
    ] as const) {
      as[key] = api.client({ ip: `10.9.0.${++ip}` });
      expect((await as[key].signIn(`${email}@demo.test`)).status).toBe(200);
    }
    as.anonymous = api.client({ ip: '10.9.0.9' });
    const [cso] = await api.sql(`SELECT o.id, o.name FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'cso@demo.test'`);
    const created = async (client: ApiClient, body: unknown) => {
      const answer = await client.post('/api/projects', body);
      expect([answer.status, answer.body.message]).toEqual([201, undefined]);
      return answer.body.id as string;
    };
    monitoring = await created(
      as.cso,
      project('RS', 'Monitoring of organised crime trials', [{ name: cso.name, role: 'implementing', organisationId: cso.id }]),
    );
    notOurs = await created(as.coordinator, project('RS', 'Training for judges', [{ name: 'Judicial Academy', role: 'implementing' }]));
    albanian = await created(as.albania, project('AL', 'Albanian monitoring', [{ name: cso.name, role: 'implementing', organisationId: cso.id }]));
  });
  afterAll(() => api?.close());

  const count = async () => Number((await api.sql(`SELECT count(*) AS n FROM assessment`))[0].n);

  it('records the citation and shows it beside the assessment, to everyone who sees the assessment', async () => {
    const saved = await as.cso.post('/api/benchmarks/RS-24-POL-05/assessments', assessment(monitoring));
    expect(saved.status).toBe(201);
    expect(saved.body.sourceProject).toEqual({ id: monitoring, title: 'Monitoring of organised crime trials' });
    const seen = (await as.coordinator.get<BenchmarkAssessmentsDto>('/api/benchmarks/RS-24-POL-05/assessments')).body;
    expect(seen.history.find((a) => a.id === saved.body.id)?.sourceProject).toEqual({ id: monitoring, title: 'Monitoring of organised crime trials' });
    const [event] = await api.sql(`SELECT data FROM audit_event WHERE action = 'assessment.recorded' ORDER BY id DESC LIMIT 1`);
    expect(event.data.sourceProjectId).toBe(monitoring);
    // Without a citation, as before.
    expect((await as.cso.post('/api/benchmarks/RS-24-POL-05/assessments', assessment())).body.sourceProject).toBeNull();
  });

  it('refuses a project the organisation does not implement, of another country, unknown, or cited by another voice — and writes nothing', async () => {
    const before = await count();
    const refused = async (client: ApiClient, body: unknown) => {
      const answer = await client.post('/api/benchmarks/RS-24-POL-05/assessments', body);
      return [answer.status, answer.body.code];
    };
    expect(await refused(as.cso, assessment(notOurs))).toEqual([422, 'assessment.source-not-implemented-by-you']);
    expect(await refused(as.cso, assessment(albanian))).toEqual([422, 'assessment.source-of-another-country']);
    expect(await refused(as.cso, assessment('00000000-0000-4000-8000-000000000000'))).toEqual([422, 'assessment.source-not-found']);
    expect(await refused(as.cso, assessment('not-a-uuid'))).toEqual([400, 'request.invalid-fields']);
    expect(await refused(as.coordinator, assessment(notOurs))).toEqual([422, 'assessment.source-for-civil-society-only']);
    expect(await refused(as.anonymous, assessment(monitoring))).toEqual([401, 'auth.sign-in-needed']);
    expect(await count()).toBe(before);
  });
});
