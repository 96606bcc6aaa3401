import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A page of the benchmark list walks the areas of a chapter in catalogue order and each area's
 * benchmarks by position (benchmark_area_idx), stopping when the page is full, instead of sorting every
 * benchmark that matches (a chapter of 4,000 benchmarks: 250 → 2 ms).
 */
export class CatalogueOrder1795570000000 implements MigrationInterface {
  name = 'CatalogueOrder1795570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "area_catalogue_order_idx" ON "area" ("country_code", "chapter_number", "position", "code")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "area_catalogue_order_idx"`);
  }
}
