import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live pages: every audit event on a benchmark, a mission, a consultation or an assistance project
 * is announced on the `bt_live` channel — with ids and kinds only, never content. PostgreSQL sends a
 * NOTIFY when its transaction commits and never for one that rolled back, to every API instance
 * that listens (libs/api/live), so a change through one instance reaches browsers on another.
 * Sign-ins, accounts and settings (entity types user, organisation, settings) are not announced.
 */
export class LiveChanges1795635000000 implements MigrationInterface {
  name = 'LiveChanges1795635000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION audit_event_announce() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('bt_live', json_build_object(
          'event', NEW.id::text, 'type', NEW.entity_type, 'id', NEW.entity_id, 'by', NEW.actor_id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "audit_event_announce" AFTER INSERT ON "audit_event" FOR EACH ROW
      WHEN (NEW.entity_type IN ('benchmark', 'mission', 'consultation', 'assistance_project'))
      EXECUTE FUNCTION audit_event_announce()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_event_announce" ON "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_announce()`);
  }
}
