import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@bt/api/audit';
import { readAppConfig } from '@bt/api/core';
import { LocalDirectoryStorage } from '@bt/api/files';
import { ApiClient, createTestDatabase } from '@bt/testing';
import { createApp } from './app';
import { backup } from './backup/backup';
import { type Manifest, readManifest } from './backup/manifest';
import { restore, RestoreRefused } from './backup/restore';
import { dataSourceOptions } from './database/data-source';
import { startTestApi, type TestApi } from './testing/test-api';

// The restore drill, on real databases and real file directories: files uploaded and transitions
// audited; a backup taken while transitions go on; restored into a fresh database and directory, where
// counts, files and the audit chain are the manifest's — and the API serves the restored files. Then
// what a restore must refuse or report: a non-empty database or file store, a newer schema, a
// tampered file, table or audit event.
jest.setTimeout(120_000);

const COMMENT = 'Please add the 2025 conviction figures.';
const pdf = (n: number) => Buffer.concat([Buffer.from(`%PDF-1.7\n% drill file ${n}\n`), Buffer.alloc(2000 + n * 997, 0x20 + (n % 90))]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('backup and restore', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bt-backup-drill-'));
  const sourceFiles = join(tmp, 'source-files');
  const backupDir = join(tmp, 'backup');
  let api: TestApi;
  let coordinator: ApiClient;
  let commission: ApiClient;
  let benchmarks: { id: string; state: string; version: number }[];
  const uploaded: { evidenceId: string; fileId: string; sha256: string }[] = [];
  const dropLater: (() => Promise<void>)[] = [];

  const freshDatabase = async () => {
    const database = await createTestDatabase();
    dropLater.push(database.drop);
    return database.url;
  };
  const freshFiles = () => mkdtempSync(join(tmp, 'files-'));

  beforeAll(async () => {
    api = await startTestApi({ FILES_DIR: sourceFiles });
    coordinator = api.client({ ip: '10.19.0.1' });
    commission = api.client({ ip: '10.19.0.2' });
    expect((await coordinator.signIn('coordinator@demo.test')).status).toBe(200);
    expect((await commission.signIn('commission@demo.test')).status).toBe(200);
    // Six draft benchmarks of their own, each with the shared evidence a SUBMIT needs; files on three.
    const [author] = await api.sql(`SELECT id FROM app_user WHERE email = 'coordinator@demo.test'`);
    const [area] = await api.sql(
      `INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('RS', 24, 'BKP', 'Backup drill', 1019) RETURNING id`,
    );
    benchmarks = await api.sql(
      `INSERT INTO benchmark (code, area_id, position, text) SELECT 'RS-24-BKP-' || i, $1, i, 'Backup drill benchmark ' || i FROM generate_series(1, 6) AS i RETURNING id, state, version`,
      [area.id],
    );
    const evidence = await api.sql(
      `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id) SELECT id, 'Evidence', 'For the backup drill.', 'shared', $2 FROM benchmark WHERE area_id = $1 RETURNING id`,
      [area.id, author.id],
    );
    for (let n = 0; n < 6; n++) {
      const bytes = pdf(n);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), `drill-${n}.pdf`);
      const evidenceId = evidence[n % 3].id as string;
      const response = await fetch(`${api.baseUrl}/api/evidence/${evidenceId}/files`, {
        method: 'POST',
        body: form,
        headers: coordinator.browserHeaders('POST'),
      });
      expect(response.status).toBe(201);
      const body = await response.json();
      uploaded.push({ evidenceId, fileId: body.files.find((f: { fileName: string }) => f.fileName === `drill-${n}.pdf`).id, sha256: sha256(bytes) });
    }
  });

  afterAll(async () => {
    await api?.close();
    for (const drop of dropLater) await drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** SUBMIT and REQUEST_CHANGES in turn on the drill's benchmarks until `done()`; each one audited. */
  function transitionsUntilDone(): { done: () => Promise<number>; count: () => number } {
    let stop = false;
    let count = 0;
    const worker = async (b: (typeof benchmarks)[number]) => {
      while (!stop) {
        const submit = b.state === 'draft';
        const body = submit ? { event: 'SUBMIT', version: b.version } : { event: 'REQUEST_CHANGES', version: b.version, comment: COMMENT };
        const res = await (submit ? coordinator : commission).post(`/api/benchmarks/${b.id}/transitions`, body);
        expect(res.status).toBe(200);
        b.state = res.body.state;
        b.version = res.body.version;
        count++;
      }
    };
    const running = Promise.all(benchmarks.map(worker));
    return {
      count: () => count,
      done: async () => {
        stop = true;
        await running;
        return count;
      },
    };
  }

  let manifest: Manifest;

  it('backs up online while transitions commit: one snapshot, every file checked, a manifest', async () => {
    const transitions = transitionsUntilDone();
    while (transitions.count() < 6) await new Promise((r) => setTimeout(r, 20));
    manifest = await backup(backupDir, { databaseUrl: api.databaseUrl, storage: new LocalDirectoryStorage(sourceFiles) });
    const duringBackup = transitions.count();
    // Some more after the snapshot, which must not be in it.
    while (transitions.count() < duringBackup + 6) await new Promise((r) => setTimeout(r, 20));
    await transitions.done();

    expect(await readManifest(backupDir)).toEqual(manifest);
    expect(manifest.schema.lastMigration).toBe((await api.sql(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0].name);
    const [{ events }] = await api.sql(`SELECT count(*)::int AS events FROM audit_event`);
    expect(manifest.audit.events).toBeGreaterThan(0);
    expect(manifest.audit.events).toBeLessThan(events);
    const recorded = await api.sql(`SELECT storage_key AS key, sha256, size::int FROM stored_file ORDER BY storage_key`);
    expect(manifest.files).toEqual(recorded);
    for (const u of uploaded) expect(manifest.files.map((f) => f.sha256)).toContain(u.sha256);
    for (const f of manifest.files) expect(sha256(readFileSync(join(backupDir, 'files', f.key)))).toBe(f.sha256);
    expect(manifest.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['app_user', 'benchmark', 'audit_event', 'stored_file', 'evidence_file']));
    expect(manifest.tables.map((t) => t.name)).not.toContain('migrations');
    // Referenced tables come first.
    const position = (name: string) => manifest.tables.findIndex((t) => t.name === name);
    expect(position('app_user')).toBeLessThan(position('stored_file'));
    expect(position('stored_file')).toBeLessThan(position('evidence_file'));
  });

  it('restores into a fresh database and file directory, verified against the manifest; the API serves it', async () => {
    const databaseUrl = await freshDatabase();
    const filesDir = freshFiles();
    const report = await restore(backupDir, { databaseUrl, storage: new LocalDirectoryStorage(filesDir) });
    expect(report.problems).toEqual([]);

    // Checked again here, independently of the restore's own verification.
    const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
    try {
      for (const table of manifest.tables) {
        const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${table.name}"`);
        expect([table.name, n]).toEqual([table.name, table.rows]);
      }
      expect(readdirSync(filesDir).sort()).toEqual(manifest.files.map((f) => f.key).sort());
      for (const f of manifest.files) expect(sha256(readFileSync(join(filesDir, f.key)))).toBe(f.sha256);
      const chain = await verifyAuditChain(dataSource);
      expect(chain).toEqual({ checked: manifest.audit.events, firstBroken: null });
      expect((await dataSource.query(`SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1`))[0].hash).toBe(manifest.audit.lastHash);
      // One snapshot: each benchmark's version is that of its last audited transition in the copy.
      const drift = await dataSource.query(
        `SELECT b.code, b.version, (SELECT (e.data->>'version')::int FROM audit_event e WHERE e.entity_id = b.id::text ORDER BY e.id DESC LIMIT 1) AS audited
           FROM benchmark b WHERE b.id = ANY($1) AND b.version > 1`,
        [benchmarks.map((b) => b.id)],
      );
      expect(drift.length).toBeGreaterThan(0);
      for (const row of drift) expect([row.code, row.audited]).toEqual([row.code, row.version]);
      // Sequences go on after the restored rows: a new event appends to the restored chain.
      const [next] = await dataSource.query(`SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))::int AS id`);
      const [max] = await dataSource.query(`SELECT max(id)::int AS id FROM audit_event`);
      expect(next.id).toBeGreaterThan(max.id);
    } finally {
      await dataSource.destroy();
    }

    // The restored installation works: the API starts on it and serves the uploaded files.
    const app = await createApp(readAppConfig({ DATABASE_URL: databaseUrl, FILES_DIR: filesDir, WEB_DIR: '/nonexistent', NOTIFICATIONS_WORKER: 'false' }), {
      logger: false,
    });
    try {
      await app.listen(0, '127.0.0.1');
      const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const client = new ApiClient(baseUrl, { ip: '10.19.0.9' });
      expect((await client.signIn('coordinator@demo.test')).status).toBe(200);
      const u = uploaded[4];
      const response = await fetch(`${baseUrl}/api/evidence/${u.evidenceId}/files/${u.fileId}`, { headers: client.browserHeaders() });
      expect(response.status).toBe(200);
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(u.sha256);
    } finally {
      await app.close();
    }
  });

  it('refuses a database or a file store that is not empty, and leaves both as they were', async () => {
    const refusal = await restore(backupDir, { databaseUrl: api.databaseUrl, storage: new LocalDirectoryStorage(freshFiles()) }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(RestoreRefused);
    expect((refusal as Error).message).toMatch(/^the database is not empty \(it holds public\./);
    const empty = await freshDatabase();
    await expect(restore(backupDir, { databaseUrl: empty, storage: new LocalDirectoryStorage(sourceFiles) })).rejects.toThrow(/the file store is not empty/);
    const dataSource = await new DataSource(dataSourceOptions(empty)).initialize();
    try {
      expect(await dataSource.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses a backup whose schema is newer than this code, before writing anything', async () => {
    const newer = join(tmp, 'newer');
    cpSync(backupDir, newer, { recursive: true });
    const future = { ...manifest, schema: { lastMigration: 'Future1899999999999', migrations: [...manifest.schema.migrations, 'Future1899999999999'] } };
    writeFileSync(join(newer, 'manifest.json'), JSON.stringify(future));
    const databaseUrl = await freshDatabase();
    const filesDir = freshFiles();
    await expect(restore(newer, { databaseUrl, storage: new LocalDirectoryStorage(filesDir) })).rejects.toThrow(/newer than this code's .*Future1899999999999/);
    expect(readdirSync(filesDir)).toEqual([]);
    await expect(restore(join(tmp, 'nowhere'), { databaseUrl, storage: new LocalDirectoryStorage(filesDir) })).rejects.toThrow(/no manifest\.json/);
  });

  it('reports a tampered file, a tampered table and a tampered audit event, and does not report success', async () => {
    const tampered = join(tmp, 'tampered');
    cpSync(backupDir, tampered, { recursive: true });
    // One byte of a file changed, its size kept.
    const victim = manifest.files[0];
    const bytes = readFileSync(join(tampered, 'files', victim.key));
    bytes[bytes.length - 1] ^= 0x01;
    writeFileSync(join(tampered, 'files', victim.key), bytes);
    // A person's name changed in the copy of a table, and an audit event's label.
    const edit = (table: string, from: RegExp, to: string) => {
      const file = join(tampered, 'tables', `${table}.copy.gz`);
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      expect(text).toMatch(from);
      writeFileSync(file, gzipSync(text.replace(from, to)));
    };
    edit('app_user', /\tcoordinator@demo\.test\t/, '\tsomeone.else@demo.test\t');
    edit('audit_event', /\tbenchmark\.SUBMIT\t/, '\tbenchmark.APPROVE\t');

    const report = await restore(tampered, { databaseUrl: await freshDatabase(), storage: new LocalDirectoryStorage(freshFiles()) });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^file ${victim.key}: ${victim.size} bytes with SHA-256 [0-9a-f]{64}, the manifest says`)),
        expect.stringMatching(/^table app_user: its rows differ from the backup's/),
        expect.stringMatching(/^table audit_event: its rows differ from the backup's/),
        expect.stringMatching(/^audit trail broken at event \d+: its content does not match its hash/),
      ]),
    );
    expect(report.problems).toHaveLength(4);
  });
});
