// Jest global setup for suites that need PostgreSQL: a real server for the whole run, either the
// one TEST_DATABASE_URL points at (a maintenance database such as .../postgres) or an embedded one
// in a throw-away directory. Each test file then makes its own database with createTestDatabase(),
// usually a copy of a template prepared once per run (BT_TEST_RUN names this run's templates).
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../embedded-database.mjs';

// A cluster that lives for one test run need not survive a power cut: no fsync makes every
// CREATE DATABASE and COMMIT cheaper, and the tests' own crash drills kill the API, not PostgreSQL.
const THROWAWAY = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

export default async function setup() {
  // Several Jest projects may share this setup within one run: the first one starts the server.
  if (globalThis.__BT_TEST_DATABASE__ || process.env.BT_TEST_SERVER_URL) return;
  process.env.BT_TEST_RUN = randomBytes(4).toString('hex');
  if (process.env.TEST_DATABASE_URL) {
    process.env.BT_TEST_SERVER_URL = process.env.TEST_DATABASE_URL;
    globalThis.__BT_TEST_DATABASE__ = { serverUrl: process.env.TEST_DATABASE_URL };
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bt-test-db-'));
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedDatabase({ dataDir, flags: THROWAWAY });
  process.env.BT_TEST_SERVER_URL = database.urlOf('postgres');
  globalThis.__BT_TEST_DATABASE__ = { serverUrl: process.env.BT_TEST_SERVER_URL, stop: database.stop, dataDir };
}
