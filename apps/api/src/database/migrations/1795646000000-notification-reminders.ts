import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders pushed (the inbox's deadlines, e-mailed): a notification that tells of a due item instead
 * of an audit event, keyed by the inbox item it pushes (its key names the item and its due date), at
 * most once per person and key — so a reminder is never sent twice for the same due item.
 */
export class NotificationReminders1795646000000 implements MigrationInterface {
  name = 'NotificationReminders1795646000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ALTER COLUMN event_id DROP NOT NULL, ADD reminder_key text`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_reminder_unique UNIQUE (user_id, reminder_key)`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_told_of_check CHECK ((event_id IS NULL) <> (reminder_key IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE reminder_key IS NOT NULL`);
    await q.query(
      `ALTER TABLE notification DROP CONSTRAINT notification_told_of_check, DROP CONSTRAINT notification_reminder_unique, DROP COLUMN reminder_key`,
    );
    await q.query(`ALTER TABLE notification ALTER COLUMN event_id SET NOT NULL`);
  }
}
