import { rm } from 'node:fs/promises';
import pg from 'pg';

// Drops this run's template databases (they outlive the run on a TEST_DATABASE_URL server), then
// stops the embedded server and removes its directory.
export default async function teardown() {
  const database = globalThis.__BT_TEST_DATABASE__;
  if (!database) return;
  globalThis.__BT_TEST_DATABASE__ = undefined;
  if (!database.stop) {
    const client = new pg.Client({ connectionString: database.serverUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'bt_template_%' AND datname LIKE '%' || $1 || '%'`, [
      process.env.BT_TEST_RUN,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
    return;
  }
  await database.stop();
  await rm(database.dataDir, { recursive: true, force: true });
}
