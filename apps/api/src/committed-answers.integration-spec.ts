import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type QueryRunner } from 'typeorm';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// "A request whose transaction committed never answers 500": the answer of a write is read inside its
// own transaction, so once COMMIT has succeeded no other round trip to the database can fail it.
// The database "dies" right after the commit of the transaction that records an upload (every later
// query fails, as when PostgreSQL is killed at that moment): the upload still answers 201 with the
// file it committed — before, the read-back after the commit failed and the caller got a 500 for a
// stored file, and a retry stored it twice.
jest.setTimeout(60_000);

const pdf = (label: string) => new Blob([new Uint8Array(Buffer.from(`%PDF-1.7\n% ${label}\n%%EOF\n`))]);

describe('a write whose transaction committed', () => {
  const filesDir = mkdtempSync(join(tmpdir(), 'bt-committed-'));
  let api: TestApi;
  let coordinator: ApiClient;
  let commission: ApiClient;
  /** Set by the commit of a transaction that wrote a stored_file row; then every query fails. */
  let databaseGone = false;
  let armed = false;
  let restore: () => void;

  beforeAll(async () => {
    api = await startTestApi({ FILES_DIR: filesDir });
    coordinator = api.client({ ip: '10.19.4.1' });
    commission = api.client({ ip: '10.19.4.2' });
    expect((await coordinator.signIn('coordinator@demo.test')).status).toBe(200);
    expect((await commission.signIn('commission@demo.test')).status).toBe(200);
    // The fault, injected into the API's real connections to its real database (nothing mocked but the outage).
    const runner = Object.getPrototypeOf(api.app.get(DataSource).createQueryRunner()) as QueryRunner & { recordsFile?: boolean };
    const { query, commitTransaction } = runner;
    runner.query = async function (this: typeof runner, sql: string, ...rest: unknown[]) {
      if (databaseGone) throw new Error('Connection terminated unexpectedly');
      if (armed && sql.includes('INSERT INTO stored_file')) this.recordsFile = true;
      return (query as (...args: unknown[]) => Promise<unknown>).call(this, sql, ...rest);
    } as typeof runner.query;
    runner.commitTransaction = async function (this: typeof runner) {
      await commitTransaction.call(this);
      if (this.recordsFile) databaseGone = true;
      this.recordsFile = false;
    };
    restore = () => Object.assign(runner, { query, commitTransaction });
  });

  afterEach(() => {
    armed = false;
    databaseGone = false;
  });

  afterAll(async () => {
    restore?.();
    await api?.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  const upload = async (client: ApiClient, path: string, label: string) => {
    const form = new FormData();
    form.append('file', pdf(label), `${label}.pdf`);
    armed = true;
    const response = await fetch(`${api.baseUrl}${path}`, { method: 'POST', body: form, headers: client.browserHeaders('POST') });
    const gone = databaseGone;
    armed = false;
    databaseGone = false;
    return { status: response.status, body: await response.json(), gone };
  };

  it('an evidence file: 201 with the committed file although the database is gone after the commit', async () => {
    const [author] = await api.sql(`SELECT id FROM app_user WHERE email = 'coordinator@demo.test'`);
    const [benchmark] = await api.sql(`SELECT id FROM benchmark WHERE state = 'draft' ORDER BY code LIMIT 1`);
    const [evidence] = await api.sql(
      `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id) VALUES ($1, 'Committed', '', 'shared', $2) RETURNING id`,
      [benchmark.id, author.id],
    );
    const answer = await upload(coordinator, `/api/evidence/${evidence.id}/files`, 'committed-evidence');
    expect(answer.gone).toBe(true); // the outage did happen, right after the commit
    expect(answer.status).toBe(201);
    const file = answer.body.files.find((f: { fileName: string }) => f.fileName === 'committed-evidence.pdf');
    // What the caller was told is what is committed: the row, its file, one audit event.
    const rows = await api.sql(`SELECT s.id, s.storage_key FROM stored_file s JOIN evidence_file f ON f.stored_file_id = s.id WHERE f.evidence_id = $1`, [
      evidence.id,
    ]);
    expect(rows.map((r) => r.id)).toEqual([file.id]);
    expect(readdirSync(filesDir)).toContain(rows[0].storage_key);
    expect(await api.sql(`SELECT 1 FROM audit_event WHERE action = 'evidence.file_added' AND data->>'fileId' = $1`, [file.id])).toHaveLength(1);
  });

  it("a mission's terms of reference: 201 with the committed file, likewise", async () => {
    const mission = await commission.post('/api/missions', {
      title: 'Committed answers',
      benchmarks: ['RS-24-MIG-01'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [],
    });
    expect(mission.status).toBe(201);
    const answer = await upload(commission, `/api/missions/${mission.body.id}/terms-of-reference`, 'committed-tor');
    expect(answer.gone).toBe(true);
    expect(answer.status).toBe(201);
    const [row] = await api.sql(`SELECT tor_file_id FROM mission WHERE id = $1`, [mission.body.id]);
    expect(answer.body.termsOfReference.id).toBe(row.tor_file_id);
  });
});
