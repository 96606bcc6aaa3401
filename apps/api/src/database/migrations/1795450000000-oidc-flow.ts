import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on: the server-side secrets of each OpenID Connect round trip in progress. */
export class OidcFlow1795450000000 implements MigrationInterface {
  name = 'OidcFlow1795450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "oidc_flow" (
      "id" text NOT NULL,
      "state" text NOT NULL,
      "nonce" text NOT NULL,
      "code_verifier" text NOT NULL,
      "return_to" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_oidc_flow" PRIMARY KEY ("id"))`);
    // Expired flows are purged by age.
    await q.query(`CREATE INDEX "oidc_flow_created_at_idx" ON "oidc_flow" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "oidc_flow"`);
  }
}
