import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { S3TestServer } from '@bt/testing';

// Several instances, as README "Running in production" sets them up: two built APIs on one
// PostgreSQL and one S3 bucket (s3rver on loopback), behind nginx from the OS's packages running the
// repository's own deploy/nginx/benchmark-tracker.conf (round robin). A session, uploads, downloads
// and transitions work across both; then one instance is killed (SIGKILL) while requests go on
// through the proxy, which the other instance answers.
const root = join(__dirname, '../../..');
const NGINX = '/usr/sbin/nginx';
const PASSWORD = 'demo-pass-2026';
const COMMENT = 'Please add the 2025 figures.';
jest.setTimeout(240_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A signed-in caller: the cookies and the XSRF header that a state-changing request needs. */
type Caller = Record<string, string>;

/** One request to `base` (a port on loopback); a connection failure rejects. */
async function call(base: number, method: string, path: string, caller: Caller = {}, body?: unknown | FormData) {
  const form = body instanceof FormData;
  const response = await fetch(`http://127.0.0.1:${base}${path}`, {
    method,
    headers: { ...caller, ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = Buffer.from(bytes).toString();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a file, nginx's own error page)
  }
  return { status: response.status, headers: response.headers, bytes, json };
}

async function signIn(base: number, email: string): Promise<Caller> {
  const first = await fetch(`http://127.0.0.1:${base}/api/health/live`);
  const xsrf0 = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.slice(11) as string;
  const res = await fetch(`http://127.0.0.1:${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf0}`, 'x-xsrf-token': xsrf0 },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookies = new Map(
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0].split('='))
      .map(([k, ...v]) => [k, v.join('=')] as const),
  );
  return { cookie: `bt_session=${cookies.get('bt_session')}; XSRF-TOKEN=${cookies.get('XSRF-TOKEN')}`, 'x-xsrf-token': cookies.get('XSRF-TOKEN') as string };
}

const pdfForm = (name: string, bytes: Uint8Array<ArrayBuffer>) => {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return form;
};
const pdf = (n: number): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.concat([Buffer.from(`%PDF-1.7\n% instance test ${n}\n`), Buffer.alloc(5000 + n * 311, 0x30 + (n % 40))]));

interface Api {
  child: ChildProcess;
  port: number;
  output: () => string;
}

