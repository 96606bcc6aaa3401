import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A proposal `p` that counts (countedProposalSql of libs/api/dialogue: not a comment or reply, not hidden). */
const COUNTED = (p: string) => `${p}.kind = 'proposal' AND ${p}.parent_id IS NULL AND ${p}.hidden_at IS NULL`;

/**
 * The consideration figures of each area and of each chapter and country, kept by triggers as
 * proposals are added, answered, hidden, moved or removed and as benchmarks and areas move, so that
 * a read takes one row per area and one for its scope instead of every proposal of a chapter (12,500
 * at 50,000 benchmarks). A write recomputes only what it touches: its areas from their proposals
 * (proposal_considered_idx), then their chapters and countries from the areas' rows — the median
 * from each area's days to a first answer, kept in order (`days`), so the medians are the ones
 * percentile_cont gives over the proposals themselves. `chapter_number` 0 is a whole country.
 *
 * The first answer of proposals is now set once per statement of answers (it was once per answer):
 * the same values, and one recomputation of the figures for a statement that answers many.
 */
export class ConsiderationFacts1795660000000 implements MigrationInterface {
  name = 'ConsiderationFacts1795660000000';

  async up(q: QueryRunner): Promise<void> {
    const figures = `"received" integer NOT NULL, "answered" integer NOT NULL, "accepted" integer NOT NULL,
      "partly_accepted" integer NOT NULL, "not_accepted" integer NOT NULL,
      "median_days" double precision, "oldest_unanswered" TIMESTAMP WITH TIME ZONE`;
    await q.query(`CREATE TABLE "consideration_area" (
      "area_id" uuid NOT NULL, ${figures}, "days" double precision[] NOT NULL,
      CONSTRAINT "PK_consideration_area" PRIMARY KEY ("area_id"),
      CONSTRAINT "FK_consideration_area_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "consideration_scope" (
      "country_code" character(2) NOT NULL, "chapter_number" integer NOT NULL, ${figures},
      CONSTRAINT "PK_consideration_scope" PRIMARY KEY ("country_code", "chapter_number"))`);
    const set = `received = EXCLUDED.received, answered = EXCLUDED.answered, accepted = EXCLUDED.accepted,
      partly_accepted = EXCLUDED.partly_accepted, not_accepted = EXCLUDED.not_accepted, median_days = EXCLUDED.median_days,
      oldest_unanswered = EXCLUDED.oldest_unanswered`;

    // A chapter's (or, with 0, a country's) figures from its areas' rows. Each recomputation holds a lock on
    // what it recomputes (areas, then scopes, each in order) and reads after taking it, with a fresh snapshot:
    // a concurrent write to the same area or scope waits for this one's commit and then counts it too.
    await q.query(`CREATE FUNCTION consideration_of_scope(p_country character(2), p_chapter integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('consideration_scope ' || p_country || ' ' || p_chapter, 0));
      INSERT INTO consideration_scope (country_code, chapter_number, received, answered, accepted, partly_accepted, not_accepted, median_days, oldest_unanswered)
      SELECT p_country, p_chapter, coalesce(sum(f.received), 0), coalesce(sum(f.answered), 0), coalesce(sum(f.accepted), 0),
             coalesce(sum(f.partly_accepted), 0), coalesce(sum(f.not_accepted), 0),
             (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days)
                FROM area a JOIN consideration_area f ON f.area_id = a.id CROSS JOIN unnest(f.days) AS d (days)
               WHERE a.country_code = p_country AND (p_chapter = 0 OR a.chapter_number = p_chapter)),
             min(f.oldest_unanswered)
        FROM area a JOIN consideration_area f ON f.area_id = a.id
       WHERE a.country_code = p_country AND (p_chapter = 0 OR a.chapter_number = p_chapter)
      ON CONFLICT (country_code, chapter_number) DO UPDATE SET ${set};
      END $$`);
    // Areas' figures from their proposals (as ConsiderationService counted them), then their chapters' and countries'.
    await q.query(`CREATE FUNCTION consideration_of_areas(p_areas uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        v_area uuid;
        v_scope record;
      BEGIN
        FOR v_area IN SELECT DISTINCT x FROM unnest(p_areas) AS x WHERE x IS NOT NULL ORDER BY x LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('consideration_area ' || v_area, 0));
        END LOOP;
        INSERT INTO consideration_area (area_id, received, answered, accepted, partly_accepted, not_accepted, median_days, oldest_unanswered, days)
        SELECT a.id, count(p.created_at), count(p.answer_decision),
               count(*) FILTER (WHERE p.answer_decision = 'accepted'), count(*) FILTER (WHERE p.answer_decision = 'partly_accepted'),
               count(*) FILTER (WHERE p.answer_decision = 'not_accepted'),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days),
               min(p.created_at) FILTER (WHERE p.answer_decision IS NULL),
               coalesce(array_agg(d.days ORDER BY d.days) FILTER (WHERE d.days IS NOT NULL), '{}')
          FROM area a
          LEFT JOIN benchmark b ON b.area_id = a.id
          LEFT JOIN proposal p ON p.country_code = a.country_code AND p.benchmark_id = b.id AND ${COUNTED('p')}
          LEFT JOIN LATERAL (SELECT (extract(epoch FROM p.first_answered_at - p.created_at) / 86400)::double precision AS days) d ON true
         WHERE a.id = ANY (p_areas)
         GROUP BY a.id
        ON CONFLICT (area_id) DO UPDATE SET ${set}, days = EXCLUDED.days;
        FOR v_scope IN SELECT DISTINCT a.country_code, c.chapter_number FROM area a CROSS JOIN LATERAL (VALUES (a.chapter_number), (0)) AS c (chapter_number)
                        WHERE a.id = ANY (p_areas) ORDER BY 1, 2 LOOP
          PERFORM consideration_of_scope(v_scope.country_code, v_scope.chapter_number);
        END LOOP;
      END $$`);

    // Proposals: once per statement, for the areas of the proposals it added, changed or removed.
    await q.query(`CREATE FUNCTION consideration_of_proposals() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        areas uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT b.area_id) INTO areas FROM added p JOIN benchmark b ON b.id = p.benchmark_id WHERE ${COUNTED('p')};
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT b.area_id) INTO areas FROM removed p JOIN benchmark b ON b.id = p.benchmark_id WHERE ${COUNTED('p')};
        ELSE
          SELECT array_agg(DISTINCT b.area_id) INTO areas
            FROM removed o JOIN added n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o.benchmark_id), (n.benchmark_id)) AS x (benchmark_id) JOIN benchmark b ON b.id = x.benchmark_id
           WHERE ((${COUNTED('o')}) OR (${COUNTED('n')}))
             AND (o.kind, o.parent_id, o.hidden_at, o.benchmark_id, o.country_code, o.created_at, o.first_answered_at, o.answer_decision)
                 IS DISTINCT FROM (n.kind, n.parent_id, n.hidden_at, n.benchmark_id, n.country_code, n.created_at, n.first_answered_at, n.answer_decision);
        END IF;
        IF areas IS NOT NULL THEN
          PERFORM consideration_of_areas(areas);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "proposal_consideration_insert" AFTER INSERT ON "proposal"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consideration_of_proposals()`);
    await q.query(`CREATE TRIGGER "proposal_consideration_update" AFTER UPDATE ON "proposal"
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consideration_of_proposals()`);
    await q.query(`CREATE TRIGGER "proposal_consideration_delete" AFTER DELETE ON "proposal"
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION consideration_of_proposals()`);

    // A benchmark moved to another area, or removed (its proposals go with it), and an area moved to another chapter or country.
    await q.query(`CREATE FUNCTION consideration_of_benchmark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM consideration_of_areas(ARRAY[OLD.area_id]);
        ELSE
          PERFORM consideration_of_areas(ARRAY[OLD.area_id, NEW.area_id]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "benchmark_consideration_area" AFTER UPDATE OF "area_id" ON "benchmark" FOR EACH ROW
      WHEN (OLD.area_id IS DISTINCT FROM NEW.area_id) EXECUTE FUNCTION consideration_of_benchmark()`);
    await q.query(`CREATE TRIGGER "benchmark_consideration_delete" AFTER DELETE ON "benchmark" FOR EACH ROW EXECUTE FUNCTION consideration_of_benchmark()`);
    await q.query(`CREATE FUNCTION consideration_of_area() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          PERFORM consideration_of_areas(ARRAY[NEW.id]);
        END IF;
        PERFORM consideration_of_scope(OLD.country_code, OLD.chapter_number);
        PERFORM consideration_of_scope(OLD.country_code, 0);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "area_consideration_scope" AFTER UPDATE OF "country_code", "chapter_number" ON "area" FOR EACH ROW
      WHEN (OLD.country_code IS DISTINCT FROM NEW.country_code OR OLD.chapter_number IS DISTINCT FROM NEW.chapter_number)
      EXECUTE FUNCTION consideration_of_area()`);
    await q.query(`CREATE TRIGGER "area_consideration_delete" AFTER DELETE ON "area" FOR EACH ROW EXECUTE FUNCTION consideration_of_area()`);

    // Answers: each proposal's first answer and latest decision, once per statement.
    await q.query(`DROP TRIGGER "proposal_response_answers" ON "proposal_response"`);
    await q.query(`DROP FUNCTION proposal_answered()`);
    await q.query(`CREATE FUNCTION proposals_answered() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE proposal p
           SET first_answered_at = x.first_answered_at, answer_decision = x.decision
          FROM (SELECT r.proposal_id, min(r.created_at) AS first_answered_at, (array_agg(r.decision ORDER BY r.created_at DESC))[1] AS decision
                  FROM proposal_response r WHERE r.proposal_id IN (SELECT proposal_id FROM answers) GROUP BY r.proposal_id) x
         WHERE p.id = x.proposal_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "proposal_response_answers" AFTER INSERT ON "proposal_response"
      REFERENCING NEW TABLE AS answers FOR EACH STATEMENT EXECUTE FUNCTION proposals_answered()`);

    await q.query(`SELECT consideration_of_areas(coalesce(array_agg(id), '{}')) FROM area`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "proposal_response_answers" ON "proposal_response"`);
    await q.query(`DROP FUNCTION proposals_answered()`);
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
    await q.query(`DROP TRIGGER "area_consideration_delete" ON "area"`);
    await q.query(`DROP TRIGGER "area_consideration_scope" ON "area"`);
    await q.query(`DROP FUNCTION consideration_of_area()`);
    await q.query(`DROP TRIGGER "benchmark_consideration_delete" ON "benchmark"`);
    await q.query(`DROP TRIGGER "benchmark_consideration_area" ON "benchmark"`);
    await q.query(`DROP FUNCTION consideration_of_benchmark()`);
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "proposal_consideration_${event}" ON "proposal"`);
    await q.query(`DROP FUNCTION consideration_of_proposals()`);
    await q.query(`DROP FUNCTION consideration_of_areas(uuid[])`);
    await q.query(`DROP FUNCTION consideration_of_scope(character, integer)`);
    await q.query(`DROP TABLE "consideration_scope"`);
    await q.query(`DROP TABLE "consideration_area"`);
  }
}
