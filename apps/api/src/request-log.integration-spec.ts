import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { readAppConfig } from '@bt/api/core';
import { SignInHousekeeping } from '@bt/api/identity';
import { ApiClient, DEMO_PASSWORD } from '@bt/testing';
import { Client } from 'pg';
import { createApp } from './app';
import { createDemoDatabase } from './testing/test-api';

// Every request gets an id — the caller's X-Request-Id when well-formed, else a new one — answered in
// X-Request-Id and in every error body, and one JSON log line (method, route, status, duration, user
// id, request id) with nothing secret or personal in it. And the sign-in leftovers are deleted.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let app: NestFastifyApplication;
let database: Awaited<ReturnType<typeof createDemoDatabase>>;
let pg: Client;
let baseUrl: string;
/** Every line the API logged, as written (the JSON text) — what a log shipper would see. */
const written: string[] = [];
const requestLines = () => written.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['msg'] === 'request');

beforeAll(async () => {
  database = await createDemoDatabase();
  const config = readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent', TRUST_PROXY: 'true' });
  app = await createApp(config, { log: { level: 'info', format: 'json', destination: { write: (line: string) => void written.push(line) } } });
  await app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  pg = new Client({ connectionString: database.url });
  await pg.connect();
});

afterAll(async () => {
  await pg?.end();
  await app?.close();
  await database?.drop();
});

