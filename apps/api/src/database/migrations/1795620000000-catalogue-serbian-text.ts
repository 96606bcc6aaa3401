import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Serbian text (Latin script) beside the Commission's English, for a benchmark and a
 * sub-requirement whose catalogue file carries one (`textSr`); null where it has none. The English
 * stays the official text.
 */
export class CatalogueSerbianText1795620000000 implements MigrationInterface {
  name = 'CatalogueSerbianText1795620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "benchmark" ADD "text_sr" text`);
    await q.query(`ALTER TABLE "sub_requirement" ADD "text_sr" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sub_requirement" DROP COLUMN "text_sr"`);
    await q.query(`ALTER TABLE "benchmark" DROP COLUMN "text_sr"`);
  }
}
