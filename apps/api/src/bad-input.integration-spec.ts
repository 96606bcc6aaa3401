import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// What a fuzzer found answered 500: each is the caller's error, answered 4xx with a message, and
// changes nothing (the audit trail included).
describe('bad input is the caller’s error', () => {
  let api: TestApi;
  let admin: ApiClient;
  let ministry: ApiClient;
  let commission: ApiClient;
  let auditEvents: () => Promise<number>;

  beforeAll(async () => {
    api = await startTestApi();
    [admin, ministry, commission] = ['10.12.0.1', '10.12.0.2', '10.12.0.3'].map((ip) => api.client({ ip }));
    await Promise.all([admin.signIn('admin@demo.test'), ministry.signIn('ministry@demo.test'), commission.signIn('commission@demo.test')]);
    auditEvents = async () => (await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_event'))[0].n;
  });
  afterAll(() => api?.close());

  /** The answer is 4xx with a message, and no audit event (so no change) came of it. */
  async function refused(request: () => Promise<{ status: number; body: { message?: unknown } }>): Promise<number> {
    const before = await auditEvents();
    const answer = await request();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.message).toBeTruthy();
    expect(await auditEvents()).toBe(before);
    return answer.status;
  }

  it('text that is not well-formed Unicode (a lone surrogate) or holds a NUL: 400', async () => {
    const anonymous = api.client({ ip: '10.12.0.9' });
    await anonymous.get('/api/health');
    expect(await refused(() => anonymous.post('/api/auth/login', { email: 'a\ud800b@demo.test', password: 'wrong-password-123' }))).toBe(400);
    expect(
      await refused(() =>
        ministry.post('/api/benchmarks/RS-24-MIG-01/evidence', {
          title: 'Links',
          visibility: 'internal',
          links: [{ url: 'https://example.org/', label: 'a\u0000b' }],
        }),
      ),
    ).toBe(400);
    expect(await refused(() => ministry.post('/api/benchmarks/RS-24-MIG-01/evidence', { title: 'x\udc00', visibility: 'internal' }))).toBe(400);
  });

  it('a page number beyond any list: 400', async () => {
    expect(await refused(() => api.client().get('/api/benchmarks?page=1e20'))).toBe(400);
    expect(await refused(() => api.client().get('/api/benchmarks?page=99999999999'))).toBe(400);
  });

  it('arrays nested where objects belong (roles, topics): 400', async () => {
    const [organisation] = (await admin.get<{ id: string; kind: string }[]>('/api/admin/organisations')).body.filter((o) => o.kind === 'commission');
    expect(
      await refused(() =>
        admin.post('/api/admin/users', {
          email: 'nested@demo.test',
          displayName: 'Nested',
          organisationId: organisation.id,
          roles: [[{ role: 'commission' }]],
        }),
      ),
    ).toBe(400);
    const created = await commission.post('/api/consultations', { title: 'Nested topics' });
    expect(created.status).toBe(201);
    expect(
      await refused(() =>
        commission.put(`/api/consultations/${created.body.id}`, { version: created.body.version, topics: [[{ title: 'x', questions: [] }]], recipients: [] }),
      ),
    ).toBe(400);
  });

  it('an upload whose multipart body names no boundary, or ends without its closing boundary: 400 at once', async () => {
    const mission = await commission.post('/api/missions', {
      title: 'Uploads',
      benchmarks: ['RS-24-MIG-01'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [],
    });
    expect(mission.status).toBe(201);
    const upload = async (contentType: string, body: string) => {
      const response = await fetch(`${api.baseUrl}/api/missions/${mission.body.id}/terms-of-reference`, {
        method: 'POST',
        body,
        headers: { ...commission.browserHeaders('POST'), 'content-type': contentType },
        // It used to wait forever: the stream had closed while the mission was looked up.
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: await response.json() };
    };
    const part = '--b\r\nContent-Disposition: form-data; name="file"; filename="tor.pdf"\r\n\r\n%PDF-1.7\n%%EOF\n\r\n';
    expect(await refused(() => upload('multipart/form-data', `${part}--b--\r\n`))).toBe(400);
    expect(await refused(() => upload('multipart/form-data; boundary=b', part))).toBe(400);
    expect((await api.sql('SELECT tor_file_id FROM mission WHERE id = $1', [mission.body.id]))[0].tor_file_id).toBeNull();
  });

  it('numbers in exponent form and a budget with a null part: 400 or 422, never stored rounded', async () => {
    const [series] = (await ministry.get('/api/benchmarks/RS-24-TER-01/track-records')).body;
    expect(await refused(() => ministry.put(`/api/track-records/${series.id}/values/2019`, { value: 1e-7, source: 'Police' }))).toBe(400);
    const activity = { code: '9.9.9', title: 'Fuzzed', responsibleInstitution: 'X', deadline: '2027-01-31', budgetCurrency: 'EUR', budgetSource: 'IPA' };
    expect(await refused(() => ministry.post('/api/benchmarks/RS-24-DRG-05/activities', { ...activity, budgetAmount: 1e-7 }))).toBe(400);
    const nullPart = await refused(() => ministry.post('/api/benchmarks/RS-24-DRG-05/activities', { ...activity, budgetAmount: null }));
    expect([400, 422]).toContain(nullPart);
  });

  it('refuses in every domain with a stable code and its parameters beside the English message', async () => {
    const anonymous = api.client({ ip: '10.12.0.10' });
    const coded = async (answer: Promise<{ status: number; body: Record<string, unknown> }>) => {
      const { status, body } = await answer;
      return { status, code: body['code'], params: body['params'] };
    };
    expect(await coded(anonymous.get('/api/benchmarks/RS-24-MIG-99'))).toEqual({ status: 404, code: 'benchmark.not-found', params: { ref: 'RS-24-MIG-99' } });
    expect(await coded(anonymous.get('/api/nothing-here'))).toEqual({
      status: 404,
      code: 'request.no-such-route',
      params: { method: 'GET', path: '/api/nothing-here' },
    });
    expect(await coded(anonymous.get('/api/missions'))).toEqual({ status: 401, code: 'auth.sign-in-needed', params: {} });
    expect(await coded(ministry.get('/api/admin/users'))).toEqual({ status: 403, code: 'auth.role-needed', params: { roles: 'admin' } });
    expect(await coded(anonymous.get('/api/benchmarks?state=closed&unknown=1'))).toEqual({
      status: 400,
      code: 'request.invalid-fields',
      params: { fields: 'unknown, state', details: expect.stringContaining('state must be one of draft, submitted, peerReview, accepted') },
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await coded(commission.get(`/api/missions/${missing}`))).toEqual({ status: 404, code: 'mission.not-found', params: { id: missing } });
    expect(await coded(commission.get('/api/missions/not-a-uuid'))).toEqual({ status: 400, code: 'request.not-a-uuid', params: {} });

    const consultation = await commission.post('/api/consultations', { title: 'Coded refusals' });
    const stale = commission.put(`/api/consultations/${consultation.body.id}`, {
      title: 'Coded refusals',
      version: consultation.body.version + 1,
      topics: [],
      recipientIds: [],
    });
    expect(await coded(stale)).toEqual({
      status: 409,
      code: 'consultation.changed-meanwhile',
      params: { current: consultation.body.version, sent: consultation.body.version + 1 },
    });

    // An itemised refusal: each problem of the roles with its own code.
    const [organisation] = (await admin.get<{ id: string; kind: string }[]>('/api/admin/organisations')).body.filter((o) => o.kind === 'commission');
    const roles = await admin.post('/api/admin/users', {
      email: 'coded@demo.test',
      displayName: 'Coded',
      organisationId: organisation.id,
      roles: [{ role: 'ministry' }],
    });
    expect([roles.status, roles.body.code, roles.body.errors]).toEqual([
      422,
      'user.roles-not-fitting',
      [
        {
          code: 'role.wrong-organisation-kind',
          params: { role: 'ministry', kinds: 'ministry or coordination_body', kind: 'commission' },
          message: 'role ministry needs an organisation of kind ministry or coordination_body, not commission',
        },
      ],
    ]);
    expect(await coded(admin.post('/api/admin/users', { email: 'admin@demo.test', displayName: 'Again', organisationId: organisation.id, roles: [] }))).toEqual(
      {
        status: 409,
        code: 'user.email-taken',
        params: { email: 'admin@demo.test' },
      },
    );
  });
});
