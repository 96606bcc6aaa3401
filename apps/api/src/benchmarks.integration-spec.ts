import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readAppConfig } from '@bt/api/core';
import { CatalogueImportService } from '@bt/api/catalogue';
import type { AreaDto, BenchmarkDetailDto, BenchmarkListItemDto, Page } from '@bt/contracts';
import { createApp } from './app';
import { createDemoDatabase, routeTable } from './testing/test-api';

// The real API over real HTTP against a fresh PostgreSQL database.
describe('benchmark catalogue API', () => {
  let app: NestFastifyApplication;
  let base: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createDemoDatabase();
    drop = database.drop;
    app = await createApp(readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent' }), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
  });

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  const get = async <T>(path: string) => {
    const response = await fetch(base + path);
    return { status: response.status, body: (await response.json()) as T };
  };

  it('is healthy while the database answers', async () => {
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it("lists all of Serbia's Chapter 24 benchmarks in catalogue order", async () => {
    const { status, body } = await get<Page<BenchmarkListItemDto>>('/benchmarks?country=RS&chapter=24&pageSize=200');
    expect(status).toBe(200);
    expect(body.total).toBe(41);
    expect(body.items).toHaveLength(41);
    expect(body).toMatchObject({ total: 41, totalCapped: false, next: null });
    expect(body.items[0]).toMatchObject({ code: 'RS-24-APM-01', state: 'draft', area: { code: 'APM' } });
    expect(body.items.map((b) => b.code)).toContain('RS-24-POL-13');
    expect(body.items.find((b) => b.code === 'RS-24-ASY-02')?.subRequirementCount).toBe(8);
  });

  it('answers what the list shows: an excerpt instead of the whole text', async () => {
    const { body } = await get<Page<BenchmarkListItemDto>>('/benchmarks?area=MIG');
    const migration = body.items.find((b) => b.code === 'RS-24-MIG-03') as BenchmarkListItemDto & { text?: string };
    const whole = (await get<BenchmarkDetailDto>('/benchmarks/RS-24-MIG-03')).body.text;
    expect(whole.length).toBeGreaterThan(200);
    expect(migration.text).toBeUndefined();
    expect(migration.excerpt.length).toBeLessThanOrEqual(200);
    expect(migration.excerpt.endsWith('…')).toBe(true);
    expect(whole.startsWith(migration.excerpt.slice(0, -1))).toBe(true);
  });

  it('pages by keyset: next is the after of the following page, null on the last', async () => {
    const codes: string[] = [];
    let after = '';
    for (let pages = 0; pages < 10; pages++) {
      const { body } = await get<Page<BenchmarkListItemDto>>(`/benchmarks?country=RS&chapter=24&pageSize=15${after}`);
      expect(body.total).toBe(41);
      codes.push(...body.items.map((b) => b.code));
      if (!body.next) break;
      expect(body.next).toBe(body.items[body.items.length - 1].code);
      after = `&after=${body.next}`;
    }
    const all = await get<Page<BenchmarkListItemDto>>('/benchmarks?country=RS&chapter=24&pageSize=200');
    expect(codes).toEqual(all.body.items.map((b) => b.code));
  });

  it('pages by number only within the counted matches', async () => {
    expect((await get<Page<BenchmarkListItemDto>>('/benchmarks?pageSize=50&page=4')).status).toBe(200);
    const { status, body } = await get<{ message: string }>('/benchmarks?pageSize=50&page=5');
    expect(status).toBe(400);
    expect(body.message).toContain('page on with after');
  });

  it('pages with a stable total', async () => {
    const first = await get<Page<BenchmarkListItemDto>>('/benchmarks?pageSize=10&page=1');
    const fifth = await get<Page<BenchmarkListItemDto>>('/benchmarks?pageSize=10&page=5');
    expect(first.body).toMatchObject({ total: 41, page: 1, pageSize: 10 });
    expect(first.body.items).toHaveLength(10);
    expect(fifth.body.items.map((b) => b.code)).toEqual(['RS-24-DRG-05']);
  });

  it('filters by area and state', async () => {
    const asylum = await get<Page<BenchmarkListItemDto>>('/benchmarks?area=ASY');
    expect(asylum.body.items.map((b) => b.code)).toEqual(['RS-24-ASY-01', 'RS-24-ASY-02', 'RS-24-ASY-03']);
    // The demo accepts one benchmark through the workflow (seeds/demo/workflow.json).
    const accepted = await get<Page<BenchmarkListItemDto>>('/benchmarks?state=accepted');
    expect(accepted.body.items.map((b) => b.code)).toEqual(['RS-24-POL-02']);
    const otherCountry = await get<Page<BenchmarkListItemDto>>('/benchmarks?country=AL');
    expect(otherCountry.body.total).toBe(0);
  });

  it('finds benchmarks by the beginnings of words of their text, of a sub-requirement, or their code', async () => {
    const smugglers = await get<Page<BenchmarkListItemDto>>('/benchmarks?q=people%20smugglers');
    expect(smugglers.body.items.map((b) => b.code)).toEqual(['RS-24-MIG-06']);
    // "recognition rates" occurs only in a sub-requirement of ASY-02.
    const bySub = await get<Page<BenchmarkListItemDto>>('/benchmarks?q=recognition');
    expect(bySub.body.items.map((b) => b.code)).toEqual(['RS-24-ASY-02']);
    const byCode = await get<Page<BenchmarkListItemDto>>('/benchmarks?q=rs-24-ter');
    expect(byCode.body.items.map((b) => b.code)).toEqual(['RS-24-TER-01']);
    // The beginning of a word, whatever the case and the diacritics.
    const byPrefix = await get<Page<BenchmarkListItemDto>>('/benchmarks?q=SMUGGL%20PEOPLE');
    expect(byPrefix.body.items.map((b) => b.code)).toContain('RS-24-MIG-06');
    const bySubCode = await get<Page<BenchmarkListItemDto>>('/benchmarks?q=rs-24-asy-02.3');
    expect(bySubCode.body.items.map((b) => b.code)).toEqual(['RS-24-ASY-02']);
    const wildcard = await get<Page<BenchmarkListItemDto>>('/benchmarks?q=%25');
    expect(wildcard.body.total).toBe(0);
  });

  it('answers one benchmark by code or id, with its sub-requirements in order', async () => {
    const byCode = await get<BenchmarkDetailDto>('/benchmarks/rs-24-pol-01');
    expect(byCode.status).toBe(200);
    expect(byCode.body.subRequirements.map((s) => s.code)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `RS-24-POL-01.${n}`));
    expect(byCode.body.area).toMatchObject({ code: 'POL', intro: expect.stringContaining('police co-operation') });
    const byId = await get<BenchmarkDetailDto>(`/benchmarks/${byCode.body.id}`);
    expect(byId.body.code).toBe('RS-24-POL-01');
  });

  it('lists the areas of the chapter with their benchmark counts', async () => {
    const { body } = await get<AreaDto[]>('/areas?country=RS&chapter=24');
    expect(body.map((a) => [a.code, a.benchmarkCount])).toEqual([
      ['APM', 1],
      ['MIG', 6],
      ['ASY', 3],
      ['VIS', 2],
      ['SCH', 5],
      ['JUD', 5],
      ['POL', 13],
      ['TER', 1],
      ['DRG', 5],
    ]);
  });

  it.each([
    ['/benchmarks?unknown=1', 'property unknown should not exist'],
    ['/benchmarks?state=closed', 'state must be one of draft, submitted, peerReview, accepted'],
    ['/benchmarks?page=0', 'page must not be less than 1'],
    ['/benchmarks?pageSize=1000', 'pageSize must not be greater than 200'],
    ['/benchmarks?chapter=x', 'chapter must be a whole number such as 24'],
    ['/benchmarks?after=RS-24', 'after must be a benchmark code such as RS-24-MIG-02'],
    ['/benchmarks?country=serbia', 'country must be a two-letter upper-case code such as RS'],
    ['/benchmarks/drop%20table', 'id must be a uuid or a benchmark code such as RS-24-MIG-02'],
  ])('refuses %s with 400 and a message', async (path, message) => {
    const { status, body } = await get<{ code: string; message: string }>(path);
    expect(status).toBe(400);
    expect(body.message).toContain(message);
    expect(body.code).toBe(path.startsWith('/benchmarks/') ? 'benchmark.ref-malformed' : 'request.invalid-fields');
  });

  it.each(['/benchmarks/RS-24-MIG-99', '/benchmarks/00000000-0000-4000-8000-000000000000', '/no-such-route'])('answers 404 for %s', async (path) => {
    const { status, body } = await get<{ statusCode: number }>(path);
    expect(status).toBe(404);
    expect(body.statusCode).toBe(404);
  });

  it('describes every route of the app in its OpenAPI document', async () => {
    const { body } = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/docs-json');
    expect(body.openapi).toMatch(/^3\./);
    const documented = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual(routeTable(app));
  });

  it('imports the catalogue again without changing anything', async () => {
    const before = await get<BenchmarkDetailDto>('/benchmarks/RS-24-MIG-02');
    const counts = await app.get(CatalogueImportService).importSeeds(readAppConfig({ DATABASE_URL: 'postgres://x' }).seedsDir);
    expect(counts).toEqual({ created: 0, updated: 0, unchanged: 88 });
    const after = await get<BenchmarkDetailDto>('/benchmarks/RS-24-MIG-02');
    expect(after.body).toEqual(before.body);
  });
});
