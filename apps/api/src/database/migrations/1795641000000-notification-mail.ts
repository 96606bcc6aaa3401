import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail of notifications: each notification's delivery as the admins see it (queued, sent, failed
 * after every retry), beside the pg-boss job (schema `pgboss`) that delivers it. The job is written in
 * the dispatch's transaction, so a notification and its e-mail are committed together.
 */
export class NotificationMail1795641000000 implements MigrationInterface {
  name = 'NotificationMail1795641000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification
      ADD mail_status text NOT NULL DEFAULT 'none' CHECK (mail_status IN ('none', 'queued', 'sent', 'failed')),
      ADD mail_attempts integer NOT NULL DEFAULT 0,
      ADD mail_error text,
      ADD mailed_at timestamptz`);
    await q.query(`CREATE INDEX notification_mail_failed_idx ON notification (id) WHERE mail_status = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_mail_failed_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN mail_status, DROP COLUMN mail_attempts, DROP COLUMN mail_error, DROP COLUMN mailed_at`);
  }
}
