import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A fresh, empty database on the test server started by database-global-setup.mjs, so each test
 * file starts from nothing and files never see each other's rows. Dropped by `drop()`.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env['BT_TEST_SERVER_URL'];
  if (!serverUrl) {
    throw new Error('BT_TEST_SERVER_URL is not set: run this suite through its jest config (globalSetup starts PostgreSQL)');
  }
  const name = `bt_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
