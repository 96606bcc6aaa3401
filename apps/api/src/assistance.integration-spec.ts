import 'reflect-metadata';
import type { ProjectDto } from '@bt/contracts';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// Assistance projects: public to read; written by the country's ministry, the Commission, admins and an implementing CSO;
// links only to the project's own country's benchmarks; a stale version is 409; every change audited.
jest.setTimeout(60_000);

describe('assistance projects', () => {
  let api: TestApi;
  const as = {} as Record<'coordinator' | 'albania' | 'cso' | 'commission' | 'admin' | 'expert' | 'anonymous', ApiClient>;
  let csoOrganisation: { id: string; name: string };

  beforeAll(async () => {
    api = await startTestApi();
    const accounts = { coordinator: 'coordinator', albania: 'ministry.al', cso: 'cso', commission: 'commission', admin: 'admin', expert: 'expert' } as const;
    let ip = 0;
    for (const [name, account] of Object.entries(accounts)) {
      as[name as keyof typeof accounts] = api.client({ ip: `10.12.0.${++ip}` });
      expect((await as[name as keyof typeof accounts].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    as.anonymous = api.client({ ip: '10.12.1.1' });
    [csoOrganisation] = await api.sql(`SELECT o.id, o.name FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'cso@demo.test'`);
  });
  afterAll(() => api?.close());

  const project = (overrides: Record<string, unknown> = {}) => ({
    country: 'RS',
    title: 'Support to the Witness Protection Unit',
    description: 'Equipment and training.',
    instrument: 'technical_assistance',
    objectives: ['A stronger Witness Protection Unit'],
    components: ['Training', 'Equipment'],
    expectedResults: ['Staff trained'],
    achievedResults: [],
    participants: [
      { name: 'European Commission, DG NEAR', role: 'funding' },
      { name: 'Ministry of Interior of the Republic of Serbia', role: 'beneficiary' },
    ],
    supports: [
      { benchmark: 'RS-24-POL-12', how: 'Trains and equips the Witness Protection Unit.' },
      { benchmark: 'RS-24-POL-03', subRequirement: 'RS-24-POL-03.3', how: 'Trains prosecutors of the POOC on witness protection.' },
    ],
    links: [{ url: 'https://example.org/witness-protection', title: 'Project page' }],
    ...overrides,
  });
  const count = async (table: string) => (await api.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const events = async (id: string) =>
    api.sql(`SELECT action, data FROM audit_event WHERE entity_type = 'assistance_project' AND entity_id = $1 ORDER BY id`, [id]);

  it('seeds the three projects of the source documents with their facts and the benchmarks they support, readable by anyone', async () => {
    const listed = (await as.anonymous.get<ProjectDto[]>('/api/projects?country=RS')).body;
    const byTitle = (start: string) => listed.find((p) => p.title.startsWith(start)) as ProjectDto;
    const migration = byTitle('Decreasing corruption risks');
    expect(migration).toMatchObject({
      instrument: 'cso_project',
      plannedStart: '2023-07-01',
      plannedEnd: '2025-06-30',
      status: null,
      budget: null,
      mayEdit: false,
    });
    expect(migration.participants.map((p) => [p.name, p.role])).toEqual([
      ['Ministry of Foreign Affairs of the Netherlands', 'funding'],
      ['Group 484', 'implementing'],
      ['ASTRA', 'implementing'],
    ]);
    expect(migration.components).toHaveLength(4);
    expect(migration.supports.map((s) => s.benchmark.code)).toEqual(['RS-24-SCH-05', 'RS-24-MIG-06', 'RS-24-POL-09']);
    const twinning = byTitle('Support to Strengthening the Fight against Trafficking');
    expect(twinning).toMatchObject({ instrument: 'twinning', actualStart: '2018-09', actualEnd: '2021-01', status: 4, budget: null });
    expect(twinning.participants.find((p) => p.role === 'beneficiary')?.name).toBe('Ministry of Interior of the Republic of Serbia');
    expect(twinning.participants.find((p) => p.role === 'funding')?.name).toContain('DG NEAR');
    const inl = byTitle('INL assistance');
    expect(inl.achievedResults[0]).toBe('Enactment of an asset forfeiture law and witness protection statute.');
    expect(inl.supports.find((s) => s.benchmark.code === 'RS-24-POL-03')).toMatchObject({ subRequirement: { code: 'RS-24-POL-03.1' } });
    expect(inl.supports.map((s) => s.benchmark.code)).toEqual(expect.arrayContaining(['RS-24-POL-07', 'RS-24-POL-08', 'RS-24-POL-12', 'RS-24-MIG-06']));
    for (const p of [migration, twinning, inl]) expect(p.supports.every((s) => s.how.length > 20)).toBe(true);

    // A benchmark's support: the projects linked to it, with the sentence.
    const trafficking = (await as.anonymous.get<ProjectDto[]>('/api/projects?benchmark=RS-24-POL-09')).body;
    expect(trafficking.map((p) => p.title).sort()).toEqual([migration.title, twinning.title, inl.title].sort());
    expect((await as.anonymous.get(`/api/projects/${twinning.id}`)).body).toMatchObject({ title: twinning.title, version: 1 });
  });

  it('filters by area, funder, implementer and status', async () => {
    const titles = async (query: string) => ((await as.anonymous.get<ProjectDto[]>(`/api/projects?${query}`)).body as ProjectDto[]).map((p) => p.title);
    expect(await titles('country=RS&funder=netherlands')).toEqual(["Decreasing corruption risks in Serbia's migration management system"]);
    expect(await titles('country=RS&implementer=ludwig boltzmann')).toEqual([
      'Support to Strengthening the Fight against Trafficking in Human Beings (Twinning)',
    ]);
    expect(await titles('country=RS&status=4')).toEqual(['Support to Strengthening the Fight against Trafficking in Human Beings (Twinning)']);
    expect(await titles('country=RS&area=SCH')).toEqual(["Decreasing corruption risks in Serbia's migration management system"]);
    expect(await titles('country=AL')).toEqual([]);
    expect((await as.anonymous.get('/api/projects?status=7')).status).toBe(400);
  });

  it('filters by the period a project states (actual, else planned), a year or a span of years', async () => {
    const titles = async (query: string) =>
      ((await as.anonymous.get<ProjectDto[]>(`/api/projects?country=RS&${query}`)).body as ProjectDto[]).map((p) => p.title);
    const twinning = 'Support to Strengthening the Fight against Trafficking in Human Beings (Twinning)';
    const migration = "Decreasing corruption risks in Serbia's migration management system";
    // The Twinning ran 2018-09 to 2021-01 (actual); the migration project is planned 2023-07-01 to 2025-06-30; INL states no period.
    expect(await titles('period=2019')).toEqual([twinning]);
    expect(await titles('period=2021')).toEqual([twinning]);
    expect(await titles('period=2022')).toEqual([]);
    expect(await titles('period=2020-2024')).toEqual([migration, twinning]);
    expect(await titles('period=2025-2030')).toEqual([migration]);
    const reversed = await as.anonymous.get('/api/projects?period=2025-2020');
    expect([reversed.status, reversed.body.code]).toEqual([400, 'assistance.period-reversed']);
    expect((await as.anonymous.get('/api/projects?period=20x')).status).toBe(400);
  });

  it('lets the ministry of the country, the Commission and admins write; not another country’s ministry, an expert or the public', async () => {
    const created = await as.coordinator.post<ProjectDto>('/api/projects', project());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, mayEdit: true, country: 'RS' });
    expect(created.body.supports.map((s) => [s.benchmark.code, s.subRequirement?.code ?? null])).toEqual([
      ['RS-24-POL-12', null],
      ['RS-24-POL-03', 'RS-24-POL-03.3'],
    ]);
    expect((await as.commission.post('/api/projects', project({ title: 'By the Commission' }))).status).toBe(201);
    expect((await as.admin.post('/api/projects', project({ title: 'By an admin' }))).status).toBe(201);

    const before = await count('assistance_project');
    expect((await as.albania.post('/api/projects', project({ title: 'Not theirs' }))).status).toBe(403);
    expect((await as.expert.post('/api/projects', project({ title: 'Not an expert’s' }))).status).toBe(403);
    expect((await as.anonymous.post('/api/projects', project({ title: 'Anonymous' }))).status).toBe(401);
    expect((await as.albania.put(`/api/projects/${created.body.id}`, project({ version: 1, title: 'Taken over' }))).status).toBe(403);
    expect((await as.expert.put(`/api/projects/${created.body.id}`, project({ version: 1, title: 'Taken over' }))).status).toBe(403);
    // Albania's ministry writes Albania's projects (with no link, as Albania has no catalogue here).
    expect((await as.albania.post('/api/projects', project({ country: 'AL', supports: [] }))).status).toBe(201);
    expect(await count('assistance_project')).toBe(before + 1);
    expect((await as.commission.put(`/api/projects/${created.body.id}`, project({ version: 1, title: 'Corrected by the Commission' }))).body).toMatchObject({
      version: 2,
    });
  });

  it('lets a CSO write only the projects its own organisation implements', async () => {
    const notImplementing = await as.cso.post('/api/projects', project({ title: 'Funded only' }));
    expect([notImplementing.status, notImplementing.body.code]).toEqual([403, 'assistance.cso-must-implement']);
    const own = await as.cso.post<ProjectDto>(
      '/api/projects',
      project({
        title: 'Shadow monitoring of witness protection',
        participants: [{ name: csoOrganisation.name, role: 'implementing', organisationId: csoOrganisation.id }],
      }),
    );
    expect(own.status).toBe(201);
    expect(own.body.mayEdit).toBe(true);
    const changed = await as.cso.put<ProjectDto>(
      `/api/projects/${own.body.id}`,
      project({ version: 1, title: 'Shadow monitoring, second year', participants: own.body.participants }),
    );
    expect([changed.status, changed.body.version]).toEqual([200, 2]);
    // Not by dropping itself as implementer, and not someone else's project.
    expect((await as.cso.put(`/api/projects/${own.body.id}`, project({ version: 2, participants: [] }))).status).toBe(403);
    const [seeded] = (await as.cso.get<ProjectDto[]>('/api/projects?implementer=group 484')).body;
    expect(seeded.mayEdit).toBe(false);
    expect((await as.cso.put(`/api/projects/${seeded.id}`, project({ version: seeded.version }))).status).toBe(403);
  });

  it("refuses a link to another country's benchmark with 422 and writes nothing", async () => {
    const [area] = await api.sql(`INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('AL', 24, 'POL', 'Police', 1) RETURNING id`);
    await api.sql(`INSERT INTO benchmark (code, area_id, position, text) VALUES ('AL-24-POL-01', $1, 1, 'Albania test benchmark')`, [area.id]);
    const [projects, links, audited] = [await count('assistance_project'), await count('assistance_link'), await count('audit_event')];
    const foreign = await as.coordinator.post(
      '/api/projects',
      project({ supports: [...project().supports, { benchmark: 'AL-24-POL-01', how: 'Across the border.' }] }),
    );
    expect([foreign.status, foreign.body.code]).toEqual([422, 'assistance.benchmark-of-another-country']);
    expect(
      (await as.coordinator.post('/api/projects', project({ supports: [{ benchmark: 'RS-24-POL-12', subRequirement: 'RS-24-POL-03.1', how: 'Mismatched.' }] })))
        .status,
    ).toBe(422);
    expect((await as.coordinator.post('/api/projects', project({ budgetAmount: 100000 }))).status).toBe(422);
    // A part sent as null is as absent: still a budget without its other half.
    for (const half of [
      { budgetAmount: 100000, budgetCurrency: null },
      { budgetAmount: null, budgetCurrency: 'EUR' },
    ]) {
      const partial = await as.coordinator.post('/api/projects', project(half));
      expect([partial.status, partial.body.code]).toEqual([422, 'assistance.budget-partial']);
    }
    expect((await as.coordinator.post('/api/projects', project({ plannedStart: '2024-05', plannedEnd: '2024-01-31' }))).status).toBe(422);
    expect((await as.coordinator.post('/api/projects', project({ plannedStart: '2024-02-30' }))).status).toBe(400);

    const [seeded] = (await as.coordinator.get<ProjectDto[]>('/api/projects?implementer=astra')).body;
    const moved = await as.coordinator.put(
      `/api/projects/${seeded.id}`,
      project({ version: seeded.version, supports: [{ benchmark: 'AL-24-POL-01', how: 'Across the border.' }] }),
    );
    expect(moved.status).toBe(422);
    expect([await count('assistance_project'), await count('assistance_link'), await count('audit_event')]).toEqual([projects, links, audited]);
    expect((await as.anonymous.get<ProjectDto>(`/api/projects/${seeded.id}`)).body).toMatchObject({ version: seeded.version, supports: seeded.supports });
  });

  it('refuses a stale version with 409, changing nothing, and audits each change with before and after', async () => {
    const created = (
      await as.coordinator.post<ProjectDto>('/api/projects', project({ title: 'Versioned project', budgetAmount: 250000, budgetCurrency: 'EUR' }))
    ).body;
    expect(created.budget).toEqual({ amount: 250000, currency: 'EUR' });
    const first = await as.coordinator.put<ProjectDto>(
      `/api/projects/${created.id}`,
      project({ version: 1, title: 'Versioned project', status: 2, actualStart: '2026-03' }),
    );
    expect([first.status, first.body.version, first.body.status, first.body.budget]).toEqual([200, 2, 2, null]);
    const stale = await as.commission.put(`/api/projects/${created.id}`, project({ version: 1, title: 'Lost update' }));
    expect([stale.status, stale.body.code]).toEqual([409, 'assistance.project-changed-meanwhile']);
    expect((await as.anonymous.get<ProjectDto>(`/api/projects/${created.id}`)).body).toMatchObject({ title: 'Versioned project', version: 2 });

    const trail = await events(created.id);
    expect(trail.map((e) => e.action)).toEqual(['assistance.project-created', 'assistance.project-updated']);
    expect(trail[1].data).toMatchObject({
      version: 2,
      before: { version: 1, budget: { amount: 250000, currency: 'EUR' } },
      after: { version: 2, status: 2, actualStart: '2026-03', budget: null },
    });
  });

  it('names a supported Action Plan activity to readers of the Action Plan only', async () => {
    const [activity] = await api.sql(
      `SELECT act.id, act.code FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id WHERE b.code = 'RS-24-POL-07' LIMIT 1`,
    );
    const created = await as.coordinator.post<ProjectDto>(
      '/api/projects',
      project({
        title: 'Asset recovery support',
        supports: [{ benchmark: 'RS-24-POL-07', activityId: activity.id, how: 'Equips the Asset Recovery Office.' }],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.supports[0].activity).toMatchObject({ id: activity.id, code: activity.code });
    expect((await as.anonymous.get<ProjectDto>(`/api/projects/${created.body.id}`)).body.supports[0]).toMatchObject({
      benchmark: { code: 'RS-24-POL-07' },
      activity: null,
    });
    const [other] = await api.sql(`SELECT act.id FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id WHERE b.code <> 'RS-24-POL-07' LIMIT 1`);
    expect(
      (await as.coordinator.post('/api/projects', project({ supports: [{ benchmark: 'RS-24-POL-07', activityId: other.id, how: 'Wrong activity.' }] }))).status,
    ).toBe(422);
  });

  it('lists every version of a project for anyone: who changed which fields, when — names of fields only, never an activity the reader may not see', async () => {
    const [activity] = await api.sql(
      `SELECT act.id, act.title FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id WHERE b.code = 'RS-24-POL-07' LIMIT 1`,
    );
    const created = await as.coordinator.post<ProjectDto>(
      '/api/projects',
      project({ title: 'Versioned project', supports: [{ benchmark: 'RS-24-POL-07', activityId: activity.id, how: 'Equips the office.' }] }),
    );
    expect(created.status).toBe(201);
    const changed = await as.commission.put<ProjectDto>(
      `/api/projects/${created.body.id}`,
      project({
        version: 1,
        title: 'Versioned project, corrected',
        plannedStart: '2027',
        supports: [{ benchmark: 'RS-24-POL-12', how: 'Now the Witness Protection Unit.' }],
      }),
    );
    expect(changed.status).toBe(200);
    const versions = await as.anonymous.get(`/api/projects/${created.body.id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body).toEqual([
      { version: 2, at: expect.any(String), by: 'Claire Commission', change: 'updated', via: null, fields: ['title', 'plannedStart', 'supports'] },
      { version: 1, at: expect.any(String), by: 'Marko Coordinator', change: 'created', via: null, fields: [] },
    ]);
    expect(JSON.stringify(versions.body)).not.toContain(activity.title);
    const unknown = await as.anonymous.get('/api/projects/00000000-0000-4000-8000-000000000000/versions');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'assistance.project-not-found']);
  });
});
