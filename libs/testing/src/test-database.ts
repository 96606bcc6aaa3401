import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * What a test database starts from: `prepare` fills a database once per test run (migrations,
 * catalogue, demo content), and every test file then gets a copy of it (`CREATE DATABASE … TEMPLATE`),
 * which takes a fraction of a second instead of migrating and seeding again.
 */
export interface TestDatabaseTemplate {
  /** Names the template within the run: one template per distinct content. */
  name: string;
  prepare: (url: string) => Promise<void>;
}

/**
 * A fresh database on the test server started by database-global-setup.mjs, so each test file
 * starts from its own rows and files never see each other's: empty, or a copy of `from`.
 * Dropped by `drop()`.
 */
export async function createTestDatabase(options: { from?: TestDatabaseTemplate } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env['BT_TEST_SERVER_URL'];
  if (!serverUrl) {
    throw new Error('BT_TEST_SERVER_URL is not set: run this suite through its jest config (globalSetup starts PostgreSQL)');
  }
  const name = `bt_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (options.from) await copyTemplate(admin, serverUrl, options.from, name);
    else await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The prefix of every template database; globalTeardown drops those of its run. */
export const TEMPLATE_PREFIX = 'bt_template_';

/**
 * Copies the run's template, preparing it first if no worker has yet. Test files run in several
 * Jest workers at once: an advisory lock makes the first one prepare and the others wait for it.
 */
async function copyTemplate(admin: Client, serverUrl: string, template: TestDatabaseTemplate, name: string): Promise<void> {
  const run = process.env['BT_TEST_RUN'] ?? 'local';
  const templateName = `${TEMPLATE_PREFIX}${template.name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${run}`;
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [templateName]);
  try {
    const ready = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName]);
    if (!ready.rowCount) {
      // Built under another name and renamed when complete: a preparation that failed midway is never copied.
      const building = `${templateName}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      await template.prepare(databaseUrl(serverUrl, building));
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${templateName}`);
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [templateName]);
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
