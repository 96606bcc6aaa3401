import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { rows, sql } from '@bt/api/core';
import { type CatalogueFile, checkCatalogueFile, checkReferenceFile, type ReferenceFile } from './catalogue-file';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Brings the benchmark catalogue in the database in line with the JSON files in seeds/:
 * rows are matched by their stable codes, new ones created, changed texts updated, and nothing
 * else touched, so importing the same files again changes nothing and an updated catalogue from
 * the Commission (or another country's) is imported the same way. One transaction per run.
 */
@Injectable()
export class CatalogueImportService {
  private readonly logger = new Logger('CatalogueImport');

  constructor(private readonly dataSource: DataSource) {}

  /** Imports seeds/reference.json and every seeds/catalogue/*.json. */
  async importSeeds(seedsDir: string): Promise<ImportCounts> {
    const reference = checkReferenceFile(await readJson(join(seedsDir, 'reference.json')));
    const names = (await readdir(join(seedsDir, 'catalogue'))).filter((n) => n.endsWith('.json')).sort();
    const catalogues = await Promise.all(names.map(async (n) => checkCatalogueFile(await readJson(join(seedsDir, 'catalogue', n)))));
    const counts = await this.import(reference, catalogues);
    this.logger.log(`catalogue: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
    return counts;
  }

  import(reference: ReferenceFile, catalogues: CatalogueFile[]): Promise<ImportCounts> {
    return this.dataSource.transaction(async (em) => {
      // Two instances starting together must not both insert.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('catalogue-import'))`);
      const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
      const tally = (outcome: keyof ImportCounts) => counts[outcome]++;
      for (const c of reference.countries) {
        tally(await upsert(em, 'country', ['code'], { code: c.code, name: c.name, note: c.note ?? null }));
      }
      for (const c of reference.chapters) {
        tally(await upsert(em, 'chapter', ['number'], { number: c.number, title: c.title }));
      }
      for (const catalogue of catalogues) {
        await this.importCatalogue(em, catalogue, tally);
      }
      return counts;
    });
  }

  private async importCatalogue(em: EntityManager, file: CatalogueFile, tally: (o: keyof ImportCounts) => void): Promise<void> {
    for (const [a, area] of file.areas.entries()) {
      const areaKey = { country_code: file.country, chapter_number: file.chapter, code: area.code };
      tally(await upsert(em, 'area', ['country_code', 'chapter_number', 'code'], { ...areaKey, title: area.title, intro: area.intro, position: a + 1 }));
      const [{ id: areaId }] = await em.query(`SELECT id FROM area WHERE country_code = $1 AND chapter_number = $2 AND code = $3`, [
        file.country,
        file.chapter,
        area.code,
      ]);
      for (const [b, benchmark] of area.benchmarks.entries()) {
        // A Serbian text the file no longer carries is cleared, as a changed one is updated.
        tally(
          await upsert(em, 'benchmark', ['code'], {
            code: benchmark.code,
            area_id: areaId,
            position: b + 1,
            text: benchmark.text,
            text_sr: benchmark.textSr ?? null,
          }),
        );
        const [{ id: benchmarkId }] = await em.query(`SELECT id FROM benchmark WHERE code = $1`, [benchmark.code]);
        for (const [s, sub] of benchmark.subRequirements.entries()) {
          tally(
            await upsert(em, 'sub_requirement', ['code'], {
              code: sub.code,
              benchmark_id: benchmarkId,
              position: s + 1,
              text: sub.text,
              text_sr: sub.textSr ?? null,
            }),
          );
        }
      }
    }
  }
}

/** Inserts the row, or updates it where any column differs; says which happened. */
async function upsert(em: EntityManager, table: string, key: string[], row: Record<string, unknown>): Promise<keyof ImportCounts> {
  const columns = Object.keys(row);
  const values = Object.values(row);
  const rest = columns.filter((c) => !key.includes(c));
  // The table and column names are the importer's own (never the file's); the values are parameters.
  const [result] = await rows<{ inserted: boolean }>(
    em,
    sql`INSERT INTO ${sql.raw(table)} (${sql.raw(columns.join(', '))}) VALUES (${sql.join(
      values.map((v) => sql`${v}`),
      ', ',
    )})
     ON CONFLICT (${sql.raw(key.join(', '))}) DO UPDATE SET ${sql.raw(rest.map((c) => `${c} = EXCLUDED.${c}`).join(', '))}
       WHERE (${sql.raw(rest.map((c) => `${table}.${c}`).join(', '))}) IS DISTINCT FROM (${sql.raw(rest.map((c) => `EXCLUDED.${c}`).join(', '))})
     RETURNING (xmax = 0) AS inserted`,
  );
  return result === undefined ? 'unchanged' : result.inserted ? 'created' : 'updated';
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}
