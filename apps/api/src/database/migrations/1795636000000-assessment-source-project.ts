import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A CSO's shadow assessment may cite the monitoring project it comes from (an assistance project its
 * organisation implements), shown beside the assessment. Projects are never deleted; the reference
 * keeps that so.
 */
export class AssessmentSourceProject1795636000000 implements MigrationInterface {
  name = 'AssessmentSourceProject1795636000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assessment" ADD COLUMN "source_project_id" uuid REFERENCES "assistance_project" ("id") ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assessment" DROP COLUMN "source_project_id"`);
  }
}
