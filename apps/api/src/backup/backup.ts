import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { FileStorage } from '@bt/api/files';
import { MIGRATIONS_TABLE, quoteName, sequenceNames, settleSession, tablesInLoadOrder } from './database-tables';
import { BACKUP_FORMAT, type Manifest, writeManifest } from './manifest';
import { TableChecksum } from './table-checksum';

export class BackupError extends Error {}

/**
 * `npm run backup -- <dir>`: the database and its stored files, online. Every table is copied out in
 * one REPEATABLE READ transaction, so all of them and the list of files are one snapshot — whatever
 * commits meanwhile is wholly in the next backup. Files are never changed or removed once their row
 * has committed, so copying them after the snapshot's end copies the snapshot's files. Each file is
 * checked against its row's SHA-256 as it is copied; the manifest is written last.
 */
export async function backup(dir: string, options: { databaseUrl: string; storage: FileStorage; log?: (line: string) => void }): Promise<Manifest> {
  const log = options.log ?? (() => undefined);
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length) throw new BackupError(`${dir} is not empty: a backup goes into a new or empty directory`);
  await mkdir(join(dir, 'tables'), { recursive: true, mode: 0o700 });
  await mkdir(join(dir, 'files'), { mode: 0o700 });

  const client = new Client({ connectionString: options.databaseUrl, application_name: 'bt-backup' });
  await client.connect();
  let snapshot: Omit<Manifest, 'files'> & { storedFiles: Manifest['files'] };
  try {
    await settleSession(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    snapshot = await copySnapshot(client, dir, log);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }

  const problems: string[] = [];
  for (const file of snapshot.storedFiles) {
    const problem = await copyFile(options.storage, file, join(dir, 'files', file.key));
    if (problem) problems.push(problem);
  }
  if (problems.length) {
    throw new BackupError(`the file store does not hold what the database records (no manifest written, this backup is unusable):\n  ${problems.join('\n  ')}`);
  }
  log(`files: ${snapshot.storedFiles.length} copied and checked`);
  const { storedFiles, ...rest } = snapshot;
  const manifest: Manifest = { ...rest, files: storedFiles };
  await writeManifest(dir, manifest);
  return manifest;
}

async function copySnapshot(client: Client, dir: string, log: (line: string) => void): Promise<Omit<Manifest, 'files'> & { storedFiles: Manifest['files'] }> {
  const [{ now }] = (await client.query<{ now: Date }>('SELECT now()')).rows;
  const migrations = await client.query<{ name: string }>(`SELECT name FROM ${quoteName(MIGRATIONS_TABLE)} ORDER BY id`).catch(() => null);
  if (!migrations?.rows.length) throw new BackupError('this database has no migrations table: not a Benchmark Tracker database, or one never started');
  const names = migrations.rows.map((r) => r.name);

  const tables: Manifest['tables'] = [];
  for (const table of await tablesInLoadOrder(client)) {
    const file = `tables/${table.name}.copy.gz`;
    const columns = table.columns.map(quoteName).join(', ');
    const checksum = new TableChecksum();
    await pipeline(
      client.query(copyTo(`COPY ${quoteName(table.name)} (${columns}) TO STDOUT`)),
      checksum,
      createGzip(),
      createWriteStream(join(dir, file), { mode: 0o600 }),
    );
    tables.push({ name: table.name, columns: table.columns, rows: checksum.rows, checksum: checksum.checksum, file });
    log(`table ${table.name}: ${checksum.rows} rows`);
  }

  // A sequence is not transactional: its value may be past the snapshot's rows, which is safe.
  const sequences: Manifest['sequences'] = [];
  for (const name of await sequenceNames(client)) {
    const [row] = (await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${quoteName(name)}`)).rows;
    sequences.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }

  const [audit] = (
    await client.query<{ events: string; last_hash: string | null }>(
      `SELECT count(*)::text AS events, (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1) AS last_hash FROM audit_event`,
    )
  ).rows;
  const files = await client.query<{ key: string; sha256: string; size: string }>(
    `SELECT storage_key AS key, sha256, size::text FROM stored_file ORDER BY storage_key`,
  );
  return {
    format: BACKUP_FORMAT,
    takenAt: new Date(now).toISOString(),
    schema: { lastMigration: names[names.length - 1], migrations: names },
    tables,
    sequences,
    audit: { events: Number(audit.events), lastHash: audit.last_hash },
    storedFiles: files.rows.map((f) => ({ key: f.key, sha256: f.sha256, size: Number(f.size) })),
  };
}

/** Copies one stored file into the backup; what is wrong with it, or null. */
async function copyFile(storage: FileStorage, file: Manifest['files'][number], target: string): Promise<string | null> {
  const measured = measure();
  try {
    await pipeline(storage.read(file.key), measured.stream, createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    return `file ${file.key}: cannot be read (${(error as Error).message})`;
  }
  const { sha256, size } = measured.result();
  if (sha256 !== file.sha256 || size !== file.size)
    return `file ${file.key}: ${size} bytes with SHA-256 ${sha256}, but its row records ${file.size} bytes with ${file.sha256}`;
  return null;
}

/** A pass-through stream that hashes and counts what flows through it. */
export function measure(): { stream: Transform; result: () => { sha256: string; size: number } } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}
