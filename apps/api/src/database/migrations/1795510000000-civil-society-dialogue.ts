import type { MigrationInterface, QueryRunner } from 'typeorm';

const PREPARATION = [
  'early_stage',
  'early_stage_to_some',
  'some_level',
  'some_to_moderate',
  'moderately_prepared',
  'moderate_to_good',
  'good_level',
  'good_to_well_advanced',
  'well_advanced',
];
const PROGRESS = ['backsliding', 'no_progress', 'limited_progress', 'some_progress', 'good_progress', 'very_good_progress'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The civil-society dialogue in full: proposals and comments, threaded replies, anchors on a
 * sub-requirement or an evidence item, moderation; and the three voices of the assessment
 * (Commission, ministry, each CSO) per reporting period, append-only.
 */
export class CivilSocietyDialogue1795510000000 implements MigrationInterface {
  name = 'CivilSocietyDialogue1795510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal"
      ADD "kind" text NOT NULL DEFAULT 'proposal',
      ADD "parent_id" uuid,
      ADD "sub_requirement_id" uuid,
      ADD "evidence_id" uuid,
      ADD "hidden_at" TIMESTAMP WITH TIME ZONE,
      ADD "hidden_by" uuid,
      ADD "hidden_reason" text,
      ADD CONSTRAINT "proposal_kind_check" CHECK ("kind" IN ('proposal', 'comment')),
      ADD CONSTRAINT "proposal_reply_is_comment_check" CHECK ("parent_id" IS NULL OR "kind" = 'comment'),
      ADD CONSTRAINT "proposal_hidden_check" CHECK (("hidden_at" IS NULL) = ("hidden_by" IS NULL)),
      ADD CONSTRAINT "FK_proposal_parent" FOREIGN KEY ("parent_id") REFERENCES "proposal"("id") ON DELETE CASCADE,
      ADD CONSTRAINT "FK_proposal_sub_requirement" FOREIGN KEY ("sub_requirement_id") REFERENCES "sub_requirement"("id") ON DELETE SET NULL,
      ADD CONSTRAINT "FK_proposal_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE SET NULL,
      ADD CONSTRAINT "FK_proposal_hidden_by" FOREIGN KEY ("hidden_by") REFERENCES "app_user"("id") ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX "proposal_parent_idx" ON "proposal" ("parent_id")`);

    await q.query(`ALTER TABLE "assessment" ADD "organisation_id" uuid`);
    await q.query(`UPDATE "assessment" s SET "organisation_id" = u."organisation_id" FROM "app_user" u WHERE u."id" = s."author_id"`);
    await q.query(`ALTER TABLE "assessment"
      ALTER "organisation_id" SET NOT NULL,
      ADD CONSTRAINT "FK_assessment_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT,
      ADD CONSTRAINT "assessment_preparation_check" CHECK ("preparation" IN (${list(PREPARATION)})),
      ADD CONSTRAINT "assessment_progress_check" CHECK ("progress" IN (${list(PROGRESS)})),
      ADD CONSTRAINT "assessment_period_check" CHECK ("period" ~ '^[0-9]{4}(-(H[12]|Q[1-4]))?$')`);
    await q.query(`CREATE INDEX "assessment_current_idx" ON "assessment" ("benchmark_id", "period", "voice", "organisation_id", "created_at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "assessment_current_idx"`);
    await q.query(`ALTER TABLE "assessment" DROP CONSTRAINT "assessment_period_check", DROP CONSTRAINT "assessment_progress_check",
      DROP CONSTRAINT "assessment_preparation_check", DROP CONSTRAINT "FK_assessment_organisation", DROP COLUMN "organisation_id"`);
    await q.query(`DROP INDEX "proposal_parent_idx"`);
    await q.query(`ALTER TABLE "proposal" DROP CONSTRAINT "FK_proposal_hidden_by", DROP CONSTRAINT "FK_proposal_evidence", DROP CONSTRAINT "FK_proposal_sub_requirement",
      DROP CONSTRAINT "FK_proposal_parent", DROP CONSTRAINT "proposal_hidden_check", DROP CONSTRAINT "proposal_reply_is_comment_check", DROP CONSTRAINT "proposal_kind_check",
      DROP COLUMN "hidden_reason", DROP COLUMN "hidden_by", DROP COLUMN "hidden_at", DROP COLUMN "evidence_id", DROP COLUMN "sub_requirement_id", DROP COLUMN "parent_id", DROP COLUMN "kind"`);
  }
}
