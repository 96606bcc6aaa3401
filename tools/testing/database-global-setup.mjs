// Jest global setup for suites that need PostgreSQL: a real server for the whole run, either the
// one TEST_DATABASE_URL points at (a maintenance database such as .../postgres) or an embedded one
// in a throw-away directory. Each test file then makes its own database with createTestDatabase().
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../embedded-database.mjs';

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.BT_TEST_SERVER_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bt-test-db-'));
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedDatabase({ dataDir });
  process.env.BT_TEST_SERVER_URL = database.urlOf('postgres');
  globalThis.__BT_TEST_DATABASE__ = { stop: database.stop, dataDir };
}
