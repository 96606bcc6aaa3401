import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secret that signs the one-click unsubscribe links of notification e-mails, when NOTIFICATION_SECRET
 * is not set: 244 random bits (gen_random_uuid() draws from the server's strong random source), made
 * once per database, so every instance signs alike and links keep working after a restart or a restore.
 */
export class NotificationUnsubscribe1795651000000 implements MigrationInterface {
  name = 'NotificationUnsubscribe1795651000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_dispatch ADD unsubscribe_secret text`);
    await q.query(`UPDATE notification_dispatch SET unsubscribe_secret = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') WHERE id = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_dispatch DROP COLUMN unsubscribe_secret`);
  }
}