describe('two API instances behind nginx, on one database and one S3 bucket', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bt-instances-'));
  const filesDir = join(tmp, 'files-never-used');
  const s3 = new S3TestServer();
  let database: { url: string; child: ChildProcess };
  let pg: Client;
  let a: Api;
  let b: Api;
  let nginx: ChildProcess;
  let proxy: number;
  let coordinator: Caller;
  let commission: Caller;
  let benchmarks: { id: string; code: string; version: number; state: string }[];
  let evidenceIds: string[];

  /** The built API (dist/apps/api/main.js) in demo mode on the shared database and bucket, once ready. */
  async function startApi(port: number): Promise<Api> {
    let output = '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...s3.env(),
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      FILES_DIR: filesDir,
      WEB_DIR: join(root, 'nonexistent'),
      SEEDS_DIR: join(root, 'seeds'),
      TRUST_PROXY: 'true',
      RATE_LIMITS: 'false',
      LOG_FORMAT: 'json',
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

  /** nginx with deploy/nginx/benchmark-tracker.conf, its ports replaced by the test's. */
  async function startNginx(): Promise<void> {
    if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx (apt-get install nginx; .ci/run does)`);
    const dir = join(tmp, 'nginx');
    mkdirSync(dir);
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
      mkdirSync(join(dir, temp));
      chmodSync(join(dir, temp), 0o777); // nginx's workers run as another user when started as root
    }
    const site = readFileSync(join(root, 'deploy/nginx/benchmark-tracker.conf'), 'utf8')
      .replace('server 127.0.0.1:3001', `server 127.0.0.1:${a.port}`)
      .replace('server 127.0.0.1:3002', `server 127.0.0.1:${b.port}`)
      .replace('listen 8080;', `listen 127.0.0.1:${proxy};`);
    expect(site).toContain(`127.0.0.1:${a.port}`);
    expect(site).toContain(`127.0.0.1:${b.port}`);
    writeFileSync(join(dir, 'benchmark-tracker.conf'), site);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/benchmark-tracker.conf;
}
`,
    );
    let output = '';
    nginx = spawn(NGINX, ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
    nginx.stderr?.on('data', (c) => (output += c));
    for (let i = 0; i < 100; i++) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${output}${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      if (
        (await call(proxy, 'GET', '/api/health/ready').then(
          (r) => r.status,
          () => 0,
        )) === 200
      )
        return;
      await sleep(100);
    }
    throw new Error(`nginx did not answer: ${output}`);
  }

  /** The lines an instance logged for a route (one JSON line per request). */
  const served = (api: Api, route: string) =>
    api
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"request"') && line.includes(`"route":"${route}"`)).length;

  beforeAll(async () => {
    chmodSync(tmp, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
    await s3.start();
    const child = spawn(process.execPath, [join(root, 'tools/embedded-database.mjs'), 'serve', join(tmp, 'db')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      detached: true,
    });
    const [message] = (await Promise.race([
      once(child, 'message'),
      once(child, 'exit').then(() => Promise.reject(new Error('the database did not start'))),
    ])) as [{ url: string }];
    database = { url: message.url, child };
    const [portA, portB] = [await freePort(), await freePort()];
    proxy = await freePort();
    a = await startApi(portA); // the first start migrates and seeds; the second finds it done
    b = await startApi(portB);
    await startNginx();

    pg = new Client({ connectionString: database.url });
    await pg.connect();
    // Ten draft benchmarks of their own, each with the shared evidence a SUBMIT needs: 1–5 to move, 6–9 to upload to (a submitted one's evidence is read-only).
    const [author] = (await pg.query(`SELECT id FROM app_user WHERE email = 'coordinator@demo.test'`)).rows;
    const [area] = (
      await pg.query(`INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('RS', 24, 'TWO', 'Two instances', 1002) RETURNING id`)
    ).rows;
    benchmarks = (
      await pg.query(
        `INSERT INTO benchmark (code, area_id, position, text) SELECT 'RS-24-TWO-' || i, $1, i, 'Two instances benchmark ' || i FROM generate_series(1, 10) AS i ORDER BY i RETURNING id, code, version, state`,
        [area.id],
      )
    ).rows;
    evidenceIds = (
      await pg.query(
        `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id) SELECT id, 'Evidence', 'For two instances.', 'shared', $2 FROM benchmark WHERE area_id = $1 ORDER BY position RETURNING id`,
        [area.id, author.id],
      )
    ).rows.map((r: { id: string }) => r.id);
  });

  afterAll(async () => {
    await pg?.end().catch(() => undefined);
    for (const api of [a, b]) if (api?.child.exitCode === null) api.child.kill('SIGKILL');
    if (nginx?.exitCode === null) {
      nginx.kill('SIGQUIT');
      await Promise.race([once(nginx, 'exit'), sleep(5000)]);
    }
    if (database?.child.exitCode === null) {
      database.child.kill('SIGTERM');
      await once(database.child, 'exit');
    }
    await s3.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps a session across both instances, the proxy sharing requests between them', async () => {
    coordinator = await signIn(proxy, 'coordinator@demo.test');
    commission = await signIn(proxy, 'commission@demo.test');
    const [beforeA, beforeB] = [served(a, '/api/auth/me'), served(b, '/api/auth/me')];
    for (let i = 0; i < 10; i++) {
      const me = await call(proxy, 'GET', '/api/auth/me', coordinator);
      expect(me.status).toBe(200);
      expect(me.json.email).toBe('coordinator@demo.test');
    }
    await sleep(200); // the log lines are written as the answers go
    // Round robin: each instance answered about half.
    expect(served(a, '/api/auth/me') - beforeA).toBeGreaterThanOrEqual(3);
    expect(served(b, '/api/auth/me') - beforeB).toBeGreaterThanOrEqual(3);
    // And straight at each instance, the same session.
    for (const api of [a, b]) expect((await call(api.port, 'GET', '/api/auth/me', coordinator)).json?.email).toBe('coordinator@demo.test');
  });

  it('serves through one instance a file uploaded through the other, and through the proxy', async () => {
    for (const [n, up, down] of [
      [1, a, b],
      [2, b, a],
    ] as const) {
      const bytes = pdf(n);
      const upload = await call(up.port, 'POST', `/api/evidence/${evidenceIds[0]}/files`, coordinator, pdfForm(`two-${n}.pdf`, bytes));
      expect(upload.status).toBe(201);
      const file = upload.json.files.find((f: { fileName: string }) => f.fileName === `two-${n}.pdf`);
      const download = await call(down.port, 'GET', `/api/evidence/${evidenceIds[0]}/files/${file.id}`, coordinator);
      expect(download.status).toBe(200);
      expect(sha256(download.bytes)).toBe(sha256(bytes));
    }
    for (let n = 3; n < 7; n++) {
      const bytes = pdf(n);
      const upload = await call(proxy, 'POST', `/api/evidence/${evidenceIds[9]}/files`, coordinator, pdfForm(`two-${n}.pdf`, bytes));
      expect(upload.status).toBe(201);
      const file = upload.json.files.find((f: { fileName: string }) => f.fileName === `two-${n}.pdf`);
      for (let i = 0; i < 2; i++)
        expect(sha256((await call(proxy, 'GET', `/api/evidence/${evidenceIds[9]}/files/${file.id}`, coordinator)).bytes)).toBe(sha256(bytes));
    }
    // In the bucket, not on either instance's disk.
    expect((await s3.keys()).filter((k) => k !== '.database')).toHaveLength(6);
    expect(existsSync(filesDir)).toBe(false);
  });

  /** SUBMIT (the coordinator) or REQUEST_CHANGES (the Commission), whichever is next for the benchmark. */
  const transition = (base: number, bm: (typeof benchmarks)[number]) =>
    bm.state === 'draft'
      ? call(base, 'POST', `/api/benchmarks/${bm.id}/transitions`, coordinator, { event: 'SUBMIT', version: bm.version })
      : call(base, 'POST', `/api/benchmarks/${bm.id}/transitions`, commission, { event: 'REQUEST_CHANGES', version: bm.version, comment: COMMENT });

  it('moves a benchmark through its workflow by turns on each instance, and through the proxy', async () => {
    const bm = benchmarks[0];
    for (const base of [a.port, b.port, a.port, b.port, proxy, proxy, proxy, proxy]) {
      const res = await transition(base, bm);
      expect(res.status).toBe(200);
      expect(res.json.version).toBe(bm.version + 1);
      bm.version = res.json.version;
      bm.state = res.json.state;
    }
    // A stale version is refused on the other instance: both read the one database.
    const stale = await call(b.port, 'POST', `/api/benchmarks/${bm.id}/transitions`, coordinator, { event: 'SUBMIT', version: bm.version - 1 });
    expect(stale.status).toBe(409);
  });

  it('goes on through the other instance when one is killed (SIGKILL) mid-way', async () => {
    interface Outcome {
      kind: string;
      status: number;
      error?: string;
      started: number;
      ended: number;
    }
    const outcomes: Outcome[] = [];
    const uploadedAfter: { fileId: string; evidenceId: string; sha: string }[] = [];
    let stop = false;
    let n = 100;
    const record = async (kind: string, request: () => Promise<{ status: number }>) => {
      const started = Date.now();
      try {
        const { status } = await request();
        outcomes.push({ kind, status, started, ended: Date.now() });
        return status;
      } catch (error) {
        outcomes.push({ kind, status: 0, error: String(error), started, ended: Date.now() });
        return 0;
      }
    };
    // Four callers through the proxy: reads, transitions on benchmarks of their own, uploads and downloads.
    const worker = async (w: number) => {
      const bm = benchmarks[1 + w];
      const evidenceId = evidenceIds[5 + w];
      while (!stop) {
        await record('session', () => call(proxy, 'GET', '/api/auth/me', coordinator));
        await record('read', () => call(proxy, 'GET', `/api/benchmarks/${bm.id}`, coordinator));
        const moved = await record('transition', async () => {
          const res = await transition(proxy, bm);
          if (res.status === 200) Object.assign(bm, { version: res.json.version, state: res.json.state });
          return res;
        });
        if (moved !== 200) {
          // Unknown whether it committed (the instance died with it): read where the benchmark is.
          const [row] = (await pg.query(`SELECT version, state FROM benchmark WHERE id = $1`, [bm.id])).rows;
          Object.assign(bm, row);
        }
        const name = `kill-${n}.pdf`;
        const bytes = pdf(n++);
        await record('upload', async () => {
          const res = await call(proxy, 'POST', `/api/evidence/${evidenceId}/files`, coordinator, pdfForm(name, bytes));
          if (res.status === 201)
            uploadedAfter.push({ evidenceId, fileId: res.json.files.find((f: { fileName: string }) => f.fileName === name).id, sha: sha256(bytes) });
          return res;
        });
      }
    };
    const running = Promise.all([0, 1, 2, 3].map(worker));
    await sleep(2000);
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    await once(a.child, 'exit');
    // Until the process is gone its listening socket still takes connections: what nginx handed it then was in flight on A.
    const goneAt = Date.now();
    await sleep(4000);
    stop = true;
    await running;

    const before = outcomes.filter((o) => o.ended < killedAt);
    const during = outcomes.filter((o) => o.started <= goneAt && o.ended >= killedAt);
    const after = outcomes.filter((o) => o.started > goneAt);
    // Work before, and plenty after (every kind), through the one instance left.
    expect(before.length).toBeGreaterThan(8);
    for (const kind of ['session', 'read', 'transition', 'upload']) expect(after.filter((o) => o.kind === kind).length).toBeGreaterThan(2);
    // The proxy answers every request (no connection failure), none with a 500.
    expect(outcomes.filter((o) => o.status === 0 || o.status === 500)).toEqual([]);
    // Everything asked after the kill is answered as if nothing happened: the proxy sends it to the other instance.
    expect(after.filter((o) => o.status >= 300)).toEqual([]);
    // Only a POST that instance A was working on when it died may get a 502 (nginx does not send a POST twice).
    expect(during.filter((o) => o.status >= 300 && !(o.status === 502 && ['transition', 'upload'].includes(o.kind)))).toEqual([]);
    // Every upload answered 201, after the kill too, is there for the instance left, byte for byte.
    for (const u of uploadedAfter) {
      const download = await call(proxy, 'GET', `/api/evidence/${u.evidenceId}/files/${u.fileId}`, coordinator);
      expect(download.status).toBe(200);
      expect(sha256(download.bytes)).toBe(u.sha);
    }
    // Every transition answered is in the database: each benchmark is where its last answer left it, or one further (a 502'd commit).
    for (const bm of benchmarks.slice(1, 5)) {
      const [row] = (await pg.query(`SELECT version FROM benchmark WHERE id = $1`, [bm.id])).rows;
      expect(row.version).toBe(bm.version);
    }
    // The proxy stopped sending to the dead instance: b served what came after.
    expect(b.child.exitCode).toBeNull();
    console.log(
      `several instances: ${outcomes.length} requests through nginx (${before.length} before the kill, ${during.length} in flight at it, ${after.length} after); ` +
        `statuses in flight: ${JSON.stringify(during.map((o) => `${o.kind} ${o.status}`))}; ${uploadedAfter.length} uploads answered 201 and downloaded again`,
    );
  });
});
