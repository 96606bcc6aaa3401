import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The benchmark workflow: the machine's snapshot beside the readable state; and the minimal records
 * its guards read — evidence, civil-society proposals and answers, peer-review missions, assessments.
 */
export class BenchmarkWorkflow1795460000000 implements MigrationInterface {
  name = 'BenchmarkWorkflow1795460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "benchmark"
      ADD "snapshot" jsonb,
      ADD "machine_version" integer NOT NULL DEFAULT 1,
      ADD "mission_required" boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE "evidence" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "benchmark_id" uuid NOT NULL,
      "title" text NOT NULL,
      "narrative" text NOT NULL DEFAULT '',
      "visibility" text NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_evidence" PRIMARY KEY ("id"),
      CONSTRAINT "evidence_visibility_check" CHECK ("visibility" IN ('internal', 'shared', 'public')),
      CONSTRAINT "FK_evidence_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_evidence_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "evidence_benchmark_idx" ON "evidence" ("benchmark_id", "visibility")`);
    await q.query(`CREATE TABLE "proposal" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "benchmark_id" uuid NOT NULL,
      "text" text NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_proposal" PRIMARY KEY ("id"),
      CONSTRAINT "FK_proposal_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_proposal_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "proposal_benchmark_idx" ON "proposal" ("benchmark_id")`);
    await q.query(`CREATE TABLE "proposal_response" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "proposal_id" uuid NOT NULL,
      "decision" text NOT NULL,
      "reasoning" text NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_proposal_response" PRIMARY KEY ("id"),
      CONSTRAINT "proposal_response_decision_check" CHECK ("decision" IN ('accepted', 'partly_accepted', 'not_accepted')),
      CONSTRAINT "FK_proposal_response_proposal" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_proposal_response_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "proposal_response_proposal_idx" ON "proposal_response" ("proposal_id", "created_at")`);
    await q.query(`CREATE TABLE "mission" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "benchmark_id" uuid NOT NULL,
      "start_date" date NOT NULL,
      "end_date" date NOT NULL,
      "report_file_name" text,
      "report_media_type" text,
      "report_sha256" text,
      "report_size" integer,
      "report_storage_key" text,
      "report_uploaded_by" uuid,
      "report_uploaded_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_mission" PRIMARY KEY ("id"),
      CONSTRAINT "mission_dates_check" CHECK ("end_date" >= "start_date"),
      CONSTRAINT "FK_mission_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "mission_benchmark_idx" ON "mission" ("benchmark_id", "created_at")`);
    await q.query(`CREATE TABLE "mission_expert" (
      "mission_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      CONSTRAINT "PK_mission_expert" PRIMARY KEY ("mission_id", "user_id"),
      CONSTRAINT "FK_mission_expert_mission" FOREIGN KEY ("mission_id") REFERENCES "mission"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_mission_expert_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "mission_expert_user_idx" ON "mission_expert" ("user_id")`);
    await q.query(`CREATE TABLE "assessment" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "benchmark_id" uuid NOT NULL,
      "voice" text NOT NULL,
      "period" text NOT NULL,
      "preparation" text NOT NULL,
      "progress" text NOT NULL,
      "text" text NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_assessment" PRIMARY KEY ("id"),
      CONSTRAINT "assessment_voice_check" CHECK ("voice" IN ('commission', 'ministry', 'civil_society')),
      CONSTRAINT "FK_assessment_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_assessment_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "assessment_benchmark_idx" ON "assessment" ("benchmark_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['assessment', 'mission_expert', 'mission', 'proposal_response', 'proposal', 'evidence']) await q.query(`DROP TABLE "${table}"`);
    await q.query(`ALTER TABLE "benchmark" DROP COLUMN "snapshot", DROP COLUMN "machine_version", DROP COLUMN "mission_required"`);
  }
}
