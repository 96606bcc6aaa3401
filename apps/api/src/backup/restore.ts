import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@bt/api/audit';
import type { FileStorage } from '@bt/api/files';
import { dataSourceOptions } from '../database/data-source';
import { MIGRATIONS } from '../database/migrations';
import { measure } from './backup';
import { MIGRATIONS_TABLE, quoteName, settleSession, tablesInLoadOrder } from './database-tables';
import { BACKUP_FORMAT, type Manifest, readManifest } from './manifest';
import { TableChecksum } from './table-checksum';

/** A restore refused before anything was written: the database and the file store are as they were. */
export class RestoreRefused extends Error {}

export interface RestoreReport {
  manifest: Manifest;
  /** What differs from the manifest after the load; empty when the restore is verified. */
  problems: string[];
}

/**
 * `npm run restore -- <dir>`: a backup into an empty database and an empty file store. Creates the
 * schema with this code's migrations up to the backup's version, loads every table in one
 * transaction, copies the files, then reads everything back: each table's rows and checksum, each
 * file's SHA-256 and size, and the audit chain must be those of the manifest.
 */
export async function restore(dir: string, options: { databaseUrl: string; storage: FileStorage; log?: (line: string) => void }): Promise<RestoreReport> {
  const log = options.log ?? (() => undefined);
  const manifest = await readManifest(dir);
  if (!manifest) throw new RestoreRefused(`${dir} has no manifest.json: not a backup, or one that did not finish`);
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreRefused(`the backup's format is ${manifest.format}; this code reads format ${BACKUP_FORMAT}`);
  const migrations = migrationsUpTo(manifest);
  await refuseUnlessEmpty(options.databaseUrl, options.storage);

  const dataSource = await new DataSource({ ...dataSourceOptions(options.databaseUrl), migrations, logging: ['error'] }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    log(`schema: ${migrations.length} migrations run, up to ${manifest.schema.lastMigration}`);
    await load(dir, manifest, options.databaseUrl, log);
    for (const file of manifest.files) await options.storage.write(file.key, createReadStream(join(dir, 'files', file.key)));
    log(`files: ${manifest.files.length} copied`);

    const problems = [...(await verifyTables(manifest, options.databaseUrl)), ...(await verifyFiles(manifest, options.storage))];
    const chain = await verifyAuditChain(dataSource);
    if (chain.firstBroken) problems.push(`audit trail broken at event ${chain.firstBroken.id}: ${chain.firstBroken.reason}`);
    const [last] = await dataSource.query(`SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1`);
    if (chain.checked !== manifest.audit.events && !chain.firstBroken)
      problems.push(`audit trail: ${chain.checked} events, the manifest says ${manifest.audit.events}`);
    if ((last?.hash ?? null) !== manifest.audit.lastHash)
      problems.push(`audit trail: ends with hash ${last?.hash ?? 'none'}, the manifest says ${manifest.audit.lastHash ?? 'none'}`);
    log(`verified: ${manifest.tables.length} tables, ${manifest.files.length} files, audit trail of ${chain.checked} events`);
    return { manifest, problems };
  } finally {
    await dataSource.destroy();
  }
}

/** This code's migrations that the backup had run; a migration this code does not know means a newer schema. */
function migrationsUpTo(manifest: Manifest): typeof MIGRATIONS {
  const known = new Map(MIGRATIONS.map((m) => [new m().name as string, m]));
  const unknown = manifest.schema.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new RestoreRefused(
      `the backup's schema (${manifest.schema.lastMigration}) is newer than this code's (${new MIGRATIONS[MIGRATIONS.length - 1]().name}): ` +
        `it has migration(s) ${unknown.join(', ')} that this code does not know. Restore it with the version of Benchmark Tracker that made it, or a later one.`,
    );
  }
  const wanted = new Set(manifest.schema.migrations);
  return MIGRATIONS.filter((m) => wanted.has(new m().name as string));
}

