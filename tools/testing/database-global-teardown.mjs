export default async function teardown() {
  const database = globalThis.__BT_TEST_DATABASE__;
  if (!database) return;
  await database.stop();
  await rmQuietly(database.dataDir);
}

async function rmQuietly(dir) {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
}
