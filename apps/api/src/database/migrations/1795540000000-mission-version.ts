import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mission's planning (title, dates, experts, scope) carries a version like a benchmark does: a
 * correction names the version it was made on, so two people correcting at once cannot overwrite
 * each other unseen (409).
 */
export class MissionVersion1795540000000 implements MigrationInterface {
  name = 'MissionVersion1795540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mission" ADD COLUMN "version" integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mission" DROP COLUMN "version"`);
  }
}
