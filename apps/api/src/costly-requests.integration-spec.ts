import { COSTLY_REQUESTS_PER_MINUTE } from '@bt/api/core';
import { startSecondInstance, startTestApi, type TestApi } from './testing/test-api';

// Search, uploads, imports and generated reports are limited per caller and minute (rate-limits.ts):
// a script hammering them gets 429 with Retry-After, and nobody else is slowed by it.
describe('limits on costly requests', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function exhaust(call: () => Promise<{ status: number }>, limit: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < limit; i++) statuses.push((await call()).status);
    return statuses;
  }

  it('refuses an anonymous caller past the search limit, with a message and Retry-After, and not another address', async () => {
    const script = api.client({ ip: '203.0.113.50' });
    const limit = COSTLY_REQUESTS_PER_MINUTE.search;
    expect(new Set(await exhaust(() => script.get('/api/search?q=granica'), limit))).toEqual(new Set([200]));
    const refused = await script.get('/api/search?q=granica');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/Too many searches in a minute \(at most 120\): try again in \d+ seconds/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await api.client({ ip: '203.0.113.51' }).get('/api/search?q=granica')).status).toBe(200);
    // Other requests of the same caller are not costly and go on.
    expect((await script.get('/api/benchmarks')).status).toBe(200);
  });

  it('counts per session, so colleagues behind one address are not limited by each other', async () => {
    const office = '198.51.100.7';
    const reviewer = api.client({ ip: office });
    const colleague = api.client({ ip: office });
    expect((await reviewer.signIn('commission@demo.test')).status).toBe(200);
    expect((await colleague.signIn('admin@demo.test')).status).toBe(200);
    const limit = COSTLY_REQUESTS_PER_MINUTE.report;
    expect(new Set(await exhaust(() => reviewer.get('/api/consideration.csv?country=RS'), limit))).toEqual(new Set([200]));
    expect((await reviewer.get('/api/consideration.csv?country=RS')).status).toBe(429);
    expect((await colleague.get('/api/consideration.csv?country=RS')).status).toBe(200);
  });

  describe('with two instances on one database', () => {
    let second: Awaited<ReturnType<typeof startSecondInstance>>;
    beforeAll(async () => {
      second = await startSecondInstance(api);
    });
    afterAll(() => second.close());

    it('counts a caller once across both: half the searches through each, then both refuse', async () => {
      const ip = '203.0.113.60';
      const [one, two] = [api.client({ ip }), second.client({ ip })];
      const limit = COSTLY_REQUESTS_PER_MINUTE.search;
      let sent = 0;
      const statuses = await exhaust(() => (sent++ % 2 ? two : one).get('/api/search?q=granica'), limit);
      expect(new Set(statuses)).toEqual(new Set([200]));
      expect((await one.get('/api/search?q=granica')).status).toBe(429);
      expect((await two.get('/api/search?q=granica')).status).toBe(429);
      // The count is the database's, one row for the caller and route.
      const [row] = await api.sql(`SELECT count FROM request_count WHERE key LIKE '%address:${ip}search'`);
      expect(row).toEqual({ count: limit + 2 });
    });

    it('starts a new window once the minute has ended', async () => {
      const caller = api.client({ ip: '203.0.113.61' });
      await exhaust(() => caller.get('/api/search?q=granica'), COSTLY_REQUESTS_PER_MINUTE.search + 1);
      expect((await caller.get('/api/search?q=granica')).status).toBe(429);
      await api.sql(`UPDATE request_count SET window_ends_at = now() - interval '1 second' WHERE key LIKE '%address:203.0.113.61search'`);
      const again = second.client({ ip: '203.0.113.61' });
      expect((await again.get('/api/search?q=granica')).status).toBe(200);
      const [row] = await api.sql(`SELECT count FROM request_count WHERE key LIKE '%address:203.0.113.61search'`);
      expect(row).toEqual({ count: 1 });
    });
  });
});
