import 'reflect-metadata';
import { XMLParser } from 'fast-xml-parser';
import { BT_NAMESPACE, IATI_ACTIVITY_ORDER } from '@bt/api/assistance';
import type { ProjectDto } from '@bt/contracts';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// IATI 2.03 out and in: the export follows the schema's element order and codelists; the import refuses DOCTYPEs and
// entities, is all or nothing with its problems per activity and element, updates rather than duplicates, keeps our
// links to benchmarks, and a round trip keeps every field IATI carries.
jest.setTimeout(90_000);

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, parseTagValue: false });
const nameOf = (node: Ordered) => Object.keys(node).find((k) => k !== ':@') as string;
const kids = (node: Ordered) => (node[nameOf(node)] as Ordered[]).filter((c) => !nameOf(c).startsWith('#'));
const attrs = (node: Ordered) => node[':@'] ?? {};
const narrativeOf = (node: Ordered) => {
  const narrative = kids(node).find((c) => nameOf(c) === 'narrative');
  return narrative ? String(((narrative['narrative'] as Ordered[])[0] as Record<string, unknown>)['#text']) : undefined;
};

/** The activities of an IATI file, each as its ordered children. */
function activitiesOf(xml: string): { root: Ordered; activities: Ordered[] } {
  const document = ordered.parse(xml) as Ordered[];
  const root = document.find((n) => nameOf(n) === 'iati-activities') as Ordered;
  return { root, activities: kids(root).filter((c) => nameOf(c) === 'iati-activity') };
}

/** Whether `sequence` follows `order` (each name in it, never going back). */
function followsOrder(sequence: string[], order: readonly string[]): boolean {
  let at = 0;
  for (const name of sequence) {
    const index = order.indexOf(name);
    if (index < at) return false;
    at = index;
  }
  return true;
}

