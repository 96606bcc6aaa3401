// Runs a command against the product's database: DATABASE_URL when set; otherwise the embedded
// PostgreSQL of DATA_DIR — the one `npm start` is running, or started just for this command.
//   node tools/with-database.mjs node dist/apps/api/main.js audit:verify
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { RUNNING_URL_FILE, startEmbeddedDatabase } from './embedded-database.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
let stop = async () => undefined;

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (!env.DATABASE_URL) {
  const dataDir = env.DATA_DIR ?? join(root, '.data');
  const urlFile = join(dataDir, RUNNING_URL_FILE);
  const running = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : null;
  if (running && (await answers(running))) {
    env.DATABASE_URL = running;
  } else {
    const database = await startEmbeddedDatabase({ dataDir });
    env.DATABASE_URL = database.url;
    stop = database.stop;
  }
}

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
const [code] = await new Promise((resolve) => child.on('exit', (...a) => resolve(a)));
await stop();
process.exit(code ?? 1);
