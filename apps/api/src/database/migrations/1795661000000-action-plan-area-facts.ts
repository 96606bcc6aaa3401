import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Action Plan dashboard's figures per area in one row each (action_plan_area), kept by triggers,
 * so that its summary reads one row per area instead of every tally row of a country (4,000 at
 * 50,000 benchmarks) and every corrective measure:
 * - from action_plan_tally, as it changes: the activities per status, and the deadlines of those not
 *   completed, ascending and distinct (`open_deadlines`, from '-infinity'), with how many are due on
 *   or before each (`open_due`, from 0) — so the activities overdue on any day are found by
 *   `width_bucket(day - 1, open_deadlines)` in one row, the day not being fixed when the row is written;
 * - from corrective_measure, as measures are added, changed or removed: how many of the area's
 *   activities have one (`with_measure`).
 * The tally now follows a benchmark that moves to another area or is removed (it followed the
 * activities only).
 */
export class ActionPlanAreaFacts1795661000000 implements MigrationInterface {
  name = 'ActionPlanAreaFacts1795661000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "action_plan_area" (
      "area_id" uuid NOT NULL,
      "total" integer NOT NULL DEFAULT 0,
      "planned" integer NOT NULL DEFAULT 0,
      "in_progress" integer NOT NULL DEFAULT 0,
      "completed" integer NOT NULL DEFAULT 0,
      "open_deadlines" date[] NOT NULL DEFAULT '{-infinity}',
      "open_due" integer[] NOT NULL DEFAULT '{0}',
      "with_measure" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_action_plan_area" PRIMARY KEY ("area_id"),
      CONSTRAINT "FK_action_plan_area_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE)`);

    // An area's activity figures from its tally rows, read after taking the area's lock (a fresh snapshot):
    // a concurrent change of the same area waits for this one's commit and then counts it too.
    await q.query(`CREATE FUNCTION action_plan_area_of_tally(p_area uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('action_plan_area ' || p_area, 0));
      INSERT INTO action_plan_area (area_id, total, planned, in_progress, completed, open_deadlines, open_due)
      SELECT p_area, coalesce(sum(s.n), 0), coalesce(sum(s.n) FILTER (WHERE s.status = 'planned'), 0),
             coalesce(sum(s.n) FILTER (WHERE s.status = 'in_progress'), 0), coalesce(sum(s.n) FILTER (WHERE s.status = 'completed'), 0),
             (SELECT '{-infinity}' || coalesce(array_agg(o.deadline ORDER BY o.deadline), '{}')
                FROM (SELECT t.deadline FROM action_plan_tally t WHERE t.area_id = p_area AND t.status <> 'completed' AND t.activities > 0 GROUP BY t.deadline) o),
             (SELECT '{0}' || coalesce(array_agg(o.due ORDER BY o.deadline), '{}')
                FROM (SELECT t.deadline, (sum(sum(t.activities)) OVER (ORDER BY t.deadline))::int AS due
                        FROM action_plan_tally t WHERE t.area_id = p_area AND t.status <> 'completed' AND t.activities > 0 GROUP BY t.deadline) o)
        FROM (SELECT t.status, t.activities AS n FROM action_plan_tally t WHERE t.area_id = p_area) s
      HAVING EXISTS (SELECT 1 FROM area a WHERE a.id = p_area)
      ON CONFLICT (area_id) DO UPDATE SET total = EXCLUDED.total, planned = EXCLUDED.planned, in_progress = EXCLUDED.in_progress,
        completed = EXCLUDED.completed, open_deadlines = EXCLUDED.open_deadlines, open_due = EXCLUDED.open_due;
      END $$`);
    await q.query(`CREATE FUNCTION action_plan_area_of_tally_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM action_plan_area_of_tally(OLD.area_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.area_id IS DISTINCT FROM OLD.area_id) THEN
          PERFORM action_plan_area_of_tally(NEW.area_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "action_plan_tally_area" AFTER INSERT OR UPDATE OR DELETE ON "action_plan_tally" FOR EACH ROW EXECUTE FUNCTION action_plan_area_of_tally_row()`,
    );

