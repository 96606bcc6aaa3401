import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readAppConfig } from '@bt/api/core';
import { FileLeftovers, fileStorageFor, S3Storage } from '@bt/api/files';
import { type ApiClient, createTestDatabase, S3TestServer } from '@bt/testing';
import { backup } from './backup/backup';
import { restore, RestoreRefused } from './backup/restore';
import { startTestApi, type TestApi } from './testing/test-api';

// The API with its files in a bucket of a real S3 server on loopback (s3rver), as FILES_S3_* chooses:
// uploads land in the bucket (not in FILES_DIR) and come back byte for byte; the crash sweep removes
// an object no row names and keeps the recorded ones; a backup copies the bucket's files and a restore
// fills an empty bucket, verified — and refuses one that is not empty.
jest.setTimeout(120_000);

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (n: number) => Buffer.concat([Buffer.from(`%PDF-1.7\n% S3 file ${n}\n`), Buffer.alloc(3000 + n * 1009, 0x41 + n)]);

describe('files in an S3-compatible store', () => {
  const s3 = new S3TestServer();
  const tmp = mkdtempSync(join(tmpdir(), 'bt-s3-store-'));
  const filesDir = join(tmp, 'unused-files-dir');
  let api: TestApi;
  let coordinator: ApiClient;
  let evidenceId: string;
  const uploaded: { fileId: string; bytes: Buffer; key: string }[] = [];
  const dropLater: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    await s3.start();
    api = await startTestApi({ ...s3.env(), FILES_DIR: filesDir });
    coordinator = api.client({ ip: '10.19.3.1' });
    expect((await coordinator.signIn('coordinator@demo.test')).status).toBe(200);
    const [author] = await api.sql(`SELECT id FROM app_user WHERE email = 'coordinator@demo.test'`);
    const [benchmark] = await api.sql(`SELECT id FROM benchmark WHERE state = 'draft' ORDER BY code LIMIT 1`);
    [{ id: evidenceId }] = await api.sql(
      `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id) VALUES ($1, 'S3 evidence', 'Files in a bucket.', 'shared', $2) RETURNING id`,
      [benchmark.id, author.id],
    );
  });

  afterAll(async () => {
    await api?.close();
    for (const drop of dropLater) await drop();
    await s3.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const download = (fileId: string) => fetch(`${api.baseUrl}/api/evidence/${evidenceId}/files/${fileId}`, { headers: coordinator.browserHeaders('GET') });

  it('keeps an upload in the bucket, not on the local disk, and sends it back byte for byte', async () => {
    for (const n of [1, 2, 3]) {
      const bytes = pdf(n);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), `s3-${n}.pdf`);
      const response = await fetch(`${api.baseUrl}/api/evidence/${evidenceId}/files`, {
        method: 'POST',
        body: form,
        headers: coordinator.browserHeaders('POST'),
      });
      expect(response.status).toBe(201);
      const file = (await response.json()).files.find((f: { fileName: string }) => f.fileName === `s3-${n}.pdf`);
      expect(file.sha256).toBe(sha256(bytes));
      const [{ storage_key }] = await api.sql(`SELECT storage_key FROM stored_file WHERE id = $1`, [file.id]);
      uploaded.push({ fileId: file.id, bytes, key: storage_key });
    }
    expect(await s3.keys()).toEqual(uploaded.map((u) => u.key).sort());
    expect(() => readdirSync(filesDir)).toThrow(); // never even made
    for (const u of uploaded) {
      const response = await download(u.fileId);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(u.bytes));
    }
  });

  it('refuses a file of the wrong kind with nothing left in the bucket', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('MZ\x90\x00 not a document'))]), 'tool.pdf');
    const response = await fetch(`${api.baseUrl}/api/evidence/${evidenceId}/files`, {
      method: 'POST',
      body: form,
      headers: coordinator.browserHeaders('POST'),
    });
    expect(response.status).toBe(415);
    expect(await s3.keys()).toEqual(uploaded.map((u) => u.key).sort());
  });

  it('sweeps an object no row names once it is an hour old, claims the bucket, keeps recorded files', async () => {
    const orphan = randomUUID(); // as a crash between the upload's end and the commit leaves it
    await s3.client().send(new PutObjectCommand({ Bucket: s3.bucket, Key: orphan, Body: '%PDF-1.7 orphan' }));
    const leftovers = api.app.get(FileLeftovers);
    expect(await leftovers.sweep()).toEqual({ partial: 0, rowless: 0 }); // young: its commit may be on its way
    expect(await leftovers.sweep(new Date(Date.now() + 61 * 60 * 1000))).toEqual({ partial: 0, rowless: 1 });
    expect(await s3.keys()).toEqual([...uploaded.map((u) => u.key), '.database'].sort());
    expect(await new S3Storage(s3.settings()).owner()).toMatch(/\/bt_test/);
  });

  it('is backed up and restored into an empty bucket, verified; a bucket that is not empty is refused', async () => {
    const backupDir = join(tmp, 'backup');
    const source = fileStorageFor(readAppConfig({ DATABASE_URL: api.databaseUrl, ...s3.env() }));
    const manifest = await backup(backupDir, { databaseUrl: api.databaseUrl, storage: source });
    expect(manifest.files.map((f) => f.key).sort()).toEqual(uploaded.map((u) => u.key).sort());
    expect(readdirSync(join(backupDir, 'files')).sort()).toEqual(uploaded.map((u) => u.key).sort());

    const fresh = await createTestDatabase();
    dropLater.push(fresh.drop);
    await expect(restore(backupDir, { databaseUrl: fresh.url, storage: source })).rejects.toThrow(RestoreRefused);
    await expect(restore(backupDir, { databaseUrl: fresh.url, storage: source })).rejects.toThrow(/the file store is not empty/);

    const bucket = await s3.createBucket();
    const report = await restore(backupDir, { databaseUrl: fresh.url, storage: new S3Storage(s3.settings(bucket)) });
    expect(report.problems).toEqual([]);
    expect(await s3.keys(bucket)).toEqual(uploaded.map((u) => u.key).sort());
  });
});
