import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each person receives each kind of notification: `immediate` (an e-mail at once), `digest` (in
 * the day's digest e-mail) or `in_app` (the inbox only). A kind without a row takes the person's
 * roles' default (libs/api/notifications, notification-preferences.ts). A notification kept for the
 * digest has the mail status `digest` until the digest that lists it is sent.
 */
export class NotificationPreferences1795650000000 implements MigrationInterface {
  name = 'NotificationPreferences1795650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification_preference (
      user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      kind text NOT NULL,
      delivery text NOT NULL CHECK (delivery IN ('immediate', 'digest', 'in_app')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, kind))`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_mail_status_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_mail_status_check CHECK (mail_status IN ('none', 'queued', 'sent', 'failed', 'digest'))`,
    );
    // The digest job reads each day's waiting notifications.
    await q.query(`CREATE INDEX notification_digest_idx ON notification (user_id, id) WHERE mail_status = 'digest'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_digest_idx`);
    await q.query(`UPDATE notification SET mail_status = 'none' WHERE mail_status = 'digest'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_mail_status_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_mail_status_check CHECK (mail_status IN ('none', 'queued', 'sent', 'failed'))`);
    await q.query(`DROP TABLE notification_preference`);
  }
}
