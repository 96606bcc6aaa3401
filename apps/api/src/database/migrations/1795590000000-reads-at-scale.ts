import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads over a whole chapter or country without reading every row of it:
 * - each proposal carries when it was first answered and its latest answer's decision (kept by a
 *   trigger as answers are added; answers are never changed or removed) and its benchmark's country,
 *   so the consideration figures read one index and the ministry's inbox walks its country's
 *   unanswered proposals oldest first;
 * - each answer carries the organisation of the proposal's author, so a CSO's inbox walks the answers
 *   to its organisation newest first;
 * - a chapter's benchmarks are found from their areas in one index, ids included (it replaces
 *   benchmark_area_idx);
 * - each benchmark carries the words of its code, text and sub-requirements in one vector, kept by
 *   triggers, so the list's search finds them in one index instead of matching every text of a chapter.
 */
export class ReadsAtScale1795590000000 implements MigrationInterface {
  name = 'ReadsAtScale1795590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal" ADD "first_answered_at" TIMESTAMP WITH TIME ZONE, ADD "answer_decision" text, ADD "country_code" character(2)`);
    await q.query(`UPDATE proposal p SET country_code = a.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.id = p.benchmark_id`);
    await q.query(`ALTER TABLE "proposal" ALTER "country_code" SET NOT NULL`);
    await q.query(`CREATE FUNCTION proposal_country() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT a.country_code INTO NEW.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.id = NEW.benchmark_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "proposal_country" BEFORE INSERT ON "proposal" FOR EACH ROW EXECUTE FUNCTION proposal_country()`);

    await q.query(`ALTER TABLE "proposal_response" ADD "proposer_organisation_id" uuid`);
    await q.query(
      `UPDATE proposal_response r SET proposer_organisation_id = u.organisation_id FROM proposal p JOIN app_user u ON u.id = p.author_id WHERE p.id = r.proposal_id`,
    );
    await q.query(`ALTER TABLE "proposal_response" ALTER "proposer_organisation_id" SET NOT NULL`);
    await q.query(`CREATE FUNCTION proposal_response_proposer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT u.organisation_id INTO NEW.proposer_organisation_id FROM proposal p JOIN app_user u ON u.id = p.author_id WHERE p.id = NEW.proposal_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER "proposal_response_proposer" BEFORE INSERT ON "proposal_response" FOR EACH ROW EXECUTE FUNCTION proposal_response_proposer()`,
    );
    await q.query(`CREATE FUNCTION proposal_answered() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE proposal p
           SET first_answered_at = x.first_answered_at, answer_decision = x.decision
          FROM (SELECT min(r.created_at) AS first_answered_at, (array_agg(r.decision ORDER BY r.created_at DESC))[1] AS decision
                  FROM proposal_response r WHERE r.proposal_id = NEW.proposal_id) x
         WHERE p.id = NEW.proposal_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "proposal_response_answers" AFTER INSERT ON "proposal_response" FOR EACH ROW EXECUTE FUNCTION proposal_answered()`);
    await q.query(`UPDATE proposal p SET first_answered_at = x.first_answered_at, answer_decision = x.decision
      FROM (SELECT r.proposal_id, min(r.created_at) AS first_answered_at, (array_agg(r.decision ORDER BY r.created_at DESC))[1] AS decision
              FROM proposal_response r GROUP BY r.proposal_id) x
     WHERE p.id = x.proposal_id`);

    await q.query(`CREATE INDEX "proposal_considered_idx" ON "proposal" ("country_code", "benchmark_id") INCLUDE ("created_at", "first_answered_at", "answer_decision")
      WHERE "kind" = 'proposal' AND "parent_id" IS NULL AND "hidden_at" IS NULL`);
    await q.query(`CREATE INDEX "proposal_unanswered_idx" ON "proposal" ("country_code", "created_at")
      WHERE "kind" = 'proposal' AND "parent_id" IS NULL AND "hidden_at" IS NULL AND "first_answered_at" IS NULL`);
    await q.query(`CREATE INDEX "proposal_response_proposer_idx" ON "proposal_response" ("proposer_organisation_id", "created_at")`);
    await q.query(`CREATE INDEX "benchmark_catalogue_idx" ON "benchmark" ("area_id", "position", "code") INCLUDE ("id")`);
    await q.query(`DROP INDEX "benchmark_area_idx"`);

