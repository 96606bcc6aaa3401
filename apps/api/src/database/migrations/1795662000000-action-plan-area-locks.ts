import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Action Plan tally (action_plan_tally) and the measures of action_plan_area changed under the
 * area's lock, as action_plan_area's rows already were — two races lost counts before:
 * - a benchmark's move counted its areas again without their lock, so an activity added to one of
 *   them by a transaction not yet committed, which the recount did not see, had its +1 written over;
 * - an activity's trigger (and a corrective measure's) read its benchmark's area without locking the
 *   benchmark's row, so during a move of that benchmark not yet committed it counted the activity
 *   (the measure) in the area the benchmark was leaving.
 * Now a benchmark's move (and removal) takes the lock of every area it counts again, in order, before
 * reading; an activity's trigger and a measure's first share their benchmarks' rows (a move of one
 * waits for them, or they wait for it and read the area it set), then take their areas' locks in
 * order before changing the tally. The area lock is the one action_plan_area's functions take
 * (`pg_advisory_xact_lock(hashtextextended('action_plan_area ' || area, 0))`); everyone takes
 * benchmark rows before area locks, and area locks in the order of their ids, so none waits in a circle.
 */
export class ActionPlanAreaLocks1795662000000 implements MigrationInterface {
  name = 'ActionPlanAreaLocks1795662000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION action_plan_lock_areas(p_areas uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        v_area uuid;
      BEGIN
        FOR v_area IN SELECT DISTINCT x FROM unnest(p_areas) AS x WHERE x IS NOT NULL ORDER BY x LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('action_plan_area ' || v_area, 0));
        END LOOP;
      END $$`);

    // The statements after the lock read a fresh snapshot (each statement of a function does, in READ COMMITTED).
    await q.query(`CREATE OR REPLACE FUNCTION action_plan_tally_of_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_old_benchmark uuid;
        v_new_benchmark uuid;
        v_old_area uuid;
        v_new_area uuid;
        r record;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          v_old_benchmark := OLD.benchmark_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          v_new_benchmark := NEW.benchmark_id;
        END IF;
        FOR r IN SELECT b.id, b.area_id FROM benchmark b WHERE b.id IN (v_old_benchmark, v_new_benchmark) ORDER BY b.id FOR SHARE LOOP
          IF r.id = v_old_benchmark THEN
            v_old_area := r.area_id;
          END IF;
          IF r.id = v_new_benchmark THEN
            v_new_area := r.area_id;
          END IF;
        END LOOP;
        PERFORM action_plan_lock_areas(ARRAY[v_old_area, v_new_area]);
        IF v_old_area IS NOT NULL THEN
          UPDATE action_plan_tally t SET activities = t.activities - 1
           WHERE t.area_id = v_old_area AND t.status = OLD.status AND t.deadline = OLD.deadline;
        END IF;
        IF v_new_area IS NOT NULL THEN
          INSERT INTO action_plan_tally (area_id, status, deadline, activities) VALUES (v_new_area, NEW.status, NEW.deadline, 1)
          ON CONFLICT (area_id, status, deadline) DO UPDATE SET activities = action_plan_tally.activities + 1;
        END IF;
        RETURN NULL;
      END $$`);

    await q.query(`CREATE OR REPLACE FUNCTION action_plan_tally_of_areas(p_areas uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM action_plan_lock_areas(p_areas);
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

    await q.query(`CREATE OR REPLACE FUNCTION action_plan_area_of_measures() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        benchmarks uuid[];
        areas uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT m.benchmark_id) INTO benchmarks FROM added m;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT m.benchmark_id) INTO benchmarks FROM removed m;
        ELSE
          SELECT array_agg(DISTINCT x.benchmark_id) INTO benchmarks
            FROM removed o JOIN added n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o.benchmark_id), (n.benchmark_id)) AS x (benchmark_id)
           WHERE (o.benchmark_id, o.activity_id) IS DISTINCT FROM (n.benchmark_id, n.activity_id);
        END IF;
        IF benchmarks IS NOT NULL THEN
          SELECT array_agg(DISTINCT s.area_id) INTO areas
            FROM (SELECT b.area_id FROM benchmark b WHERE b.id = ANY (benchmarks) ORDER BY b.id FOR SHARE) s;
        END IF;
        IF areas IS NOT NULL THEN
          PERFORM action_plan_area_measures(areas);
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION action_plan_area_of_measures() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`CREATE OR REPLACE FUNCTION action_plan_tally_of_areas(p_areas uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
    await q.query(`CREATE OR REPLACE FUNCTION action_plan_tally_of_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE action_plan_tally t SET activities = t.activities - 1 FROM benchmark b
           WHERE b.id = OLD.benchmark_id AND t.area_id = b.area_id AND t.status = OLD.status AND t.deadline = OLD.deadline;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO action_plan_tally (area_id, status, deadline, activities)
          SELECT b.area_id, NEW.status, NEW.deadline, 1 FROM benchmark b WHERE b.id = NEW.benchmark_id
          ON CONFLICT (area_id, status, deadline) DO UPDATE SET activities = action_plan_tally.activities + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP FUNCTION action_plan_lock_areas(uuid[])`);
  }
}