async function refuseUnlessEmpty(databaseUrl: string, storage: FileStorage): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        ORDER BY n.nspname <> 'public', 1 LIMIT 6`,
    );
    if (rows.length) {
      throw new RestoreRefused(
        `the database is not empty (it holds ${rows.map((r) => r.name).join(', ')}${rows.length > 5 ? ', …' : ''}): a restore goes into a new, empty database only`,
      );
    }
  } finally {
    await client.end();
  }
  for await (const entry of storage.list())
    throw new RestoreRefused(
      `the file store is not empty (it holds ${entry.key}${entry.partial ? '.part' : ''}): a restore goes into an empty FILES_DIR (or FILES_S3_BUCKET) only`,
    );
  const owner = await storage.owner();
  if (owner) throw new RestoreRefused(`the file store is claimed by database ${owner}: a restore goes into an empty FILES_DIR (or FILES_S3_BUCKET) only`);
}

/**
 * Every table in one transaction, referenced tables first. The migrations' own rows (the catalogue
 * they seed) go first, and the tables' triggers are off while loading: the rows are loaded as they
 * were, not derived again (tallies, search text, the audit trail's refusal of changes).
 */
async function load(dir: string, manifest: Manifest, databaseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'bt-restore' });
  await client.connect();
  try {
    await settleSession(client);
    await client.query('BEGIN');
    const tables = await tablesInLoadOrder(client);
    const shapes = new Map(tables.map((t) => [t.name, t.columns.join(',')]));
    const differ = manifest.tables.filter((t) => shapes.get(t.name) !== t.columns.join(',')).map((t) => t.name);
    const missing = tables.filter((t) => !manifest.tables.some((m) => m.name === t.name)).map((t) => t.name);
    if (differ.length || missing.length) throw new Error(`the migrations made tables that differ from the backup's: ${[...differ, ...missing].join(', ')}`);

    const { rows: triggers } = await client.query<{ table: string; name: string; enabled: string }>(
      `SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS enabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace AND c.relname <> $1`,
      [MIGRATIONS_TABLE],
    );
    for (const t of tables) await client.query(`ALTER TABLE ${quoteName(t.name)} DISABLE TRIGGER USER`);
    await client.query(`TRUNCATE ${tables.map((t) => quoteName(t.name)).join(', ')}`);

    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    for (const shape of tables) {
      const table = byName.get(shape.name) as Manifest['tables'][number];
      const columns = table.columns.map(quoteName).join(', ');
      await pipeline(createReadStream(join(dir, table.file)), createGunzip(), client.query(copyFrom(`COPY ${quoteName(table.name)} (${columns}) FROM STDIN`)));
      log(`table ${table.name}: ${table.rows} rows loaded`);
    }
    for (const s of manifest.sequences) await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [quoteName(s.name), s.lastValue, s.isCalled]);

    const enable: Record<string, string> = { O: 'ENABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA', D: 'DISABLE' };
    for (const t of triggers) await client.query(`ALTER TABLE ${quoteName(t.table)} ${enable[t.enabled]} TRIGGER ${quoteName(t.name)}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Each table read back: its rows and checksum against the manifest's. */
async function verifyTables(manifest: Manifest, databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const problems: string[] = [];
  try {
    await settleSession(client);
    for (const table of manifest.tables) {
      const checksum = new TableChecksum();
      const columns = table.columns.map(quoteName).join(', ');
      await pipeline(client.query(copyTo(`COPY ${quoteName(table.name)} (${columns}) TO STDOUT`)), checksum, discard());
      if (checksum.rows !== table.rows) problems.push(`table ${table.name}: ${checksum.rows} rows, the manifest says ${table.rows}`);
      else if (checksum.checksum !== table.checksum)
        problems.push(`table ${table.name}: its rows differ from the backup's (checksum ${checksum.checksum}, the manifest says ${table.checksum})`);
    }
  } finally {
    await client.end();
  }
  return problems;
}

/** Each file read back from the store: its SHA-256 and size against the manifest's. */
async function verifyFiles(manifest: Manifest, storage: FileStorage): Promise<string[]> {
  const problems: string[] = [];
  for (const file of manifest.files) {
    const measured = measure();
    try {
      await pipeline(storage.read(file.key), measured.stream, discard());
    } catch (error) {
      problems.push(`file ${file.key}: cannot be read (${(error as Error).message})`);
      continue;
    }
    const { sha256, size } = measured.result();
    if (sha256 !== file.sha256 || size !== file.size)
      problems.push(`file ${file.key}: ${size} bytes with SHA-256 ${sha256}, the manifest says ${file.size} bytes with ${file.sha256}`);
  }
  return problems;
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
