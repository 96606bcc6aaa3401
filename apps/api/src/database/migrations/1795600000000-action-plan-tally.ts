import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Action Plan dashboard counts activities per area, status and deadline from this tally, kept by
 * a trigger as activities are added, changed or removed, instead of reading every activity of a
 * country (25,000 at 50,000 benchmarks). Overdue stays computed on every read: the activities not
 * completed whose deadline has passed.
 */
export class ActionPlanTally1795600000000 implements MigrationInterface {
  name = 'ActionPlanTally1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "action_plan_tally" (
      "area_id" uuid NOT NULL,
      "status" text NOT NULL,
      "deadline" date NOT NULL,
      "activities" integer NOT NULL,
      CONSTRAINT "PK_action_plan_tally" PRIMARY KEY ("area_id", "status", "deadline"),
      CONSTRAINT "FK_action_plan_tally_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE FUNCTION action_plan_tally_of_activity() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(
      `CREATE TRIGGER "action_activity_tally" AFTER INSERT OR DELETE ON "action_activity" FOR EACH ROW EXECUTE FUNCTION action_plan_tally_of_activity()`,
    );
    await q.query(`CREATE TRIGGER "action_activity_tally_update" AFTER UPDATE ON "action_activity" FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.deadline IS DISTINCT FROM NEW.deadline OR OLD.benchmark_id IS DISTINCT FROM NEW.benchmark_id)
      EXECUTE FUNCTION action_plan_tally_of_activity()`);
    await q.query(`INSERT INTO action_plan_tally (area_id, status, deadline, activities)
      SELECT b.area_id, act.status, act.deadline, count(*) FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id
       GROUP BY b.area_id, act.status, act.deadline`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "action_activity_tally_update" ON "action_activity"`);
    await q.query(`DROP TRIGGER "action_activity_tally" ON "action_activity"`);
    await q.query(`DROP FUNCTION action_plan_tally_of_activity()`);
    await q.query(`DROP TABLE "action_plan_tally"`);
  }
}