    // Areas' activities with a corrective measure (the measure's benchmark's area), once per statement of measures.
    await q.query(`CREATE FUNCTION action_plan_area_measures(p_areas uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        v_area uuid;
      BEGIN
      FOR v_area IN SELECT DISTINCT x FROM unnest(p_areas) AS x WHERE x IS NOT NULL ORDER BY x LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('action_plan_area ' || v_area, 0));
      END LOOP;
      INSERT INTO action_plan_area (area_id, with_measure)
      SELECT a.id, (SELECT count(DISTINCT m.activity_id)::int FROM benchmark b JOIN corrective_measure m ON m.benchmark_id = b.id
                     WHERE b.area_id = a.id AND m.activity_id IS NOT NULL)
        FROM area a WHERE a.id = ANY (p_areas)
      ON CONFLICT (area_id) DO UPDATE SET with_measure = EXCLUDED.with_measure;
      END $$`);
    await q.query(`CREATE FUNCTION action_plan_area_of_measures() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        areas uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT b.area_id) INTO areas FROM added m JOIN benchmark b ON b.id = m.benchmark_id;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT b.area_id) INTO areas FROM removed m JOIN benchmark b ON b.id = m.benchmark_id;
        ELSE
          SELECT array_agg(DISTINCT b.area_id) INTO areas
            FROM removed o JOIN added n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o.benchmark_id), (n.benchmark_id)) AS x (benchmark_id) JOIN benchmark b ON b.id = x.benchmark_id
           WHERE (o.benchmark_id, o.activity_id) IS DISTINCT FROM (n.benchmark_id, n.activity_id);
        END IF;
        IF areas IS NOT NULL THEN
          PERFORM action_plan_area_measures(areas);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "corrective_measure_area_insert" AFTER INSERT ON "corrective_measure"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION action_plan_area_of_measures()`);
    await q.query(`CREATE TRIGGER "corrective_measure_area_update" AFTER UPDATE ON "corrective_measure"
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION action_plan_area_of_measures()`);
    await q.query(`CREATE TRIGGER "corrective_measure_area_delete" AFTER DELETE ON "corrective_measure"
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION action_plan_area_of_measures()`);

    // A benchmark moved or removed: the tally and the measures of the areas it leaves and joins, counted again.
    await q.query(`CREATE FUNCTION action_plan_tally_of_areas(p_areas uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM action_plan_tally t WHERE t.area_id = ANY (p_areas)
           AND NOT EXISTS (SELECT 1 FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id
                            WHERE b.area_id = t.area_id AND act.status = t.status AND act.deadline = t.deadline);
        INSERT INTO action_plan_tally (area_id, status, deadline, activities)
        SELECT b.area_id, act.status, act.deadline, count(*) FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id
         WHERE b.area_id = ANY (p_areas) GROUP BY b.area_id, act.status, act.deadline
        ON CONFLICT (area_id, status, deadline) DO UPDATE SET activities = EXCLUDED.activities
         WHERE action_plan_tally.activities IS DISTINCT FROM EXCLUDED.activities;
        PERFORM action_plan_area_measures(p_areas);
      END $$`);
    await q.query(`CREATE FUNCTION action_plan_of_benchmark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM action_plan_tally_of_areas(ARRAY[OLD.area_id]);
        ELSE
          PERFORM action_plan_tally_of_areas(ARRAY[OLD.area_id, NEW.area_id]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "benchmark_action_plan_area" AFTER UPDATE OF "area_id" ON "benchmark" FOR EACH ROW
      WHEN (OLD.area_id IS DISTINCT FROM NEW.area_id) EXECUTE FUNCTION action_plan_of_benchmark()`);
    await q.query(`CREATE TRIGGER "benchmark_action_plan_delete" AFTER DELETE ON "benchmark" FOR EACH ROW EXECUTE FUNCTION action_plan_of_benchmark()`);

    await q.query(`SELECT action_plan_area_of_tally(a.id) FROM area a WHERE EXISTS (SELECT 1 FROM action_plan_tally t WHERE t.area_id = a.id)`);
    await q.query(`SELECT action_plan_area_measures(coalesce(array_agg(a.id), '{}')) FROM area a`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "benchmark_action_plan_delete" ON "benchmark"`);
    await q.query(`DROP TRIGGER "benchmark_action_plan_area" ON "benchmark"`);
    await q.query(`DROP FUNCTION action_plan_of_benchmark()`);
    await q.query(`DROP FUNCTION action_plan_tally_of_areas(uuid[])`);
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "corrective_measure_area_${event}" ON "corrective_measure"`);
    await q.query(`DROP FUNCTION action_plan_area_of_measures()`);
    await q.query(`DROP FUNCTION action_plan_area_measures(uuid[])`);
    await q.query(`DROP TRIGGER "action_plan_tally_area" ON "action_plan_tally"`);
    await q.query(`DROP FUNCTION action_plan_area_of_tally_row()`);
    await q.query(`DROP FUNCTION action_plan_area_of_tally(uuid)`);
    await q.query(`DROP TABLE "action_plan_area"`);
  }
}
