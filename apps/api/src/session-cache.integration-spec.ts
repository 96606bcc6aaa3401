import { readAppConfig } from '@bt/api/core';
import { hashToken, SessionCache } from '@bt/api/identity';
import { ApiClient } from '@bt/testing';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { createDemoDatabase } from './testing/test-api';

// Who is behind a session is remembered for a few seconds; a change made through one API instance
// must reach the others at once, through PostgreSQL's NOTIFY alone: first two caches over one
// database, then two whole API instances.
describe('the session cache across instances', () => {
  let database: Awaited<ReturnType<typeof createDemoDatabase>>;
  const dataSources: DataSource[] = [];
  const caches: SessionCache[] = [];

  async function instance(): Promise<{ dataSource: DataSource; cache: SessionCache }> {
    const config = readAppConfig({ DATABASE_URL: database.url });
    const dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    const cache = new SessionCache(dataSource, config);
    await cache.onModuleInit();
    dataSources.push(dataSource);
    caches.push(cache);
    return { dataSource, cache };
  }

  const viewer = (userId: string) => ({
    userId,
    email: `${userId}@demo.test`,
    displayName: userId,
    organisationId: 'o',
    countryCode: 'RS',
    roles: new Set<'commission'>(['commission']),
    coordinator: false,
    sessionTokenHash: `hash-${userId}`,
    secondFactorOutstanding: false,
    expiresAt: new Date(Date.now() + 3_600_000),
  });

  /** NOTIFY is delivered at commit, asynchronously: wait until the other instance has heard it. */
  async function eventually(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('the other instance never heard of the change');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  beforeAll(async () => {
    database = await createDemoDatabase();
  });
  afterAll(async () => {
    for (const cache of caches) await cache.onModuleDestroy();
    for (const dataSource of dataSources) await dataSource.destroy();
    await database.drop();
  });

  it('forgets a user on every instance once the change commits, and not when it rolls back', async () => {
    const a = await instance();
    const b = await instance();
    for (const { cache } of [a, b]) {
      cache.remember('hash-ana', viewer('ana'), new Date(), cache.readBegins());
      cache.remember('hash-ivo', viewer('ivo'), new Date(), cache.readBegins());
    }
    expect(a.cache.get('hash-ana')?.userId).toBe('ana');

    // A change that rolls back forgets nothing, here or there.
    await b.dataSource
      .transaction(async (em) => {
        await b.cache.forget(em, { user: 'ana' });
        throw new Error('refused');
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.cache.get('hash-ana')).not.toBeNull();
    expect(b.cache.get('hash-ana')).not.toBeNull();

    // Instance B changes Ana (say, her roles): B forgets at commit, A as soon as NOTIFY arrives; Ivo stays.
    await b.dataSource.transaction((em) => b.cache.forget(em, { user: 'ana' }));
    expect(b.cache.get('hash-ana')).toBeNull();
    await eventually(() => a.cache.get('hash-ana') === null);
    expect(a.cache.get('hash-ivo')?.userId).toBe('ivo');

    // A change of the identity settings concerns everyone.
    await a.dataSource.transaction((em) => a.cache.forget(em, { everyone: true }));
    await eventually(() => b.cache.get('hash-ivo') === null);
  });

  it('does not keep what was read while a change was being made', async () => {
    const { dataSource, cache } = await instance();
    const readBegan = cache.readBegins();
    await dataSource.transaction((em) => cache.forget(em, { session: 'hash-eva' }));
    cache.remember('hash-eva', viewer('eva'), new Date(), readBegan);
    expect(cache.get('hash-eva')).toBeNull();
  });

  it('remembers nothing with SESSION_CACHE_SECONDS=0', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    dataSources.push(dataSource);
    const cache = new SessionCache(dataSource, readAppConfig({ DATABASE_URL: database.url, SESSION_CACHE_SECONDS: '0' }));
    await cache.onModuleInit();
    caches.push(cache);
    cache.remember('hash-zoe', viewer('zoe'), new Date(), cache.readBegins());
    expect(cache.get('hash-zoe')).toBeNull();
  });

  it("ends a disabled user's session on the other instance within moments, not after the cache's seconds", async () => {
    const apps = [];
    for (let i = 0; i < 2; i++) {
      const app = await createApp(readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent' }), { logger: false });
      await app.listen(0, '127.0.0.1');
      apps.push(app);
    }
    const [one, two] = apps.map((app) => `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`);
    try {
      const admin = new ApiClient(one);
      await admin.signIn('admin@demo.test');
      const cso = new ApiClient(two);
      await cso.signIn('cso@demo.test');
      // Instance two now remembers who the CSO's session is.
      expect((await cso.get('/api/auth/me')).status).toBe(200);
      expect((await cso.get('/api/inbox')).status).toBe(200);
      const csoSession = hashToken(cso.cookies.get('bt_session') as string);
      expect(apps[1].get(SessionCache).get(csoSession)?.email).toBe('cso@demo.test');

      const [{ id }] = (await admin.get('/api/admin/users?q=cso@demo.test')).body;
      expect((await admin.post(`/api/admin/users/${id}/disable`)).status).toBe(200);
      // NOTIFY travels between the instances' PostgreSQL connections: it may take a moment, never the cache's 5 s.
      let status = 200;
      for (const deadline = Date.now() + 2_000; status === 200 && Date.now() < deadline; ) {
        status = (await cso.get('/api/inbox')).status;
      }
      expect(status).toBe(401);
      expect(apps[1].get(SessionCache).get(csoSession)).toBeNull();
    } finally {
      for (const app of apps) await app.close();
    }
  });
});
