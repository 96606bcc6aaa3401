import teardownDatabase from './database-global-teardown.mjs';

export default async function teardown() {
  await globalThis.__BT_CHROMIUM__?.close();
  await teardownDatabase();
}
