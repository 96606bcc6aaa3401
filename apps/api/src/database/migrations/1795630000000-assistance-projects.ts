import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assistance projects (docs/assistance.md): the help a country gets to meet its benchmarks — who
 * funds and implements it, when, with what, and which benchmarks, sub-requirements and Action Plan
 * activities it supports, each with a sentence on how. Dates are as precise as their source
 * (2018, 2018-09, 2018-09-14); a budget is an amount and a currency, or none.
 */
export class AssistanceProjects1795630000000 implements MigrationInterface {
  name = 'AssistanceProjects1795630000000';

  async up(q: QueryRunner): Promise<void> {
    const partialDate = (column: string) => `CONSTRAINT "assistance_project_${column}_check" CHECK ("${column}" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?$')`;
    await q.query(`CREATE TABLE "assistance_project" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "country_code" character(2) NOT NULL,
      "iati_identifier" text,
      "title" text NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "instrument" text NOT NULL,
      "status" smallint,
      "planned_start" text,
      "planned_end" text,
      "actual_start" text,
      "actual_end" text,
      "budget_amount" numeric(18,2),
      "budget_currency" character(3),
      "objectives" text[] NOT NULL DEFAULT '{}',
      "components" text[] NOT NULL DEFAULT '{}',
      "expected_results" text[] NOT NULL DEFAULT '{}',
      "achieved_results" text[] NOT NULL DEFAULT '{}',
      "sectors" text[] NOT NULL DEFAULT '{}',
      "links" jsonb NOT NULL DEFAULT '[]',
      "version" integer NOT NULL DEFAULT 1,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_assistance_project" PRIMARY KEY ("id"),
      CONSTRAINT "assistance_project_iati_identifier_key" UNIQUE ("iati_identifier"),
      CONSTRAINT "assistance_project_title_check" CHECK (length(btrim("title")) > 0),
      CONSTRAINT "assistance_project_instrument_check" CHECK ("instrument" IN ('twinning', 'grant', 'technical_assistance', 'bilateral_programme', 'cso_project', 'budget_support', 'other')),
      CONSTRAINT "assistance_project_status_check" CHECK ("status" BETWEEN 1 AND 6),
      ${partialDate('planned_start')}, ${partialDate('planned_end')}, ${partialDate('actual_start')}, ${partialDate('actual_end')},
      CONSTRAINT "assistance_project_budget_check" CHECK ("budget_amount" >= 0 AND ("budget_amount" IS NULL) = ("budget_currency" IS NULL)),
      CONSTRAINT "FK_assistance_project_country" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE RESTRICT,
      CONSTRAINT "FK_assistance_project_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "assistance_project_country_idx" ON "assistance_project" ("country_code", "title")`);

    // Who takes part: an organisation of this app or just a name, with its IATI role (or beneficiary).
    await q.query(`CREATE TABLE "assistance_participant" (
      "project_id" uuid NOT NULL,
      "position" integer NOT NULL,
      "name" text NOT NULL,
      "role" text NOT NULL,
      "organisation_id" uuid,
      "iati_ref" text,
      "iati_type" smallint,
      CONSTRAINT "PK_assistance_participant" PRIMARY KEY ("project_id", "position"),
      CONSTRAINT "assistance_participant_role_check" CHECK ("role" IN ('funding', 'accountable', 'extending', 'implementing', 'beneficiary')),
      CONSTRAINT "assistance_participant_name_check" CHECK (length(btrim("name")) > 0),
      CONSTRAINT "FK_assistance_participant_project" FOREIGN KEY ("project_id") REFERENCES "assistance_project"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_assistance_participant_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL)`);
    await q.query(
      `CREATE INDEX "assistance_participant_organisation_idx" ON "assistance_participant" ("organisation_id", "role") WHERE "organisation_id" IS NOT NULL`,
    );

    // What it supports: always a benchmark; perhaps one of its sub-requirements or Action Plan activities.
    await q.query(`CREATE TABLE "assistance_link" (
      "project_id" uuid NOT NULL,
      "position" integer NOT NULL,
      "benchmark_id" uuid NOT NULL,
      "sub_requirement_id" uuid,
      "activity_id" uuid,
      "how" text NOT NULL,
      CONSTRAINT "PK_assistance_link" PRIMARY KEY ("project_id", "position"),
      CONSTRAINT "assistance_link_how_check" CHECK (length(btrim("how")) > 0),
      CONSTRAINT "FK_assistance_link_project" FOREIGN KEY ("project_id") REFERENCES "assistance_project"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_assistance_link_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_assistance_link_sub_requirement" FOREIGN KEY ("sub_requirement_id") REFERENCES "sub_requirement"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_assistance_link_activity" FOREIGN KEY ("activity_id") REFERENCES "action_activity"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "assistance_link_benchmark_idx" ON "assistance_link" ("benchmark_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assistance_link"`);
    await q.query(`DROP TABLE "assistance_participant"`);
    await q.query(`DROP TABLE "assistance_project"`);
  }
}
