import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readAppConfig } from '@bt/api/core';
import { ApiClient, createTestDatabase, type TestDatabaseTemplate } from '@bt/testing';
import { Client } from 'pg';
import { createApp } from '../app';

export interface TestApi {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  client: (options?: { xsrf?: boolean; ip?: string }) => ApiClient;
  /** Runs SQL on the test database directly (to set up or inspect what the API cannot). */
  sql: <T = any>(text: string, values?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

/**
 * What a first start in demo mode leaves in a database: the migrations, the catalogue and the demo
 * content. Prepared once per test run; each test file starts the API on its own copy.
 */
export const DEMO_DATABASE: TestDatabaseTemplate = {
  name: 'api_demo',
  prepare: async (url) => {
    const app = await createApp(readAppConfig({ DATABASE_URL: url, WEB_DIR: '/nonexistent', NOTIFICATIONS_WORKER: 'false' }), { logger: false });
    await app.close();
  },
};

/** A fresh database with what a first start in demo mode leaves (a copy of DEMO_DATABASE). */
export function createDemoDatabase(): ReturnType<typeof createTestDatabase> {
  return createTestDatabase({ from: DEMO_DATABASE });
}

/** An instance of the API on `databaseUrl`, listening on a free port: as startTestApi starts it, with `env` on top. */
async function listeningInstance(databaseUrl: string, env: Record<string, string>): Promise<{ app: NestFastifyApplication; baseUrl: string }> {
  const app = await createApp(
    readAppConfig({ DATABASE_URL: databaseUrl, WEB_DIR: '/nonexistent', TRUST_PROXY: 'true', NOTIFICATIONS_WORKER: 'false', ...env }),
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}

/**
 * The real API, in demo mode, listening on a free port over a fresh database. Without the
 * notifications worker unless `env` asks for it: a test that needs notifications dispatches them
 * (NotificationDispatcher.dispatchAll) when it chooses, so no timer runs in the others.
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createDemoDatabase();
  const { app, baseUrl } = await listeningInstance(database.url, env);
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    client: (options) => new ApiClient(baseUrl, options),
    sql: async (text, values) => (await pg.query(text, values as unknown[])).rows,
    close: async () => {
      await pg.end();
      await app.close();
      await database.drop();
    },
  };
}

/** A second instance of the API on the database of `api`, as behind a load balancer; `close` leaves the database to `api`. */
export async function startSecondInstance(
  api: TestApi,
  env: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; baseUrl: string; client: TestApi['client']; close: () => Promise<void> }> {
  const { app, baseUrl } = await listeningInstance(api.databaseUrl, env);
  return { app, baseUrl, client: (options) => new ApiClient(baseUrl, options), close: () => app.close() };
}

/** "METHOD /api/path/:param" for every handler of every controller, read from Nest's own metadata. */
export function routeTable(app: NestFastifyApplication): string[] {
  const join = (...parts: string[]) =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')}`;
  const routes: string[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!type) continue;
    const base = Reflect.getMetadata(PATH_METADATA, type) as string;
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = type.prototype[name];
      const path = typeof handler === 'function' ? (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) : undefined;
      if (path === undefined || name === 'constructor') continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      routes.push(`${method} ${join('api', base, path)}`);
    }
  }
  return routes.sort();
}
