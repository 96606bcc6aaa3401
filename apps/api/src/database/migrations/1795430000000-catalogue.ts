import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Countries, chapters, areas, benchmarks and their sub-requirements. */
export class Catalogue1795430000000 implements MigrationInterface {
  name = 'Catalogue1795430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "country" ("code" character(2) NOT NULL, "name" text NOT NULL, "note" text, CONSTRAINT "PK_country" PRIMARY KEY ("code"))`);
    await q.query(`CREATE TABLE "chapter" ("number" integer NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_chapter" PRIMARY KEY ("number"))`);
    await q.query(`CREATE TABLE "area" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "country_code" character(2) NOT NULL,
      "chapter_number" integer NOT NULL,
      "code" text NOT NULL,
      "title" text NOT NULL,
      "intro" text,
      "position" integer NOT NULL,
      CONSTRAINT "PK_area" PRIMARY KEY ("id"),
      CONSTRAINT "area_country_chapter_code_key" UNIQUE ("country_code", "chapter_number", "code"),
      CONSTRAINT "FK_area_country" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE RESTRICT,
      CONSTRAINT "FK_area_chapter" FOREIGN KEY ("chapter_number") REFERENCES "chapter"("number") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "benchmark" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" text NOT NULL,
      "area_id" uuid NOT NULL,
      "position" integer NOT NULL,
      "text" text NOT NULL,
      "state" text NOT NULL DEFAULT 'draft',
      "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_benchmark" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_benchmark_code" UNIQUE ("code"),
      CONSTRAINT "benchmark_state_check" CHECK ("state" IN ('draft', 'submitted', 'peerReview', 'accepted')),
      CONSTRAINT "FK_benchmark_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "benchmark_area_idx" ON "benchmark" ("area_id", "position")`);
    await q.query(`CREATE INDEX "benchmark_state_idx" ON "benchmark" ("state")`);
    await q.query(`CREATE TABLE "sub_requirement" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" text NOT NULL,
      "benchmark_id" uuid NOT NULL,
      "position" integer NOT NULL,
      "text" text NOT NULL,
      CONSTRAINT "PK_sub_requirement" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_sub_requirement_code" UNIQUE ("code"),
      CONSTRAINT "FK_sub_requirement_benchmark" FOREIGN KEY ("benchmark_id") REFERENCES "benchmark"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "sub_requirement_benchmark_idx" ON "sub_requirement" ("benchmark_id", "position")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sub_requirement"`);
    await q.query(`DROP TABLE "benchmark"`);
    await q.query(`DROP TABLE "area"`);
    await q.query(`DROP TABLE "chapter"`);
    await q.query(`DROP TABLE "country"`);
  }
}
