import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a person chose for the app (en, sr-Latn, sr-Cyrl), kept with their account; null: the browser's. */
export class UserLanguage1795560500000 implements MigrationInterface {
  name = 'UserLanguage1795560500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "language" text CONSTRAINT "app_user_language_check" CHECK ("language" IN ('en', 'sr-Latn', 'sr-Cyrl'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
  }
}