describe('assistance projects in IATI 2.03', () => {
  let api: TestApi;
  const as = {} as Record<'coordinator' | 'albania' | 'cso' | 'commission' | 'expert' | 'anonymous', ApiClient>;
  const REPORTING = 'reportingOrg=XM-DAC-41114&reportingOrgType=40&reportingOrgName=Benchmark%20Tracker%20demo';

  beforeAll(async () => {
    // A small upload limit, so that a file over it costs little to send; no limit of imports a minute (this suite sends more than ten).
    api = await startTestApi({ UPLOAD_LIMIT_MB: '1', RATE_LIMITS: 'false' });
    const accounts = { coordinator: 'coordinator', albania: 'ministry.al', cso: 'cso', commission: 'commission', expert: 'expert' } as const;
    let ip = 0;
    for (const [name, account] of Object.entries(accounts)) {
      as[name as keyof typeof accounts] = api.client({ ip: `10.13.0.${++ip}` });
      expect((await as[name as keyof typeof accounts].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    as.anonymous = api.client({ ip: '10.13.1.1' });
  });
  afterAll(() => api?.close());

  const download = async (client: ApiClient, path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: client.browserHeaders('GET') });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const upload = async (client: ApiClient, xml: string) => {
    const form = new FormData();
    form.append('file', new Blob([xml], { type: 'application/xml' }), 'activities.xml');
    const response = await fetch(`${api.baseUrl}/api/projects/iati`, { method: 'POST', body: form, headers: client.browserHeaders('POST') });
    return { status: response.status, body: await response.json() };
  };
  /** Everything an import could change: the projects with their lists, and the audit trail. */
  const state = async () => ({
    projects: await api.sql(
      `SELECT id, iati_identifier, title, version, status, planned_start, actual_end, budget_amount::text, sectors FROM assistance_project ORDER BY id`,
    ),
    participants: await api.sql(`SELECT project_id, position, name, role, iati_ref FROM assistance_participant ORDER BY project_id, position`),
    links: await api.sql(`SELECT project_id, position, benchmark_id, how FROM assistance_link ORDER BY project_id, position`),
    events: (await api.sql(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'assistance_project'`))[0].n,
  });
  const file = (...activities: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-12-01T10:00:00Z">${activities.join('')}</iati-activities>`;
  const activity = (identifier: string, extra: { title?: string; orgs?: string; dates?: string; country?: string } = {}) => `
    <iati-activity xml:lang="en">
      <iati-identifier>${identifier}</iati-identifier>
      <reporting-org ref="XM-DAC-7" type="10"><narrative>Ministry of Foreign Affairs of the Netherlands</narrative></reporting-org>
      <title><narrative>${extra.title ?? 'Border integrity &amp; migration'}</narrative></title>
      <description type="1"><narrative>Integrity of border police work.</narrative></description>
      <description type="2"><narrative>Fewer bribes at the border.</narrative></description>
      ${extra.orgs ?? '<participating-org ref="XM-DAC-7" type="10" role="1"><narrative>Ministry of Foreign Affairs of the Netherlands</narrative></participating-org><participating-org role="4" type="22"><narrative>Group 484</narrative></participating-org>'}
      <activity-status code="2"/>
      ${extra.dates ?? '<activity-date type="1" iso-date="2024-01-01"/><activity-date type="3" iso-date="2026-12-31"/>'}
      <recipient-country code="${extra.country ?? 'RS'}" percentage="100"/>
      <sector vocabulary="1" code="15130"/>
      <sector vocabulary="2" code="151"/>
      <budget type="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value currency="EUR" value-date="2024-01-01">400000</value></budget>
      <budget type="1"><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><value currency="EUR" value-date="2025-01-01">350000.50</value></budget>
      <document-link url="https://example.org/border?a=1&amp;b=2" format="text/html"><title><narrative>Project page</narrative></title><category code="A12"/></document-link>
    </iati-activity>`;

  it("exports Serbia's demo projects with every element 2.03 requires, in the schema's order, with codelist values", async () => {
    const answer = await download(as.anonymous, `/api/projects/iati?country=RS&${REPORTING}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="iati-activities-RS-\d{4}-\d{2}-\d{2}\.xml"/);
    // The INL programme states no date at all, which 2.03 requires: left out, named in the file and counted.
    expect(answer.headers.get('x-iati-omitted')).toBe('1');
    const inl = (await api.sql(`SELECT id FROM assistance_project WHERE title LIKE 'INL assistance%'`))[0].id;
    expect(answer.text).toContain(`project ${inl} (activity-date`);
    const { root, activities } = activitiesOf(answer.text);
    expect(attrs(root)).toMatchObject({ version: '2.03', 'xmlns:bt': BT_NAMESPACE });
    expect(attrs(root)['generated-datetime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(activities).toHaveLength(2);
    for (const a of activities) {
      const sequence = kids(a).map(nameOf);
      expect(followsOrder(sequence, IATI_ACTIVITY_ORDER)).toBe(true);
      expect(sequence.filter((n) => !(IATI_ACTIVITY_ORDER as readonly string[]).includes(n))).toEqual([]);
      for (const required of ['iati-identifier', 'reporting-org', 'title', 'description', 'participating-org', 'activity-status', 'activity-date'])
        expect(sequence).toContain(required);
      const all = (name: string) => kids(a).filter((c) => nameOf(c) === name);
      expect(attrs(all('reporting-org')[0])).toMatchObject({ ref: 'XM-DAC-41114', type: '40', 'secondary-reporter': '1' });
      for (const org of all('participating-org')) expect(['1', '2', '3', '4']).toContain(attrs(org)['role']);
      expect(['1', '2', '3', '4', '5', '6']).toContain(attrs(all('activity-status')[0])['code']);
      for (const date of all('activity-date')) {
        expect(['1', '2', '3', '4']).toContain(attrs(date)['type']);
        expect(attrs(date)['iso-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(all('recipient-country').map(attrs)).toEqual([{ code: 'RS', percentage: '100' }]);
      // Made from the reporting organisation: the demo projects have no identifier of their own.
      expect(String((all('iati-identifier')[0]['iati-identifier'] as Ordered[])[0]['#text'])).toMatch(/^XM-DAC-41114-BT-[0-9a-f-]{36}$/);
    }
    const byTitle = (start: string) => activities.find((a) => narrativeOf(kids(a).find((c) => nameOf(c) === 'title') as Ordered)?.startsWith(start)) as Ordered;
    const twinning = kids(byTitle('Support to Strengthening the Fight'));
    expect(attrs(twinning.find((c) => nameOf(c) === 'activity-status') as Ordered)).toEqual({ code: '4' });
    // Months are not days: first and last day, said in a narrative and in our attribute.
    expect(twinning.filter((c) => nameOf(c) === 'activity-date').map(attrs)).toEqual([
      { type: '2', 'iso-date': '2018-09-01', 'bt:precision': 'month' },
      { type: '4', 'iso-date': '2021-01-31', 'bt:precision': 'month' },
    ]);
    // AidType vocabulary 1 (the default): C01 project-type interventions, and our instrument beside it.
    expect(attrs(twinning.find((c) => nameOf(c) === 'default-aid-type') as Ordered)).toEqual({ code: 'C01', 'bt:instrument': 'twinning' });
    expect(twinning.filter((c) => nameOf(c) === 'participating-org').map((o) => [attrs(o)['role'], narrativeOf(o)])).toContainEqual([
      '1',
      expect.stringContaining('DG NEAR'),
    ]);
    // The beneficiary has no IATI role: a target-group description, not a participating organisation.
    expect(twinning.filter((c) => nameOf(c) === 'description').map((d) => [attrs(d)['type'], narrativeOf(d)])).toContainEqual([
      '3',
      'Beneficiary: Ministry of Interior of the Republic of Serbia',
    ]);
    // No status stated: one derived from the dates (2.03 requires one), marked so that an import keeps it unknown.
    const migration = kids(byTitle('Decreasing corruption risks'));
    expect(attrs(migration.find((c) => nameOf(c) === 'activity-status') as Ordered)).toEqual({ code: '3', 'bt:derived': 'dates' });

    // One project the same way; without a stated reporting organisation a project with no funder's identifier is refused, by element.
    const one = await download(as.anonymous, `/api/projects/${inl}/iati?${REPORTING}`);
    expect(one.status).toBe(422);
    expect(JSON.parse(one.text).errors).toEqual([expect.objectContaining({ activity: inl, element: 'activity-date', code: 'iati.no-activity-date' })]);
    const twinningId = (await api.sql(`SELECT id FROM assistance_project WHERE instrument = 'twinning'`))[0].id;
    const unstated = await download(as.anonymous, `/api/projects/${twinningId}/iati`);
    expect(unstated.status).toBe(422);
    expect(JSON.parse(unstated.text).errors).toEqual([expect.objectContaining({ element: 'reporting-org', code: 'iati.reporting-org-unknown' })]);
    expect((await download(as.anonymous, `/api/projects/${twinningId}/iati?reportingOrg=XM-DAC-41114`)).status).toBe(400);
    const single = await download(as.anonymous, `/api/projects/${twinningId}/iati?${REPORTING}`);
    expect(single.status).toBe(200);
    expect(single.headers.get('content-disposition')).toContain(`filename="iati-activity-${twinningId}.xml"`);
    expect(activitiesOf(single.text).activities).toHaveLength(1);
  });

  it('refuses a DOCTYPE or an entity before parsing, and changes nothing', async () => {
    const before = await state();
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${file(activity('XM-DAC-7-LOL', { title: '&lol2;' }))}`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${file(activity('XM-DAC-7-XXE', { title: '&xxe;' }))}`;
    for (const xml of [laughs, xxe, file(activity('XM-DAC-7-ENT')).replace('<iati-activities', '<!ENTITY e "x"><iati-activities')]) {
      const answer = await upload(as.coordinator, xml);
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('iati.doctype-refused');
    }
    expect((await upload(as.coordinator, '<iati-activities version="2.03"><iati-activity>')).body.code).toBe('iati.not-well-formed');
    // Over the upload limit: 413 while it arrives, before anything is parsed.
    const large = await upload(
      as.coordinator,
      file(activity('XM-DAC-7-LARGE')).replace('<iati-activities', `<!-- ${'x'.repeat(1_200_000)} --><iati-activities`),
    );
    expect(large).toMatchObject({ status: 413, body: { code: 'upload.file-too-large' } });
    expect((await upload(as.coordinator, '<activities/>')).body.code).toBe('iati.not-iati-activities');
    // Well-formed but nested past what the parser reads: a 422, not a 500.
    const deep = await upload(as.coordinator, `<iati-activities version="2.03">${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</iati-activities>`);
    expect(deep).toMatchObject({ status: 422, body: { code: 'iati.unreadable' } });
    expect(await state()).toEqual(before);
  });

  it('refuses a file with one bad activity whole, naming the activity and the element', async () => {
    const before = await state();
    const badCodes = activity('XM-DAC-7-BAD', {
      orgs: '<participating-org role="7"><narrative>Someone</narrative></participating-org>',
      dates: '<activity-date type="9" iso-date="2024-01-01"/>',
    });
    const answer = await upload(as.coordinator, file(activity('XM-DAC-7-GOOD'), badCodes));
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('iati.file-has-problems');
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        activity: 'XM-DAC-7-BAD',
        element: 'participating-org',
        code: 'iati.code-not-in-codelist',
        params: expect.objectContaining({ value: '7' }),
      }),
      expect.objectContaining({
        activity: 'XM-DAC-7-BAD',
        element: 'activity-date',
        code: 'iati.code-not-in-codelist',
        params: expect.objectContaining({ value: '9' }),
      }),
    ]);
    // A problem found only when writing (an end before the start): the good activity before it was written, and is rolled back.
    const late = await upload(
      as.coordinator,
      file(
        activity('XM-DAC-7-GOOD'),
        activity('XM-DAC-7-LATE', { dates: '<activity-date type="1" iso-date="2025-01-01"/><activity-date type="3" iso-date="2024-01-01"/>' }),
      ),
    );
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([expect.objectContaining({ activity: 'XM-DAC-7-LATE', element: 'activity-date', code: 'assistance.ends-before-start' })]);
    expect(await state()).toEqual(before);
  });

  it('updates on a re-import rather than duplicating, and keeps the links to benchmarks', async () => {
    const first = await upload(as.coordinator, file(activity('XM-DAC-7-RE-1')));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ activities: 1, created: 1, updated: 0 });
    const id = first.body.projects[0].id;
    const created = (await as.anonymous.get<ProjectDto>(`/api/projects/${id}`)).body;
    expect(created).toMatchObject({
      iatiIdentifier: 'XM-DAC-7-RE-1',
      title: 'Border integrity & migration',
      description: 'Integrity of border police work.',
      objectives: ['Fewer bribes at the border.'],
      status: 2,
      plannedStart: '2024-01-01',
      plannedEnd: '2026-12-31',
      budget: { amount: 750000.5, currency: 'EUR' },
      sectors: ['15130'],
      links: [{ url: 'https://example.org/border?a=1&b=2', title: 'Project page' }],
    });
    expect(created.participants).toEqual([
      { name: 'Ministry of Foreign Affairs of the Netherlands', role: 'funding', organisationId: null, ref: 'XM-DAC-7', type: 10 },
      { name: 'Group 484', role: 'implementing', organisationId: null, ref: null, type: 22 },
    ]);
    // Our link to a benchmark and a beneficiary, which IATI does not carry.
    const linked = {
      ...created,
      supports: [{ benchmark: 'RS-24-SCH-05', how: 'Integrity at the border crossings.' }],
      participants: [...created.participants, { name: 'Border Police Directorate', role: 'beneficiary' }],
    };
    const { id: _id, mayEdit: _m, updatedAt: _u, budget, ...body } = linked;
    expect((await as.coordinator.put(`/api/projects/${id}`, { ...body, budgetAmount: budget?.amount, budgetCurrency: budget?.currency })).status).toBe(200);

    const again = await upload(as.coordinator, file(activity('XM-DAC-7-RE-1', { title: 'Border integrity and migration, phase 2' })));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ activities: 1, created: 0, updated: 1, projects: [{ id, created: false }] });
    expect(await api.sql(`SELECT count(*)::int AS n FROM assistance_project WHERE iati_identifier = 'XM-DAC-7-RE-1'`)).toEqual([{ n: 1 }]);
    const updated = (await as.anonymous.get<ProjectDto>(`/api/projects/${id}`)).body;
    expect(updated).toMatchObject({ title: 'Border integrity and migration, phase 2', version: 3 });
    expect(updated.supports.map((s) => [s.benchmark.code, s.how])).toEqual([['RS-24-SCH-05', 'Integrity at the border crossings.']]);
    expect(updated.participants.map((p) => p.role)).toEqual(['funding', 'implementing', 'beneficiary']);
    const events = await api.sql(
      `SELECT action, data->>'via' AS via FROM audit_event WHERE entity_type = 'assistance_project' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(events).toEqual([
      { action: 'assistance.project-created', via: 'iati-import' },
      { action: 'assistance.project-updated', via: null },
      { action: 'assistance.project-updated', via: 'iati-import' },
    ]);
  });

  it('keeps every field IATI carries through a round trip export → import', async () => {
    const rich = {
      country: 'RS',
      iatiIdentifier: 'XM-DAC-918-3-RT-2026',
      title: 'Round trip: "asset recovery" <and> more',
      description: 'Support to the Asset Recovery Directorate.\n\nSecond paragraph & more.',
      instrument: 'technical_assistance',
      status: 5,
      plannedStart: '2024',
      plannedEnd: '2026-06',
      actualStart: '2024-03-15',
      budgetAmount: 1234567.89,
      budgetCurrency: 'EUR',
      objectives: ['Faster confiscation', 'Better case management'],
      components: ['Legal analysis', 'Training'],
      expectedResults: ['Directorate staffed'],
      achievedResults: [],
      sectors: ['15130', '15113'],
      participants: [
        { name: 'European Commission, DG NEAR', role: 'funding', ref: 'XI-IATI-EC_NEAR', type: 15 },
        { name: 'Agency X', role: 'extending' },
        { name: 'Ministry of Justice', role: 'accountable', type: 10 },
        { name: 'Consortium Y', role: 'implementing', ref: 'GB-COH-123' },
        { name: 'Asset Recovery Directorate', role: 'beneficiary' },
      ],
      supports: [{ benchmark: 'RS-24-POL-07', how: 'Strengthens asset recovery.' }],
      links: [{ url: 'https://example.org/rt', title: 'Page' }, { url: 'https://example.org/rt/doc' }],
    };
    const made = await as.coordinator.post<ProjectDto>('/api/projects', rich);
    expect(made.status).toBe(201);
    const demo = (await as.anonymous.get<ProjectDto[]>('/api/projects?country=RS')).body;
    const exported = await download(as.anonymous, `/api/projects/iati?country=RS&${REPORTING}`);
    expect(exported.status).toBe(200);

    const imported = await upload(as.coordinator, exported.text);
    expect(imported.status).toBe(201);
    expect(imported.body.created).toBe(0);
    expect(imported.body.updated).toBe(imported.body.activities);
    const after = (await as.anonymous.get<ProjectDto[]>('/api/projects?country=RS')).body;
    expect(after.map((p) => p.id)).toEqual(demo.map((p) => p.id));
    const exportedIds = new Set(imported.body.projects.map((p: { id: string }) => p.id));
    expect(exportedIds.has(made.body.id)).toBe(true);
    for (const project of demo) {
      const now = after.find((p) => p.id === project.id) as ProjectDto;
      const strip = ({ version: _v, updatedAt: _u, mayEdit: _m, ...rest }: ProjectDto) => rest;
      // Every field as it was, the version one further for the projects in the file.
      expect(strip(now)).toEqual(strip(project));
      expect(now.version).toBe(project.version + (exportedIds.has(project.id) ? 1 : 0));
    }
    // And the file we export now is the file we exported (but for the time it was made).
    const again = await download(as.anonymous, `/api/projects/iati?country=RS&${REPORTING}`);
    const undated = (xml: string) => xml.replace(/(generated|last-updated)-datetime="[^"]+"/g, '');
    expect(undated(again.text)).toEqual(undated(exported.text));
  });

  it("makes a country's file of one reporting organisation when none is stated: the first fit project's funder", async () => {
    // By title: "Border integrity …" (funded by XM-DAC-7, from the imports above) comes before "Round trip …" (XI-IATI-EC_NEAR).
    const roundTrip = (await api.sql(`SELECT id FROM assistance_project WHERE iati_identifier = 'XM-DAC-918-3-RT-2026'`))[0].id;
    const answer = await download(as.anonymous, '/api/projects/iati?country=RS');
    expect(answer.status).toBe(200);
    const { activities } = activitiesOf(answer.text);
    expect(activities.length).toBeGreaterThan(0);
    const refs = activities.map((a) => attrs(kids(a).find((c) => nameOf(c) === 'reporting-org') as Ordered)['ref']);
    expect(new Set(refs)).toEqual(new Set(['XM-DAC-7']));
    expect(answer.text).toContain(`project ${roundTrip} (reporting-org: Another organisation reports this project (XI-IATI-EC_NEAR)`);
    // The demo projects name no funder's identifier: left out too, each named.
    expect(Number(answer.headers.get('x-iati-omitted'))).toBe(4);
  });

  it('lets only the writers of a country import its projects', async () => {
    const before = await state();
    const xml = file(activity('XM-DAC-7-RIGHTS'));
    expect((await upload(as.anonymous, xml)).status).toBe(401);
    expect((await upload(as.expert, xml)).status).toBe(403);
    // A CSO writes only what its organisation implements; an import names no organisation of the app.
    expect((await upload(as.cso, xml)).body).toMatchObject({ code: 'assistance.cso-must-implement' });
    expect((await upload(as.albania, xml)).status).toBe(403);
    // Albania's ministry may not update Serbia's project either, even through its identifier.
    expect((await upload(as.albania, file(activity('XM-DAC-918-3-RT-2026', { country: 'AL' })))).status).toBe(403);
    expect(await state()).toEqual(before);
    const commission = await upload(as.commission, xml);
    expect(commission.status).toBe(201);
    expect(commission.body.created).toBe(1);
  });
});
