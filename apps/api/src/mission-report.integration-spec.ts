import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// The mission report upload: bytes decide the type, the limit is exact, and a refusal leaves nothing behind.
const LIMIT = 2048;
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);

describe('mission report upload', () => {
  let api: TestApi;
  let expert: ApiClient;
  let commission: ApiClient;
  let missionId: string;
  const filesDir = mkdtempSync(join(tmpdir(), 'bt-files-'));

  beforeAll(async () => {
    api = await startTestApi({ FILES_DIR: filesDir, UPLOAD_LIMIT_MB: String(LIMIT / 1024 / 1024) });
    expert = api.client({ ip: '10.5.0.1' });
    commission = api.client({ ip: '10.5.0.2' });
    const coordinator = api.client({ ip: '10.5.0.3' });
    await Promise.all([expert.signIn('expert@demo.test'), commission.signIn('commission@demo.test'), coordinator.signIn('coordinator@demo.test')]);
    await coordinator.post('/api/benchmarks/RS-24-VIS-01/evidence', { title: 'Needs assessment', visibility: 'shared' });
    expect((await coordinator.post('/api/benchmarks/RS-24-VIS-01/transitions', { event: 'SUBMIT', version: 1 })).status).toBe(200);
    const [{ id: expertId }] = await api.sql(`SELECT id FROM app_user WHERE email = 'expert@demo.test'`);
    const start = await commission.post('/api/benchmarks/RS-24-VIS-01/transitions', {
      event: 'START_PEER_REVIEW',
      version: 2,
      mission: { startDate: '2026-01-05', endDate: '2026-01-07', expertIds: [expertId] },
    });
    expect(start.status).toBe(200);
    missionId = (await commission.get('/api/benchmarks/RS-24-VIS-01')).body.mission.id;
  });
  afterAll(() => api?.close());

  const upload = async (client: ApiClient, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${api.baseUrl}/api/missions/${missionId}/report`, {
      method: 'POST',
      body: form,
      headers: client.browserHeaders('POST'),
    });
    return { status: response.status, body: await response.json() };
  };
  const storedFiles = () => readdirSync(filesDir);
  const report = async () => (await commission.get('/api/benchmarks/RS-24-VIS-01')).body.mission.report;

  it('refuses one byte over the limit with 413 and keeps nothing', async () => {
    expect((await upload(expert, pdf(LIMIT + 1), 'report.pdf')).status).toBe(413);
    expect(storedFiles()).toEqual([]);
    expect(await report()).toBeNull();
  });

  it('refuses HTML bytes named .pdf with 415, and an empty file with 422 (as every upload of @bt/api/files)', async () => {
    expect((await upload(expert, Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf')).status).toBe(415);
    expect((await upload(expert, Buffer.alloc(0), 'empty.pdf')).status).toBe(422);
    expect(storedFiles()).toEqual([]);
  });

  it('keeps the file of exactly the limit under a server-made name, with its SHA-256 and a cleaned-up name', async () => {
    const answer = await upload(expert, pdf(LIMIT), '../../etc/<script>passwd.pdf');
    expect(answer.status).toBe(201);
    expect(answer.body.report).toMatchObject({ fileName: '_script_passwd.pdf', size: LIMIT, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(storedFiles()).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });

  it('lets only the Commission and the mission’s experts download it, as an attachment', async () => {
    const download = await fetch(`${api.baseUrl}/api/missions/${missionId}/report`, { headers: commission.browserHeaders() });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="_script_passwd.pdf"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await download.arrayBuffer()).byteLength).toBe(LIMIT);
    const ministry = api.client({ ip: '10.5.0.4' });
    await ministry.signIn('ministry@demo.test');
    expect((await ministry.get(`/api/missions/${missionId}/report`)).status).toBe(404);
  });

  it('refuses an upload from someone outside the mission with 404', async () => {
    const cso = api.client({ ip: '10.5.0.5' });
    await cso.signIn('cso@demo.test');
    expect((await upload(cso, pdf(100), 'x.pdf')).status).toBe(404);
  });
});
