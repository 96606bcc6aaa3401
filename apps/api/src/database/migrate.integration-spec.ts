import 'reflect-metadata';
import { createTestDatabase } from '@bt/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { runMigrationsOneAtATime } from './migrate';
import { MIGRATIONS } from './migrations';

// Several instances of the API starting together on an empty database (a first deployment, or a
// release with a new migration): each migration runs once, and every instance starts.
jest.setTimeout(120_000);

describe('migrations, with several instances starting at once', () => {
  it('runs each migration once while three instances migrate side by side, and all three start', async () => {
    const database = await createTestDatabase();
    const instances = [1, 2, 3].map(() => new DataSource({ ...dataSourceOptions(database.url), logging: ['error'] }));
    try {
      await Promise.all(instances.map(async (dataSource) => runMigrationsOneAtATime(await dataSource.initialize())));
      const [{ n, distinct }] = await instances[0].query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM migrations`);
      expect({ n, distinct }).toEqual({ n: MIGRATIONS.length, distinct: MIGRATIONS.length });
      for (const dataSource of instances) expect(await dataSource.showMigrations()).toBe(false); // nothing pending for anyone
      // The lock is let go: no session still holds it.
      expect(await instances[0].query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 7240002`)).toEqual([{ n: 0 }]);
    } finally {
      await Promise.all(instances.map((dataSource) => (dataSource.isInitialized ? dataSource.destroy() : undefined)));
      await database.drop();
    }
  });
});
