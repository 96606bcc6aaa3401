import type { DataSource } from 'typeorm';

/** The advisory lock of the schema's migrations (any number, the same in every instance of the app). */
export const MIGRATION_LOCK = 7240002;

/**
 * Runs the pending migrations, one instance at a time. TypeORM takes no lock of its own
 * (typeorm/typeorm#4588): two instances starting together on a new release would both run the
 * same migration, and one would fail on a table the other just created. Here the first takes a
 * session-level advisory lock and migrates; the others wait for it, then find nothing pending.
 * The lock is held on a connection of its own and ends with it, even if the process dies.
 */
export async function runMigrationsOneAtATime(dataSource: DataSource): Promise<DataSource> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