    // Codes split at their separators, as in the search vectors of 1795490000000.
    const words = (column: string) => `regexp_replace(${column}, '[-_./\\\\]+', ' ', 'g')`;
    await q.query(`ALTER TABLE "benchmark" ADD "catalogue_search" tsvector`);
    await q.query(`CREATE FUNCTION benchmark_catalogue_search(p_id uuid, p_code text, p_text text) RETURNS tsvector LANGUAGE sql STABLE AS $$
      SELECT setweight(to_tsvector('bt_search'::regconfig, ${words('p_code')}), 'A')
          || setweight(to_tsvector('bt_search'::regconfig, p_text), 'B')
          || setweight(to_tsvector('bt_search'::regconfig, coalesce((SELECT string_agg(${words('s.code')} || ' ' || s.text, ' ' ORDER BY s.position)
                                                                      FROM sub_requirement s WHERE s.benchmark_id = p_id), '')), 'C')
    $$`);
    await q.query(`CREATE FUNCTION benchmark_catalogue_search_of_benchmark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.catalogue_search := benchmark_catalogue_search(NEW.id, NEW.code, NEW.text);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "benchmark_catalogue_search" BEFORE INSERT OR UPDATE OF "code", "text" ON "benchmark"
      FOR EACH ROW EXECUTE FUNCTION benchmark_catalogue_search_of_benchmark()`);
    // Once per statement, for every benchmark whose sub-requirements it changed.
    await q.query(`CREATE FUNCTION benchmark_catalogue_search_of_sub_requirements() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE benchmark b SET catalogue_search = benchmark_catalogue_search(b.id, b.code, b.text)
         WHERE b.id IN (SELECT benchmark_id FROM changed);
        RETURN NULL;
      END $$`);
    for (const [event, table] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ]) {
      await q.query(`CREATE TRIGGER "sub_requirement_catalogue_search_${event.toLowerCase()}" AFTER ${event} ON "sub_requirement"
        REFERENCING ${table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION benchmark_catalogue_search_of_sub_requirements()`);
    }
    await q.query(`UPDATE benchmark SET catalogue_search = benchmark_catalogue_search(id, code, text)`);
    await q.query(`ALTER TABLE "benchmark" ALTER "catalogue_search" SET NOT NULL`);
    await q.query(`CREATE INDEX "benchmark_catalogue_search_idx" ON "benchmark" USING gin ("catalogue_search")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "sub_requirement_catalogue_search_${event}" ON "sub_requirement"`);
    await q.query(`DROP FUNCTION benchmark_catalogue_search_of_sub_requirements()`);
    await q.query(`DROP TRIGGER "benchmark_catalogue_search" ON "benchmark"`);
    await q.query(`DROP FUNCTION benchmark_catalogue_search_of_benchmark()`);
    await q.query(`DROP FUNCTION benchmark_catalogue_search(uuid, text, text)`);
    await q.query(`ALTER TABLE "benchmark" DROP COLUMN "catalogue_search"`);
    await q.query(`CREATE INDEX "benchmark_area_idx" ON "benchmark" ("area_id", "position")`);
    await q.query(`DROP INDEX "benchmark_catalogue_idx"`);
    await q.query(`DROP INDEX "proposal_response_proposer_idx"`);
    await q.query(`DROP INDEX "proposal_unanswered_idx"`);
    await q.query(`DROP INDEX "proposal_considered_idx"`);
    await q.query(`DROP TRIGGER "proposal_response_answers" ON "proposal_response"`);
    await q.query(`DROP FUNCTION proposal_answered()`);
    await q.query(`DROP TRIGGER "proposal_response_proposer" ON "proposal_response"`);
    await q.query(`DROP FUNCTION proposal_response_proposer()`);
    await q.query(`ALTER TABLE "proposal_response" DROP COLUMN "proposer_organisation_id"`);
    await q.query(`DROP TRIGGER "proposal_country" ON "proposal"`);
    await q.query(`DROP FUNCTION proposal_country()`);
    await q.query(`ALTER TABLE "proposal" DROP COLUMN "country_code", DROP COLUMN "answer_decision", DROP COLUMN "first_answered_at"`);
  }
}
