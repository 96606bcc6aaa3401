import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users, roles, sessions, sign-in throttling, settings; the append-only audit trail. */
export class IdentityAndAudit1795440000000 implements MigrationInterface {
  name = 'IdentityAndAudit1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "organisation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "country_code" character(2),
      "member_state" character(2),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_organisation" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_organisation_name" UNIQUE ("name"),
      CONSTRAINT "organisation_kind_check" CHECK ("kind" IN ('ministry', 'coordination_body', 'civil_society', 'commission', 'council', 'member_state', 'platform')),
      CONSTRAINT "organisation_side_check" CHECK (("kind" IN ('ministry', 'coordination_body', 'civil_society')) = ("country_code" IS NOT NULL)),
      CONSTRAINT "FK_organisation_country" FOREIGN KEY ("country_code") REFERENCES "country"("code") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "app_user" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "email" text NOT NULL,
      "display_name" text NOT NULL,
      "password_hash" text,
      "organisation_id" uuid NOT NULL,
      "disabled_at" TIMESTAMP WITH TIME ZONE,
      "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_app_user" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_app_user_email" UNIQUE ("email"),
      CONSTRAINT "app_user_email_lower_check" CHECK ("email" = lower("email")),
      CONSTRAINT "FK_app_user_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "role_assignment" (
      "user_id" uuid NOT NULL,
      "role" text NOT NULL,
      "coordinator" boolean NOT NULL DEFAULT false,
      CONSTRAINT "PK_role_assignment" PRIMARY KEY ("user_id", "role"),
      CONSTRAINT "role_assignment_role_check" CHECK ("role" IN ('admin', 'commission', 'ministry', 'expert', 'civil_society')),
      CONSTRAINT "role_assignment_coordinator_check" CHECK (NOT "coordinator" OR "role" = 'ministry'),
      CONSTRAINT "FK_role_assignment_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "user_session" (
      "token_hash" text NOT NULL,
      "user_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "ip" text,
      "user_agent" text,
      "method" text NOT NULL,
      CONSTRAINT "PK_user_session" PRIMARY KEY ("token_hash"),
      CONSTRAINT "FK_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "user_session_user_idx" ON "user_session" ("user_id")`);
    await q.query(`CREATE TABLE "login_failure" (
      "id" bigserial NOT NULL,
      "email" text NOT NULL,
      "ip" text NOT NULL,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_login_failure" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "login_failure_email_idx" ON "login_failure" ("email", "occurred_at")`);
    await q.query(`CREATE INDEX "login_failure_ip_idx" ON "login_failure" ("ip", "occurred_at")`);
    await q.query(`CREATE TABLE "app_setting" ("key" text NOT NULL, "value" jsonb NOT NULL, CONSTRAINT "PK_app_setting" PRIMARY KEY ("key"))`);
    await q.query(`CREATE TABLE "audit_event" (
      "id" bigserial NOT NULL,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "actor_id" uuid,
      "actor_label" text,
      "actor_ip" text,
      "action" text NOT NULL,
      "entity_type" text NOT NULL,
      "entity_id" text,
      "data" jsonb NOT NULL DEFAULT '{}',
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL,
      CONSTRAINT "PK_audit_event" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity_type", "entity_id", "id")`);
    // The trail is append-only for everyone; altering it takes a superuser switching triggers off.
    await q.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q.query(
      `CREATE TRIGGER "audit_event_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await q.query(`CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE "app_setting"`);
    await q.query(`DROP TABLE "login_failure"`);
    await q.query(`DROP TABLE "user_session"`);
    await q.query(`DROP TABLE "role_assignment"`);
    await q.query(`DROP TABLE "app_user"`);
    await q.query(`DROP TABLE "organisation"`);
  }
}
