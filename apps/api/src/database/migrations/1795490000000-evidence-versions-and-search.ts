import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned evidence (every edit appends an `evidence_version`; files belong to the versions between
 * `added_in_version` and `removed_in_version`), and full-text search over the catalogue, evidence,
 * evidence file names and proposals.
 *
 * Search uses one text search configuration, `bt_search`: the `simple` parser and dictionary (the
 * texts are English and Serbian, so no stemming) behind `unaccent`, so `pravosuđe`, `Pravosuđe` and
 * `pravosude` are one lexeme. `to_tsvector(regconfig, text)` is immutable, so the vectors are
 * generated columns with GIN indexes; the `đ` → `dj` spelling is handled on the query side.
 */
export class EvidenceVersionsAndSearch1795490000000 implements MigrationInterface {
  name = 'EvidenceVersionsAndSearch1795490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "evidence"
      ADD "version" integer NOT NULL DEFAULT 1,
      ADD "period_start" date,
      ADD "period_end" date,
      ADD "sub_requirement_ids" uuid[] NOT NULL DEFAULT '{}',
      ADD "links" jsonb NOT NULL DEFAULT '[]',
      ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      ADD "updated_by" uuid,
      ADD CONSTRAINT "evidence_period_check" CHECK ("period_end" >= "period_start"),
      ADD CONSTRAINT "FK_evidence_updated_by" FOREIGN KEY ("updated_by") REFERENCES "app_user"("id") ON DELETE RESTRICT`);
    await q.query(`UPDATE "evidence" SET "updated_by" = "author_id", "updated_at" = "created_at"`);
    await q.query(`CREATE TABLE "evidence_version" (
      "evidence_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "title" text NOT NULL,
      "narrative" text NOT NULL,
      "visibility" text NOT NULL,
      "period_start" date,
      "period_end" date,
      "sub_requirement_ids" uuid[] NOT NULL DEFAULT '{}',
      "links" jsonb NOT NULL DEFAULT '[]',
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_evidence_version" PRIMARY KEY ("evidence_id", "version"),
      CONSTRAINT "evidence_version_visibility_check" CHECK ("visibility" IN ('internal', 'shared', 'public')),
      CONSTRAINT "FK_evidence_version_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_evidence_version_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`);
    await q.query(`INSERT INTO "evidence_version" ("evidence_id", "version", "title", "narrative", "visibility", "author_id", "created_at")
      SELECT "id", 1, "title", "narrative", "visibility", "author_id", "created_at" FROM "evidence"`);
    // Versions are history: never changed, never removed (except with their evidence's benchmark).
    await q.query(`CREATE FUNCTION evidence_version_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'evidence versions are append-only'; END $$`);
    await q.query(
      `CREATE TRIGGER "evidence_version_no_update" BEFORE UPDATE ON "evidence_version" FOR EACH ROW EXECUTE FUNCTION evidence_version_append_only()`,
    );
    await q.query(`CREATE TABLE "evidence_file" (
      "evidence_id" uuid NOT NULL,
      "stored_file_id" uuid NOT NULL,
      "added_in_version" integer NOT NULL,
      "removed_in_version" integer,
      CONSTRAINT "PK_evidence_file" PRIMARY KEY ("evidence_id", "stored_file_id"),
      CONSTRAINT "evidence_file_versions_check" CHECK ("removed_in_version" > "added_in_version"),
      CONSTRAINT "FK_evidence_file_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_evidence_file_stored_file" FOREIGN KEY ("stored_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE UNIQUE INDEX "evidence_file_stored_file_key" ON "evidence_file" ("stored_file_id")`);

    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE TEXT SEARCH CONFIGURATION bt_search (COPY = simple)`);
    await q.query(`ALTER TEXT SEARCH CONFIGURATION bt_search
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple`);
    // Codes and file names are split at their separators, so `RS-24-MIG-02` and `zakon_o_strancima.pdf` are words.
    const words = (column: string) => `regexp_replace("${column}", '[-_./\\\\]+', ' ', 'g')`;
    await q.query(`ALTER TABLE "benchmark" ADD "search" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('bt_search'::regconfig, ${words('code')}), 'A') || setweight(to_tsvector('bt_search'::regconfig, "text"), 'B')) STORED`);
    await q.query(`ALTER TABLE "sub_requirement" ADD "search" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('bt_search'::regconfig, ${words('code')}), 'A') || setweight(to_tsvector('bt_search'::regconfig, "text"), 'B')) STORED`);
    await q.query(`ALTER TABLE "evidence" ADD "search" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('bt_search'::regconfig, "title"), 'A') || setweight(to_tsvector('bt_search'::regconfig, "narrative"), 'B')) STORED`);
    await q.query(`ALTER TABLE "proposal" ADD "search" tsvector GENERATED ALWAYS AS (to_tsvector('bt_search'::regconfig, "text")) STORED`);
    for (const table of ['benchmark', 'sub_requirement', 'evidence', 'proposal']) {
      await q.query(`CREATE INDEX "${table}_search_idx" ON "${table}" USING gin ("search")`);
    }
    // A group with more matches than are worth ranking is shown newest first, by these.
    await q.query(`CREATE INDEX "evidence_updated_idx" ON "evidence" ("updated_at", "id")`);
    await q.query(`CREATE INDEX "proposal_created_idx" ON "proposal" ("created_at", "id")`);
    await q.query(`CREATE INDEX "stored_file_search_idx" ON "stored_file" USING gin (to_tsvector('bt_search'::regconfig, ${words('file_name')}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "stored_file_search_idx"`);
    await q.query(`DROP INDEX "proposal_created_idx"`);
    await q.query(`DROP INDEX "evidence_updated_idx"`);
    for (const table of ['benchmark', 'sub_requirement', 'evidence', 'proposal']) await q.query(`ALTER TABLE "${table}" DROP COLUMN "search"`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION bt_search`);
    await q.query(`DROP TABLE "evidence_file"`);
    await q.query(`DROP TABLE "evidence_version"`);
    await q.query(`DROP FUNCTION evidence_version_append_only()`);
    await q.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_evidence_updated_by", DROP CONSTRAINT "evidence_period_check",
      DROP COLUMN "updated_by", DROP COLUMN "updated_at", DROP COLUMN "links", DROP COLUMN "sub_requirement_ids", DROP COLUMN "period_end", DROP COLUMN "period_start", DROP COLUMN "version"`);
  }
}
