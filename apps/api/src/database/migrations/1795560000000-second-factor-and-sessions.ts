import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for any account (TOTP, RFC 6238, with single-use recovery codes), the sign-ins
 * waiting for it, and sessions a person can list and end one by one: each gets an id to name it by
 * (its token hash stays private) and remembers how its second factor was proven, if at all.
 */
export class SecondFactorAndSessions1795560000000 implements MigrationInterface {
  name = 'SecondFactorAndSessions1795560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_session" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE "user_session" ADD CONSTRAINT "UQ_user_session_id" UNIQUE ("id")`);
    // 'totp', 'recovery_code' or 'provider' (single sign-on whose provider reported several factors); null: none.
    await q.query(`ALTER TABLE "user_session" ADD "second_factor" text`);

    await q.query(`ALTER TABLE "app_user" ADD "totp_secret" text`);
    await q.query(`ALTER TABLE "app_user" ADD "totp_enrolled_at" timestamptz`);
    // The last time step a code was accepted for: a code is good once (RFC 6238 §5.2).
    await q.query(`ALTER TABLE "app_user" ADD "totp_last_time_step" bigint`);
    // An enrolment begun but not yet confirmed with a code.
    await q.query(`ALTER TABLE "app_user" ADD "totp_pending_secret" text`);

    await q.query(`CREATE TABLE "recovery_code" (
      "user_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE,
      "code_hash" text NOT NULL,
      "used_at" timestamptz,
      CONSTRAINT "PK_recovery_code" PRIMARY KEY ("user_id", "code_hash"))`);

    await q.query(`CREATE TABLE "pending_sign_in" (
      "token_hash" text PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE,
      "method" text NOT NULL,
      "ip" text,
      "user_agent" text,
      "failed_codes" integer NOT NULL DEFAULT 0,
      "expires_at" timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pending_sign_in"`);
    await q.query(`DROP TABLE "recovery_code"`);
    for (const column of ['totp_pending_secret', 'totp_last_time_step', 'totp_enrolled_at', 'totp_secret'])
      await q.query(`ALTER TABLE "app_user" DROP COLUMN "${column}"`);
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "second_factor"`);
    await q.query(`ALTER TABLE "user_session" DROP CONSTRAINT "UQ_user_session_id"`);
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "id"`);
  }
}
