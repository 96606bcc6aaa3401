import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Track records (indicator series of a benchmark with a figure per year or quarter) and the
 * national Action Plan (activities with deadline, budget and status; append-only progress notes;
 * corrective measures on late activities). "Overdue" is not stored: it is computed on every read.
 */
export class TrackRecordsAndActionPlan1795500000000 implements MigrationInterface {
  name = 'TrackRecordsAndActionPlan1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "track_record_series" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "benchmark_id" uuid NOT NULL,
      "name" text NOT NULL,
      "unit" text NOT NULL,
      "category" text NOT NULL,
      "counting_rule" text NOT NULL DEFAULT '',
      "created_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_track_record_series" PRIMARY KEY ("id"),
      CONSTRAINT "track_record_series_name_check" CHECK (length(btrim("name")) > 0),
      CONSTRAINT "FK_track_record_series_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_track_record_series_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    // An import finds a series by its name, whatever its case.
    await q.query(`CREATE UNIQUE INDEX "track_record_series_name_idx" ON "track_record_series" ("benchmark_id", lower("name"))`);
    await q.query(`CREATE TABLE "track_record_value" (
      "series_id" uuid NOT NULL,
      "period" text NOT NULL,
      "value" numeric(18,2) NOT NULL,
      "source" text NOT NULL,
      "note" text NOT NULL DEFAULT '',
      "updated_by" uuid NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_track_record_value" PRIMARY KEY ("series_id", "period"),
      CONSTRAINT "track_record_value_period_check" CHECK ("period" ~ '^[0-9]{4}(-Q[1-4])?$'),
      CONSTRAINT "track_record_value_value_check" CHECK ("value" >= 0),
      CONSTRAINT "FK_track_record_value_series" FOREIGN KEY ("series_id") REFERENCES "track_record_series"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_track_record_value_updated_by" FOREIGN KEY ("updated_by") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);

    await q.query(`CREATE TABLE "action_activity" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "benchmark_id" uuid NOT NULL,
      "code" text NOT NULL,
      "title" text NOT NULL,
      "responsible_institution" text NOT NULL,
      "deadline" date NOT NULL,
      "budget_amount" numeric(18,2),
      "budget_currency" char(3),
      "budget_source" text,
      "status" text NOT NULL DEFAULT 'planned',
      "version" integer NOT NULL DEFAULT 1,
      "created_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_action_activity" PRIMARY KEY ("id"),
      CONSTRAINT "action_activity_code_unique" UNIQUE ("benchmark_id", "code"),
      CONSTRAINT "action_activity_status_check" CHECK ("status" IN ('planned', 'in_progress', 'completed')),
      CONSTRAINT "action_activity_budget_check" CHECK ("budget_amount" >= 0),
      CONSTRAINT "action_activity_budget_whole_check" CHECK (("budget_amount" IS NULL) = ("budget_currency" IS NULL) AND ("budget_amount" IS NULL) = ("budget_source" IS NULL)),
      CONSTRAINT "FK_action_activity_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_action_activity_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "action_activity_deadline_idx" ON "action_activity" ("deadline") WHERE "status" <> 'completed'`);
    await q.query(`CREATE TABLE "activity_progress_note" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "activity_id" uuid NOT NULL,
      "text" text NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_activity_progress_note" PRIMARY KEY ("id"),
      CONSTRAINT "FK_activity_progress_note_activity" FOREIGN KEY ("activity_id") REFERENCES "action_activity"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_activity_progress_note_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "activity_progress_note_activity_idx" ON "activity_progress_note" ("activity_id", "created_at")`);
    await q.query(`CREATE TABLE "corrective_measure" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "activity_id" uuid,
      "benchmark_id" uuid NOT NULL,
      "what" text NOT NULL,
      "responsible" text NOT NULL,
      "due_date" date NOT NULL,
      "status" text NOT NULL DEFAULT 'open',
      "created_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "recommendation_id" uuid,
      CONSTRAINT "PK_corrective_measure" PRIMARY KEY ("id"),
      CONSTRAINT "corrective_measure_status_check" CHECK ("status" IN ('open', 'done')),
      CONSTRAINT "FK_corrective_measure_activity" FOREIGN KEY ("activity_id") REFERENCES "action_activity"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_corrective_measure_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_corrective_measure_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "corrective_measure_activity_idx" ON "corrective_measure" ("activity_id")`);
    await q.query(`CREATE INDEX "corrective_measure_benchmark_idx" ON "corrective_measure" ("benchmark_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "corrective_measure"`);
    await q.query(`DROP TABLE "activity_progress_note"`);
    await q.query(`DROP TABLE "action_activity"`);
    await q.query(`DROP TABLE "track_record_value"`);
    await q.query(`DROP TABLE "track_record_series"`);
  }
}
