import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readAppConfig } from '@bt/api/core';
import { type CatalogueFile, CatalogueFileError, CatalogueImportService, checkCatalogueFile, checkReferenceFile } from '@bt/api/catalogue';
import type { BenchmarkDetailDto, BenchmarkListItemDto, Page } from '@bt/contracts';
import { createApp } from './app';
import { createDemoDatabase } from './testing/test-api';

/**
 * A catalogue file may carry a Serbian text (`textSr`) per benchmark and sub-requirement beside the
 * Commission's English: imported, answered with the benchmark, cleared when the file drops it, and a
 * file with an empty one refused whole. The Serbian here is a test's, not an official translation.
 */
describe('the Serbian text of the catalogue', () => {
  let app: NestFastifyApplication;
  let base: string;
  let drop: () => Promise<void>;
  const seedsDir = readAppConfig({ DATABASE_URL: 'postgres://x' }).seedsDir;
  let reference: ReturnType<typeof checkReferenceFile>;
  let original: CatalogueFile;

  beforeAll(async () => {
    const database = await createDemoDatabase();
    drop = database.drop;
    app = await createApp(readAppConfig({ DATABASE_URL: database.url, WEB_DIR: '/nonexistent' }), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
    reference = checkReferenceFile(JSON.parse(await readFile(join(seedsDir, 'reference.json'), 'utf8')));
    original = checkCatalogueFile(JSON.parse(await readFile(join(seedsDir, 'catalogue', 'rs-24.json'), 'utf8')));
  });

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  const get = async <T>(path: string) => (await fetch(base + path)).json() as Promise<T>;

  /** Serbia's catalogue with `textSr` set on RS-24-ASY-02 and its first sub-requirement. */
  function withSerbian(benchmarkSr: unknown, subSr: unknown): unknown {
    const copy = structuredClone(original) as CatalogueFile;
    const benchmark = copy.areas.flatMap((a) => a.benchmarks).find((b) => b.code === 'RS-24-ASY-02');
    if (!benchmark) throw new Error('RS-24-ASY-02 is not in the catalogue');
    Object.assign(benchmark, { textSr: benchmarkSr });
    Object.assign(benchmark.subRequirements[0], { textSr: subSr });
    return copy;
  }

  it('has no Serbian text where the catalogue file has none', async () => {
    const detail = await get<BenchmarkDetailDto>('/benchmarks/RS-24-ASY-02');
    expect(detail.textSr).toBeNull();
    expect(detail.subRequirements.map((s) => s.textSr)).toEqual(detail.subRequirements.map(() => null));
  });

  it('imports a Serbian text of a benchmark and a sub-requirement, answers it with the benchmark, and clears it when the file drops it', async () => {
    const importer = app.get(CatalogueImportService);
    const counts = await importer.import(reference, [checkCatalogueFile(withSerbian('Merilo na srpskom (test).', 'Podzahtev na srpskom (test).'))]);
    expect(counts).toEqual({ created: 0, updated: 2, unchanged: 86 });

    const detail = await get<BenchmarkDetailDto>('/benchmarks/RS-24-ASY-02');
    expect(detail.text).toBe(original.areas.flatMap((a) => a.benchmarks).find((b) => b.code === 'RS-24-ASY-02')?.text);
    expect(detail.textSr).toBe('Merilo na srpskom (test).');
    expect(detail.subRequirements[0]).toMatchObject({ code: 'RS-24-ASY-02.1', textSr: 'Podzahtev na srpskom (test).' });
    expect(detail.subRequirements.slice(1).map((s) => s.textSr)).toEqual(detail.subRequirements.slice(1).map(() => null));
    // Lists keep to the English excerpt.
    const list = await get<Page<BenchmarkListItemDto>>('/benchmarks?q=RS-24-ASY-02');
    expect(list.items[0]).not.toHaveProperty('textSr');

    // Changed, then dropped: the seeds have no Serbian text, so importing them clears it.
    await importer.import(reference, [checkCatalogueFile(withSerbian('Merilo na srpskom, izmenjeno (test).', 'Podzahtev na srpskom (test).'))]);
    expect((await get<BenchmarkDetailDto>('/benchmarks/RS-24-ASY-02')).textSr).toBe('Merilo na srpskom, izmenjeno (test).');
    expect(await importer.importSeeds(seedsDir)).toEqual({ created: 0, updated: 2, unchanged: 86 });
    const cleared = await get<BenchmarkDetailDto>('/benchmarks/RS-24-ASY-02');
    expect(cleared.textSr).toBeNull();
    expect(cleared.subRequirements[0].textSr).toBeNull();
  });

  it('refuses a catalogue file with an empty Serbian text whole, naming the place, and imports nothing of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bt-seeds-'));
    try {
      await cp(join(seedsDir, 'reference.json'), join(dir, 'reference.json'));
      await cp(join(seedsDir, 'catalogue'), join(dir, 'catalogue'), { recursive: true });
      const broken = withSerbian('Merilo na srpskom (test).', ' ') as CatalogueFile;
      broken.areas[0].benchmarks[0].text = 'Changed, and not to be imported.';
      await writeFile(join(dir, 'catalogue', 'rs-24.json'), JSON.stringify(broken));

      const refused = await app
        .get(CatalogueImportService)
        .importSeeds(dir)
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(CatalogueFileError);
      expect((refused as CatalogueFileError).problems).toEqual([
        'areas[2].benchmarks[1].subRequirements[0].textSr: a non-empty text when present (leave it out where there is no Serbian text)',
      ]);
      const detail = await get<BenchmarkDetailDto>('/benchmarks/RS-24-ASY-02');
      expect(detail.textSr).toBeNull();
      expect((await get<BenchmarkDetailDto>('/benchmarks/RS-24-APM-01')).text).not.toBe('Changed, and not to be imported.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
