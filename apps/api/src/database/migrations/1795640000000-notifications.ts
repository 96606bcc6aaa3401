import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (libs/api/notifications): one row per person told of a hand-over. The audit event
 * each change writes in its own transaction is the outbox: the dispatcher reads the events after
 * its cursor (`notification_dispatch`, one row, claimed FOR UPDATE SKIP LOCKED so one instance
 * dispatches at a time) and writes each person's notifications with the cursor in one transaction,
 * so an event is told exactly once and an event that rolled back never exists to be told.
 */
export class Notifications1795640000000 implements MigrationInterface {
  name = 'Notifications1795640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      event_id bigint NOT NULL REFERENCES audit_event (id) ON DELETE RESTRICT,
      kind text NOT NULL,
      facts jsonb NOT NULL,
      title text NOT NULL,
      detail text,
      link text NOT NULL,
      in_inbox boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      UNIQUE (event_id, user_id))`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, id DESC)`);
    // The cursor: the last audit event dispatched. Null until the first start after this migration sets
    // it to the trail's end (after the demo seed), so history written before notifications is not told.
    await q.query(`CREATE TABLE notification_dispatch (
      id smallint PRIMARY KEY CHECK (id = 1),
      last_event_id bigint)`);
    await q.query(`INSERT INTO notification_dispatch (id, last_event_id) VALUES (1, NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_dispatch`);
    await q.query(`DROP TABLE notification`);
  }
}
