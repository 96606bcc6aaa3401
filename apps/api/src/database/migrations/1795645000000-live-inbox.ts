import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live inbox: a notification written for a person is announced on the live channel as
 * `{ type: 'inbox', id: <their user id> }` — on commit, with the dispatch that wrote it. The API
 * passes it only to that person's streams (libs/api/live), whose inbox badge loads again.
 * PostgreSQL folds identical announcements of one transaction into one.
 */
export class LiveInbox1795645000000 implements MigrationInterface {
  name = 'LiveInbox1795645000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION notification_announce() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('bt_live', json_build_object('event', NEW.event_id::text, 'type', 'inbox', 'id', NEW.user_id::text, 'by', NULL)::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "notification_announce" AFTER INSERT ON "notification" FOR EACH ROW EXECUTE FUNCTION notification_announce()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "notification_announce" ON "notification"`);
    await q.query(`DROP FUNCTION notification_announce()`);
  }
}
