import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Throttling that slows the attacker, not the victim: failures are counted per account and address
 * pair (an index for it), the addresses an account has signed in from are remembered (its owner keeps
 * a way in while someone guesses its password from elsewhere), and refused attempts are counted per
 * day instead of each being written to the audit trail.
 */
export class LoginThrottleByPair1795550000000 implements MigrationInterface {
  name = 'LoginThrottleByPair1795550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "login_failure_pair_idx" ON "login_failure" ("email", "ip", "occurred_at")`);
    await q.query(`CREATE TABLE "known_sign_in_address" (
      "user_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE,
      "ip" text NOT NULL,
      "last_signed_in_at" timestamptz NOT NULL,
      CONSTRAINT "PK_known_sign_in_address" PRIMARY KEY ("user_id", "ip"))`);
    await q.query(`CREATE TABLE "login_refusal" (
      "day" date NOT NULL,
      "email" text NOT NULL,
      "ip" text NOT NULL,
      "refused" integer NOT NULL,
      CONSTRAINT "PK_login_refusal" PRIMARY KEY ("day", "email", "ip"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_refusal"`);
    await q.query(`DROP TABLE "known_sign_in_address"`);
    await q.query(`DROP INDEX "login_failure_pair_idx"`);
  }
}
