import { mkdtempSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// Evidence over HTTP on a real database: versions, the read-only rule, uploads done right, who sees
// internal evidence (list, versions, files, search) and search with and without diacritics.
const LIMIT = 4096;
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);
const BENCHMARK = 'RS-24-MIG-01';
// Versions and the read-only rule on a benchmark with sub-requirements.
const OTHER = 'RS-24-ASY-02';
// Many requests per test on a shared machine.
jest.setTimeout(60_000);

describe('evidence', () => {
  let api: TestApi;
  const filesDir = mkdtempSync(join(tmpdir(), 'bt-evidence-files-'));
  const clients: Record<string, ApiClient> = {};
  let internalId: string;
  let internalFileId: string;

  const upload = async (client: ApiClient, evidenceId: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${api.baseUrl}/api/evidence/${evidenceId}/files`, {
      method: 'POST',
      body: form,
      headers: client.browserHeaders('POST'),
    });
    return { status: response.status, body: await response.json() };
  };
  const download = (client: ApiClient, evidenceId: string, fileId: string) =>
    fetch(`${api.baseUrl}/api/evidence/${evidenceId}/files/${fileId}`, { headers: client.browserHeaders() });
  const storedFiles = () => readdirSync(filesDir);
  const count = async (table: string) => (await api.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const create = async (client: ApiClient, body: Record<string, unknown>, benchmark = BENCHMARK) => client.post(`/api/benchmarks/${benchmark}/evidence`, body);

  beforeAll(async () => {
    api = await startTestApi({ FILES_DIR: filesDir, UPLOAD_LIMIT_MB: String(LIMIT / 1024 / 1024) });
    let ip = 0;
    for (const who of ['coordinator', 'ministry', 'ministry.al', 'commission', 'expert', 'cso', 'admin']) {
      clients[who] = api.client({ ip: `10.7.0.${++ip}` });
      expect((await clients[who].signIn(`${who}@demo.test`)).status).toBe(200);
    }
    clients['anonymous'] = api.client({ ip: '10.7.0.99' });
    await clients['anonymous'].get('/api/health');
    // The expert is on a mission for the benchmark: they see its shared evidence, still not the internal.
    await api.sql(
      `WITH m AS (INSERT INTO mission (benchmark_id, start_date, end_date) SELECT id, '2026-01-01', '2026-01-02' FROM benchmark WHERE code = $1 RETURNING id)
       INSERT INTO mission_expert (mission_id, user_id) SELECT m.id, u.id FROM m, app_user u WHERE u.email = 'expert@demo.test'`,
      [BENCHMARK],
    );
    const created = await create(clients['ministry'], {
      title: 'Internal draft on the judiciary',
      narrative: 'Nacrt: reforma pravosuđa i pravosuđe u Srbiji; kodnaziv zelenibor.',
      visibility: 'internal',
    });
    expect(created.status).toBe(201);
    internalId = created.body.id;
    const uploaded = await upload(clients['ministry'], internalId, pdf(500), 'zelenibor-plan.pdf');
    expect(uploaded.status).toBe(201);
    internalFileId = uploaded.body.files[0].id;
  });
  afterAll(() => api?.close());

  describe('versions', () => {
    let id: string;

    it('creates version 1 with period, sub-requirements and links', async () => {
      const [sub] = await api.sql(`SELECT s.id FROM sub_requirement s JOIN benchmark b ON b.id = s.benchmark_id WHERE b.code = $1 LIMIT 1`, [OTHER]);
      const answer = await create(
        clients['coordinator'],
        {
          title: 'Law on Foreigners',
          narrative: 'Adopted in **March**.',
          visibility: 'shared',
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          subRequirementIds: [sub.id],
          links: [{ url: 'https://www.paragraf.rs/zakon', label: 'Official gazette' }],
        },
        OTHER,
      );
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ version: 1, periodStart: '2025-01-01', periodEnd: '2025-12-31', subRequirementIds: [sub.id], files: [] });
      expect(answer.body.links).toEqual([{ url: 'https://www.paragraf.rs/zakon', label: 'Official gazette' }]);
      id = answer.body.id;
    });

    it('refuses a bad period, a foreign sub-requirement and a non-web link with 422', async () => {
      const [foreign] = await api.sql(`SELECT s.id FROM sub_requirement s JOIN benchmark b ON b.id = s.benchmark_id WHERE b.code <> $1 LIMIT 1`, [OTHER]);
      const base = { title: 'x', visibility: 'shared' };
      expect((await create(clients['coordinator'], { ...base, periodStart: '2025-12-31', periodEnd: '2025-01-01' }, OTHER)).status).toBe(422);
      expect((await create(clients['coordinator'], { ...base, periodStart: '2025-02-30' }, OTHER)).status).toBe(422);
      expect((await create(clients['coordinator'], { ...base, subRequirementIds: [foreign.id] }, OTHER)).status).toBe(422);
      expect((await create(clients['coordinator'], { ...base, links: [{ url: 'javascript:alert(1)' }] }, OTHER)).status).toBe(422);
      expect((await clients['coordinator'].patch(`/api/evidence/${id}`, { version: 1, links: [{ url: 'ftp://example.org/x' }] })).status).toBe(422);
    });

    it('makes a new version on an edit, keeps the old one readable with who changed what, audits before and after', async () => {
      const edited = await clients['ministry'].patch(`/api/evidence/${id}`, { version: 1, narrative: 'Adopted in **April**.' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, narrative: 'Adopted in **April**.' });
      const versions = await clients['commission'].get(`/api/evidence/${id}/versions`);
      expect(versions.status).toBe(200);
      expect(versions.body.map((v: any) => [v.version, v.narrative, v.changes])).toEqual([
        [1, 'Adopted in **March**.', ['created']],
        [2, 'Adopted in **April**.', ['narrative']],
      ]);
      expect(versions.body[1].author).not.toBe(versions.body[0].author);
      const [event] = await api.sql(`SELECT data FROM audit_event WHERE action = 'evidence.updated' AND data->>'evidenceId' = $1`, [id]);
      expect(event.data).toMatchObject({ version: 2, before: { narrative: 'Adopted in **March**.' }, after: { narrative: 'Adopted in **April**.' } });
    });

    it('refuses an edit at a stale version with 409', async () => {
      const stale = await clients['coordinator'].patch(`/api/evidence/${id}`, { version: 1, title: 'Stale' });
      expect(stale.status).toBe(409);
      expect((await clients['coordinator'].get(`/api/evidence/${id}/versions`)).body).toHaveLength(2);
    });

    it('removes a file as a new version; the earlier version keeps it', async () => {
      const added = await upload(clients['coordinator'], id, pdf(300), 'gazette.pdf');
      expect(added).toMatchObject({ status: 201, body: { version: 3 } });
      const fileId = added.body.files[0].id;
      const removed = await clients['coordinator'].delete(`/api/evidence/${id}/files/${fileId}`);
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ version: 4, files: [] });
      const versions = (await clients['cso'].get(`/api/evidence/${id}/versions`)).body;
      expect(versions.map((v: any) => [v.version, v.files.length, v.changes])).toEqual([
        [1, 0, ['created']],
        [2, 0, ['narrative']],
        [3, 1, ['filesAdded']],
        [4, 0, ['filesRemoved']],
      ]);
      expect((await download(clients['cso'], id, fileId)).status).toBe(200);
      expect((await clients['coordinator'].delete(`/api/evidence/${id}/files/${fileId}`)).status).toBe(404);
    });

    it('is read-only while the benchmark is submitted (409 with the reason) and editable again once changes are requested', async () => {
      const [{ version }] = await api.sql(`SELECT version FROM benchmark WHERE code = $1`, [OTHER]);
      expect(await clients['coordinator'].post(`/api/benchmarks/${OTHER}/transitions`, { event: 'SUBMIT', version })).toMatchObject({ status: 200 });
      const refused = await clients['coordinator'].patch(`/api/evidence/${id}`, { version: 4, title: 'During review' });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/read-only while the benchmark is submitted/);
      expect((await upload(clients['coordinator'], id, pdf(100), 'late.pdf')).status).toBe(409);
      expect((await create(clients['coordinator'], { title: 'Late', visibility: 'shared' }, OTHER)).status).toBe(409);
      expect(storedFiles()).toHaveLength(2);
      const requested = await clients['commission'].post(`/api/benchmarks/${OTHER}/transitions`, {
        event: 'REQUEST_CHANGES',
        version: version + 1,
        comment: 'More data',
      });
      expect(requested.status).toBe(200);
      expect((await clients['coordinator'].patch(`/api/evidence/${id}`, { version: 4, title: 'After review' })).status).toBe(200);
    });
  });

  describe('uploads', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create(clients['ministry'], { title: 'Uploads', visibility: 'shared' })).body.id;
    });
    const nothingKept = async (filesBefore: string[], rowsBefore: number) => {
      expect(storedFiles().sort()).toEqual(filesBefore.sort());
      expect(await count('stored_file')).toBe(rowsBefore);
      expect(await count(`evidence_file WHERE evidence_id = '${id}'`)).toBe(0);
    };

    it('refuses one byte over the limit with 413 and keeps nothing; the limit itself passes', async () => {
      // The limit as configured, for the web app to say before anyone uploads.
      expect((await clients['anonymous'].get('/api/settings')).body).toEqual({ uploadLimitBytes: LIMIT });
      const [files, rows] = [storedFiles(), await count('stored_file')];
      expect((await upload(clients['ministry'], id, pdf(LIMIT + 1), 'big.pdf')).status).toBe(413);
      await nothingKept(files, rows);
      const exact = await upload(clients['ministry'], id, pdf(LIMIT), 'exact.pdf');
      expect(exact.status).toBe(201);
      expect(exact.body.files[0]).toMatchObject({ size: LIMIT, kind: 'pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      await clients['ministry'].delete(`/api/evidence/${id}/files/${exact.body.files[0].id}`);
      await api.sql(`DELETE FROM evidence_file WHERE evidence_id = $1`, [id]);
    });

    it('refuses HTML bytes named .pdf with 415 and an empty file with 422, keeping nothing', async () => {
      const [files, rows] = [storedFiles(), await count('stored_file')];
      expect((await upload(clients['ministry'], id, Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf')).status).toBe(415);
      expect((await upload(clients['ministry'], id, Buffer.alloc(0), 'empty.pdf')).status).toBe(422);
      await nothingKept(files, rows);
    });

    it('stores `../` and `<script>` names under a server-made name and sends them back with a safe header', async () => {
      const answer = await upload(clients['ministry'], id, pdf(200), '../../etc/<script>alert(1)</script>".pdf');
      expect(answer.status).toBe(201);
      const file = answer.body.files[0];
      expect(file.fileName).not.toMatch(/[/\\<>"]/);
      expect(file.fileName).toMatch(/\.pdf$/);
      const [row] = await api.sql(`SELECT storage_key FROM stored_file WHERE id = $1`, [file.id]);
      expect(row.storage_key).toMatch(/^[0-9a-f-]{36}$/);
      expect(storedFiles()).toContain(row.storage_key);
      const response = await download(clients['cso'], id, file.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"<>\\/]*\.pdf"; filename\*=UTF-8''[^"<>\s]+$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // A download is the caller's own: no shared cache keeps it (AttachmentHeaders on the route).
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      await api.sql(`UPDATE evidence_file SET removed_in_version = added_in_version + 1 WHERE evidence_id = $1`, [id]);
    });

    it('leaves no row and no file when an upload is cut off midway, and the server stays healthy', async () => {
      const [files, rows, links] = [storedFiles(), await count('stored_file'), await count(`evidence_file WHERE evidence_id = '${id}'`)];
      const client = clients['ministry'];
      const boundary = '----bt-cut-off';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      const body = Buffer.concat([head, pdf(LIMIT - 100), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const { port } = new URL(api.baseUrl);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(
        [
          `POST /api/evidence/${id}/files HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          `Cookie: ${client.browserHeaders().cookie}`,
          `X-XSRF-TOKEN: ${client.cookies.get('XSRF-TOKEN')}`,
          `Content-Type: multipart/form-data; boundary=${boundary}`,
          `Content-Length: ${body.length}`,
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(body.subarray(0, Math.floor(body.length / 2)));
      // Cut only once the server is writing the file (its `.part` is there), so the test is of a cut midway.
      const writing = () => storedFiles().some((name) => name.endsWith('.part'));
      for (let i = 0; i < 100 && !writing(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(writing()).toBe(true);
      socket.destroy();
      // The server notices the cut and cleans up; give it a moment on a busy machine.
      for (let i = 0; i < 50 && storedFiles().length !== files.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(storedFiles().sort()).toEqual(files.sort());
      expect(await count('stored_file')).toBe(rows);
      expect(await count(`evidence_file WHERE evidence_id = '${id}'`)).toBe(links);
      expect((await clients['anonymous'].get('/api/health')).status).toBe(200);
      expect((await upload(client, id, pdf(100), 'after.pdf')).status).toBe(201);
    });
  });

  describe('who sees internal evidence', () => {
    const sees = async (who: string) => {
      const client = clients[who];
      const list = await client.get(`/api/benchmarks/${BENCHMARK}/evidence`);
      const versions = await client.get(`/api/evidence/${internalId}/versions`);
      const file = await download(client, internalId, internalFileId);
      const search = await client.get('/api/search?q=zelenibor');
      const found = (kind: string) =>
        search.body.groups.find((g: any) => g.kind === kind).items.some((i: any) => i.id === (kind === 'file' ? internalFileId : internalId));
      return {
        list: list.status === 200 && list.body.some((e: any) => e.id === internalId),
        versions: versions.status,
        file: file.status,
        searchEvidence: found('evidence'),
        searchFile: found('file'),
      };
    };

    it.each(['coordinator', 'ministry'])('the ministry of the country (%s) sees it everywhere', async (who) => {
      expect(await sees(who)).toEqual({ list: true, versions: 200, file: 200, searchEvidence: true, searchFile: true });
    });

    it.each(['commission', 'expert', 'cso', 'ministry.al', 'admin', 'anonymous'])(
      '%s does not see it: not in the list, versions, file or search',
      async (who) => {
        expect(await sees(who)).toEqual({ list: false, versions: 404, file: 404, searchEvidence: false, searchFile: false });
      },
    );

    it('the mission expert and civil society do see a shared item of the same benchmark', async () => {
      const shared = await create(clients['ministry'], { title: 'Shared zelenibor summary', visibility: 'shared' });
      for (const who of ['expert', 'cso', 'commission']) {
        const search = await clients[who].get('/api/search?q=zelenibor&kind=evidence');
        expect(search.body.groups[0].items.map((i: any) => i.id)).toEqual([shared.body.id]);
      }
      expect((await clients['ministry.al'].get('/api/search?q=zelenibor&kind=evidence')).body.groups[0].items).toEqual([]);
    });
  });

  describe('search', () => {
    it('finds pravosuđe with and without diacritics, with a marked snippet and no HTML', async () => {
      for (const q of ['pravosuđe', 'pravosudje', 'PRAVOSUDE', 'Pravosuđa']) {
        const answer = await clients['ministry'].get(`/api/search?q=${encodeURIComponent(q)}&kind=evidence`);
        expect(answer.status).toBe(200);
        const [group] = answer.body.groups;
        expect(group.items.map((i: any) => i.id)).toContain(internalId);
        const hit = group.items.find((i: any) => i.id === internalId);
        expect(hit).toMatchObject({ kind: 'evidence', benchmarkCode: BENCHMARK, title: 'Internal draft on the judiciary' });
        expect(hit.snippet.filter((p: any) => p.match).map((p: any) => p.text.toLowerCase())).toContainEqual(expect.stringMatching(/^pravosuđ/));
      }
      expect((await clients['ministry'].get('/api/search?q=pravosudjx&kind=evidence')).body.groups[0].items).toEqual([]);
    });

    it('finds the catalogue for anyone, grouped by kind, filtered by country', async () => {
      const answer = await clients['anonymous'].get('/api/search?q=smuggling');
      expect(answer.status).toBe(200);
      expect(answer.body.groups.map((g: any) => g.kind)).toEqual(['benchmark', 'sub_requirement', 'evidence', 'file', 'proposal']);
      const benchmarks = answer.body.groups[0];
      expect(benchmarks.total).toBeGreaterThan(0);
      expect(benchmarks.items[0]).toMatchObject({ kind: 'benchmark', benchmarkCode: expect.stringMatching(/^RS-24-/) });
      expect((await clients['anonymous'].get('/api/search?q=smuggling&country=AL')).body.groups[0].total).toBe(0);
      const byCode = await clients['anonymous'].get('/api/search?q=RS-24-MIG-01&kind=benchmark');
      expect(byCode).toMatchObject({ status: 200 });
      expect(byCode.body.groups[0].items[0].benchmarkCode).toBe(BENCHMARK);
    });

    it('finds proposals only for those who see the dialogue', async () => {
      const proposal = await clients['cso'].post(`/api/benchmarks/${BENCHMARK}/proposals`, {
        text: 'Predlog: ojačati kapacitete pravosuđa, kodnaziv crvenibor.',
      });
      expect(proposal.status).toBe(201);
      const found = async (who: string) => (await clients[who].get('/api/search?q=crvenibor&kind=proposal')).body.groups[0].total;
      expect(await found('cso')).toBe(1);
      expect(await found('ministry')).toBe(1);
      expect(await found('commission')).toBe(1);
      expect(await found('expert')).toBe(1);
      expect(await found('ministry.al')).toBe(0);
      expect(await found('anonymous')).toBe(0);
    });

    it('refuses an empty or malformed query with 400', async () => {
      expect((await clients['anonymous'].get('/api/search?q=')).status).toBe(400);
      expect((await clients['anonymous'].get('/api/search?q=x&kind=secret')).status).toBe(400);
      const punctuation = await clients['anonymous'].get(`/api/search?q=${encodeURIComponent("'&|!:*")}`);
      expect(punctuation.status).toBe(200);
      expect(punctuation.body.groups.every((g: any) => g.total === 0)).toBe(true);
    });
  });
});