/** The request line logged for the request of this id (written when the answer has gone: wait for it). */
async function lineOf(requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const line = requestLines().find((l) => l['requestId'] === requestId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no request line for ${requestId}`);
}

describe('request id', () => {
  it("answers the caller's well-formed X-Request-Id in the header, in the error body and in the log", async () => {
    const client = new ApiClient(baseUrl);
    const res = await client.request('GET', '/api/benchmarks/RS-24-NOPE-99', undefined, { 'x-request-id': 'proxy-7f3a.2:b_9' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('proxy-7f3a.2:b_9');
    expect(res.body).toMatchObject({ statusCode: 404, code: 'benchmark.not-found', requestId: 'proxy-7f3a.2:b_9' });
    expect(await lineOf('proxy-7f3a.2:b_9')).toMatchObject({ method: 'GET', route: '/api/benchmarks/:id', status: 404 });
  });

  it('makes a new id when none is sent, or a malformed one (too long, spaces, another character)', async () => {
    const client = new ApiClient(baseUrl);
    const ids = new Set<string>();
    for (const sent of [undefined, 'x'.repeat(129), 'a b', 'id\u00e9', '<script>', '']) {
      const res = await client.request('GET', '/api/benchmarks/RS-24-NOPE-99', undefined, sent === undefined ? {} : { 'x-request-id': sent });
      expect(res.status).toBe(404);
      const id = res.headers.get('x-request-id') as string;
      expect(id).toMatch(UUID);
      expect(res.body.requestId).toBe(id);
      ids.add(id);
    }
    expect(ids.size).toBe(6);
  });

  it('is answered on success too', async () => {
    const res = await new ApiClient(baseUrl).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('the request log', () => {
  it("writes one JSON line per request: method, the route's pattern, status, duration, user id, request id", async () => {
    const client = new ApiClient(baseUrl);
    expect((await client.signIn('coordinator@demo.test')).status).toBe(200);
    const [{ id: userId }] = (await pg.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'coordinator@demo.test'`)).rows;
    const res = await client.request('GET', '/api/benchmarks/RS-24-POL-02?lang=sr-Latn&q=coordinator@demo.test', undefined, { 'x-request-id': 'line-test-1' });
    expect(res.status).toBe(200);
    const line = await lineOf('line-test-1');
    expect(line).toEqual({
      level: 30,
      time: expect.any(String),
      pid: process.pid,
      msg: 'request',
      requestId: 'line-test-1',
      method: 'GET',
      route: '/api/benchmarks/:id',
      status: 200,
      durationMs: expect.any(Number),
      userId,
    });
  });

  it('logs no cookie, no authorization header, no body, no e-mail address, no password', async () => {
    const client = new ApiClient(baseUrl);
    await client.request(
      'POST',
      '/api/auth/login',
      { email: 'ministry@demo.test', password: DEMO_PASSWORD },
      { 'x-request-id': 'secret-test-1', authorization: 'Bearer very-secret-token' },
    );
    // Sign-in goes through the XSRF check: fetch the cookie first, as the browser does, then sign in for real.
    await client.get('/api/health');
    const signedIn = await client.request(
      'POST',
      '/api/auth/login',
      { email: 'ministry@demo.test', password: DEMO_PASSWORD },
      { 'x-request-id': 'secret-test-2' },
    );
    expect(signedIn.status).toBe(200);
    await client.request('GET', '/api/auth/me', undefined, { 'x-request-id': 'secret-test-3', authorization: 'Bearer very-secret-token' });
    await lineOf('secret-test-3');
    const session = client.cookies.get('bt_session') as string;
    const xsrf = client.cookies.get('XSRF-TOKEN') as string;
    const everything = written.join('');
    for (const secret of [
      session,
      xsrf,
      'very-secret-token',
      DEMO_PASSWORD,
      'ministry@demo.test',
      'coordinator@demo.test',
      'bt_session',
      'cookie',
      'authorization',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('logs a path no route serves with no route (its path may carry anything)', async () => {
    const res = await new ApiClient(baseUrl).request('GET', '/api/nothing-here', undefined, { 'x-request-id': 'missing-1' });
    expect(res.status).toBe(404);
    expect(await lineOf('missing-1')).toMatchObject({ level: 30, route: null, status: 404 });
  });
});

describe('the start-up log', () => {
  it('is written as the app is made, not held until it listens (an app that never listens: a test, a worker)', async () => {
    const other = await createApp(readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent' }), { logger: false });
    const logged: unknown[][] = [];
    Logger.overrideLogger({ log: (...args: unknown[]) => void logged.push(args), warn: () => undefined, error: () => undefined });
    try {
      // A line logged through Nest's Logger after the app is made is written at once, not kept in Nest's start-up buffer.
      new Logger('StartUpCheck').log('written at once');
      expect(logged).toEqual([['written at once', 'StartUpCheck']]);
    } finally {
      Logger.overrideLogger(app.get(PinoNestLogger));
      await other.close();
    }
  });
});

describe('sign-in housekeeping', () => {
  it('deletes sessions past their end or idle too long, expired second-factor sign-ins and failed sign-ins older than a day — nothing else', async () => {
    const [{ id: userId }] = (await pg.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'cso@demo.test'`)).rows;
    await pg.query(`DELETE FROM user_session WHERE user_id = $1`, [userId]);
    const session = (hash: string, lastSeen: string, expires: string) =>
      pg.query(
        `INSERT INTO user_session (token_hash, user_id, created_at, last_seen_at, expires_at, method) VALUES ($1, $2, now() - interval '13 hours', now() - $3::interval, now() + $4::interval, 'password')`,
        [hash, userId, lastSeen, expires],
      );
    await session('hk-live', '1 minute', '1 hour');
    await session('hk-ended', '1 minute', '-1 second');
    await session('hk-idle', '31 minutes', '1 hour');
    await session('hk-nearly-idle', '29 minutes', '1 hour');
    await pg.query(
      `INSERT INTO pending_sign_in (token_hash, user_id, method, expires_at) VALUES ('hk-pending-live', $1, 'password', now() + interval '1 minute'), ('hk-pending-old', $1, 'password', now() - interval '1 second')`,
      [userId],
    );
    await pg.query(
      `INSERT INTO login_failure (email, ip, occurred_at) VALUES ('hk@x.test', '10.9.9.1', now() - interval '23 hours'), ('hk@x.test', '10.9.9.2', now() - interval '25 hours')`,
    );

    const housekeeping = app.get(SignInHousekeeping);
    const deleted = await housekeeping.deleteExpired();
    expect(deleted).toMatchObject({ sessions: expect.any(Number), pendingSignIns: expect.any(Number), loginFailures: expect.any(Number) });
    const sessions = (await pg.query<{ token_hash: string }>(`SELECT token_hash FROM user_session WHERE token_hash LIKE 'hk-%' ORDER BY 1`)).rows.map(
      (r) => r.token_hash,
    );
    expect(sessions).toEqual(['hk-live', 'hk-nearly-idle']);
    const pending = (await pg.query<{ token_hash: string }>(`SELECT token_hash FROM pending_sign_in WHERE token_hash LIKE 'hk-%'`)).rows.map(
      (r) => r.token_hash,
    );
    expect(pending).toEqual(['hk-pending-live']);
    const failures = (await pg.query<{ ip: string }>(`SELECT ip FROM login_failure WHERE email = 'hk@x.test'`)).rows.map((r) => r.ip);
    expect(failures).toEqual(['10.9.9.1']);
    // Idempotent: a second run (or another instance's at the same time) finds nothing more to delete of these.
    await Promise.all([housekeeping.deleteExpired(), housekeeping.deleteExpired()]);
    expect((await pg.query(`SELECT 1 FROM user_session WHERE token_hash LIKE 'hk-%'`)).rowCount).toBe(2);
  });

  it('leaves the sessions in use working', async () => {
    const client = new ApiClient(baseUrl);
    await client.signIn('expert@demo.test');
    await app.get(SignInHousekeeping).deleteExpired();
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });
});
