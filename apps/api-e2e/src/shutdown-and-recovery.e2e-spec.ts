import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// The built API as an operator runs it, on an embedded PostgreSQL: SIGTERM answers every request in
// flight (and every 200 is there after a restart); kill -9 during uploads leaves no .part after the
// restart; killing the start script outright leaves no API and no database behind.
const root = join(__dirname, '../../..');
const PASSWORD = 'demo-pass-2026';
jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One HTTP request; a connection reset or any other socket failure rejects. */
function call(
  port: number,
  method: string,
  path: string,
  options: { agent?: http.Agent; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: options.agent,
        headers: { ...(data ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Signs in as a demo account: the cookie and XSRF headers a state-changing request needs. */
async function signIn(port: number, email: string): Promise<Record<string, string>> {
  const first = await call(port, 'GET', '/api/health/live');
  const xsrf0 = (first.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.slice(11) as string;
  const res = await call(port, 'POST', '/api/auth/login', {
    body: { email, password: PASSWORD },
    headers: { cookie: `XSRF-TOKEN=${xsrf0}`, 'x-xsrf-token': xsrf0 },
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.text}`);
  const cookies = new Map((res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0].split('=')).map(([k, ...v]) => [k, v.join('=')] as const));
  return { cookie: `bt_session=${cookies.get('bt_session')}; XSRF-TOKEN=${cookies.get('XSRF-TOKEN')}`, 'x-xsrf-token': cookies.get('XSRF-TOKEN') as string };
}

/** An embedded PostgreSQL in `dir` (tools/embedded-database.mjs, as npm start runs it). */
async function startDatabase(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'tools/embedded-database.mjs'), 'serve', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    detached: true,
  });
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => Promise.reject(new Error('the database did not start')))])) as [
    { url: string },
  ];
  return { url: message.url, child };
}

interface Api {
  child: ChildProcess;
  port: number;
  output: () => string;
}

/** The built API (dist/apps/api/main.js) in demo mode, once /api/health/ready answers 200. */
async function startApi(databaseUrl: string, filesDir: string, port: number): Promise<Api> {
  let output = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    FILES_DIR: filesDir,
    WEB_DIR: join(root, 'nonexistent'),
    SEEDS_DIR: join(root, 'seeds'),
    RATE_LIMITS: 'false',
    LOG_FORMAT: 'json',
    // A .part untouched for twice this long is nobody's upload: the crash test need not wait a minute.
    UPLOAD_IDLE_SECONDS: '2',
    // Gives up on a lost database after 3 s instead of 30 (pings every 5 s: it exits at the second failed one).
    DATABASE_LOST_SECONDS: '3',
  };
  delete env['NODE_ENV'];
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { cwd: root, env, stdio: 'pipe' });
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited:\n${output.slice(-3000)}`);
    if (
      (await call(port, 'GET', '/api/health/ready').then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return { child, port, output: () => output };
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`the API was not ready within 90 s:\n${output.slice(-3000)}`);
}

/** PostgreSQL servers whose data directory is under `dir`. */
function postgresRunningIn(dir: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dir));
}

describe('the API stopped and crashed', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bt-shutdown-'));
  const filesDir = join(tmp, 'files');
  let database: { url: string; child: ChildProcess };
  let pg: Client;
  let api: Api;
  let port: number;
  let benchmarks: { id: string; code: string }[];
  let evidenceIds: string[];

  beforeAll(async () => {
    chmodSync(tmp, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
    database = await startDatabase(join(tmp, 'db'));
    port = await freePort();
    api = await startApi(database.url, filesDir, port);
    pg = new Client({ connectionString: database.url });
    pg.on('error', () => undefined); // the last test stops the database under it
    await pg.connect();
    // Fifteen draft benchmarks of their own, each with the shared evidence a SUBMIT needs (as npm run bench makes them):
    // ten to submit at SIGTERM, five to upload files to (a submitted benchmark's evidence is read-only).
    const [coordinator] = (await pg.query(`SELECT id FROM app_user WHERE email = 'coordinator@demo.test'`)).rows;
    const [area] = (
      await pg.query(`INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('RS', 24, 'SHT', 'Shutdown test', 1001) RETURNING id`)
    ).rows;
    benchmarks = (
      await pg.query(
        `INSERT INTO benchmark (code, area_id, position, text) SELECT 'RS-24-SHT-' || lpad(i::text, 2, '0'), $1, i, 'Shutdown test benchmark ' || i FROM generate_series(1, 15) AS i ORDER BY i RETURNING id, code`,
        [area.id],
      )
    ).rows;
    const evidence = (
      await pg.query(
        `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id) SELECT id, 'Evidence', 'For the shutdown test.', 'shared', $2 FROM benchmark WHERE area_id = $1 RETURNING id, benchmark_id`,
        [area.id, coordinator.id],
      )
    ).rows as { id: string; benchmark_id: string }[];
    const toUpload = new Set(benchmarks.slice(10).map((b) => b.id));
    evidenceIds = evidence.filter((e) => toUpload.has(e.benchmark_id)).map((e) => e.id);
    benchmarks = benchmarks.slice(0, 10);
  });

  afterAll(async () => {
    await pg?.end().catch(() => undefined);
    if (api?.child.exitCode === null) api.child.kill('SIGKILL');
    if (database?.child.exitCode === null) {
      database.child.kill('SIGTERM');
      await once(database.child, 'exit');
    }
    for (const line of postgresRunningIn(tmp)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('answers all 20 requests in flight at SIGTERM, and every 200 transition is there after a restart', async () => {
    const coordinator = await signIn(port, 'coordinator@demo.test');
    // Twenty open connections, so that every request below reaches the API over one it has accepted.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    await Promise.all(Array.from({ length: 20 }, () => call(port, 'GET', '/api/health/live', { agent })));
    const versions = new Map(
      (await pg.query(`SELECT id, version FROM benchmark WHERE id = ANY($1)`, [benchmarks.map((b) => b.id)])).rows.map((r: { id: string; version: number }) => [
        r.id,
        r.version,
      ]),
    );
    // Holding the benchmark table makes the requests wait inside the API, in flight for sure, until we let go.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE benchmark IN ACCESS EXCLUSIVE MODE');
    const requests = [
      ...benchmarks.map((b) => ({
        kind: 'transition',
        id: b.id,
        promise: call(port, 'POST', `/api/benchmarks/${b.id}/transitions`, {
          agent,
          headers: coordinator,
          body: { event: 'SUBMIT', version: versions.get(b.id) },
        }),
      })),
      ...benchmarks.map((b) => ({ kind: 'read', id: b.id, promise: call(port, 'GET', `/api/benchmarks/${b.code}`, { agent, headers: coordinator }) })),
    ];
    const settled = Promise.allSettled(requests.map((r) => r.promise));
    // Until the API's statements wait on the lock: the requests have arrived.
    for (let i = 0; i < 100; i++) {
      const [{ waiting }] = (await pg.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()`))
        .rows;
      if (waiting >= 4) break;
      await sleep(50);
    }
    await sleep(300);
    const exited = once(api.child, 'exit');
    api.child.kill('SIGTERM');
    await sleep(500);
    // The API is closing: a new connection is refused, and it still waits for the requests it has.
    expect(api.child.exitCode).toBeNull();
    await holder.query('COMMIT');
    await holder.end();
    const results = await settled;
    const [code] = await exited;
    agent.destroy();

    const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${requests[i].kind} ${requests[i].id}: ${String(r.reason)}`] : []));
    expect(failures).toEqual([]);
    const answers = results.map((r) => (r as PromiseFulfilledResult<Answer>).value);
    expect(answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.text}`)).toEqual([]);
    expect(code).toBe(0);

    api = await startApi(database.url, filesDir, port);
    const codes = new Map(benchmarks.map((b) => [b.id, b.code]));
    const submitted = requests.flatMap((r, i) =>
      r.kind === 'transition' && answers[i].status === 200
        ? [{ code: codes.get(r.id), answer: JSON.parse(answers[i].text) as { state: string; version: number } }]
        : [],
    );
    expect(submitted.length).toBeGreaterThan(0);
    for (const { code: benchmark, answer } of submitted) {
      const now = await call(port, 'GET', `/api/benchmarks/${benchmark}`, { headers: coordinator });
      expect(JSON.parse(now.text)).toMatchObject({ state: 'submitted', version: answer.version });
    }
  });

  it('leaves no .part file after kill -9 during uploads, nor an old file without its row', async () => {
    const coordinator = await signIn(port, 'coordinator@demo.test');
    const boundary = 'shutdown-test-boundary';
    const answered: string[] = [];
    // Five uploads that never end: each sends its form's start and 256 kB of its file, then waits.
    const uploads = evidenceIds.map((id) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/evidence/${id}/files`,
        headers: { ...coordinator, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      req.on('error', () => undefined);
      req.on('response', (res) => res.on('data', (chunk: Buffer) => answered.push(`${res.statusCode} ${chunk.toString().slice(0, 200)}`)));
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
      req.write(Buffer.alloc(256 * 1024, 'x'));
      return req;
    });
    const parts = () => (existsSync(filesDir) ? readdirSync(filesDir).filter((name) => name.endsWith('.part')) : []);
    for (let i = 0; i < 100 && parts().length < 5; i++) await sleep(50);
    expect(answered).toEqual([]);
    expect(parts()).toHaveLength(5);
    // A crash between an upload's rename and its commit, long ago and just now: complete files without a row.
    const oldOrphan = join(filesDir, '00000000-0000-4000-8000-000000000001');
    const newOrphan = join(filesDir, '00000000-0000-4000-8000-000000000002');
    writeFileSync(oldOrphan, 'left by a crash two hours ago');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(oldOrphan, twoHoursAgo, twoHoursAgo);
    writeFileSync(newOrphan, 'maybe an upload committing right now');

    const exited = once(api.child, 'exit');
    api.child.kill('SIGKILL');
    await exited;
    for (const req of uploads) req.destroy();
    expect(parts()).toHaveLength(5);
    // Older than twice UPLOAD_IDLE_SECONDS: no upload in flight anywhere keeps a .part that long without writing.
    await sleep(4_500);

    api = await startApi(database.url, filesDir, port);
    expect(parts()).toEqual([]);
    expect(existsSync(oldOrphan)).toBe(false);
    expect(existsSync(newOrphan)).toBe(true);
    // Every file recorded is still there.
    const keys = (await pg.query(`SELECT storage_key FROM stored_file`)).rows.map((r: { storage_key: string }) => r.storage_key);
    for (const key of keys) expect(existsSync(join(filesDir, key))).toBe(true);
  });

  it('exits non-zero when the database is gone for good', async () => {
    // The database stops (as if it crashed); readiness says so at once, liveness does not.
    database.child.kill('SIGTERM');
    await once(database.child, 'exit');
    const exited = once(api.child, 'exit');
    expect((await call(port, 'GET', '/api/health/ready')).status).toBe(503);
    expect((await call(port, 'GET', '/api/health/live')).status).toBe(200);
    const [code] = await exited;
    expect(code).toBe(1);
    expect(api.output()).toContain('the database has not answered for 3 s');
  });
});

describe('npm start killed outright', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bt-orphan-'));
  afterAll(() => {
    for (const line of postgresRunningIn(tmp)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('leaves no API on its port and no database behind', async () => {
    chmodSync(tmp, 0o755);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: join(tmp, 'data') };
    delete env['DATABASE_URL'];
    const start = spawn(process.execPath, [join(root, 'tools/start.mjs'), '--no-build'], { cwd: root, env, stdio: 'ignore' });
    let up = false;
    for (let i = 0; i < 400 && !up; i++) {
      up =
        (await call(port, 'GET', '/api/health/live').then(
          (r) => r.status,
          () => 0,
        )) === 200;
      if (!up) await sleep(200);
    }
    expect(up).toBe(true);
    const exited = once(start, 'exit');
    start.kill('SIGKILL');
    await exited;
    // The API and the database notice their IPC channel closing and stop by themselves.
    let gone = false;
    for (let i = 0; i < 150 && !gone; i++) {
      gone =
        (await call(port, 'GET', '/api/health/live').then(
          () => false,
          () => true,
        )) && postgresRunningIn(tmp).length === 0;
      if (!gone) await sleep(200);
    }
    expect(gone).toBe(true);
  });
});
