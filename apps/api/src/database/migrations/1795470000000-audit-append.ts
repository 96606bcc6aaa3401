import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending to the audit chain in one statement: take the chain lock, read the last hash, insert
 * with sha256(previous hash, newline, the event's canonical JSON). The app computes the canonical
 * JSON (libs/api/audit/src/lib/audit-chain.ts); `npm run audit:verify` recomputes the same hashes.
 */
export class AuditAppend1795470000000 implements MigrationInterface {
  name = 'AuditAppend1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION audit_append(
        p_occurred_at timestamptz, p_actor_id uuid, p_actor_label text, p_actor_ip text,
        p_action text, p_entity_type text, p_entity_id text, p_data jsonb, p_content text)
      RETURNS TABLE (id bigint, hash text) LANGUAGE plpgsql AS $$
      DECLARE
        previous text;
      BEGIN
        -- Serialises appends to the one chain until the surrounding transaction ends.
        PERFORM pg_advisory_xact_lock(7240001);
        SELECT e.hash INTO previous FROM audit_event e ORDER BY e.id DESC LIMIT 1;
        previous := coalesce(previous, repeat('0', 64));
        RETURN QUERY
          INSERT INTO audit_event (occurred_at, actor_id, actor_label, actor_ip, action, entity_type, entity_id, data, prev_hash, hash)
          VALUES (p_occurred_at, p_actor_id, p_actor_label, p_actor_ip, p_action, p_entity_type, p_entity_id, p_data, previous,
                  encode(sha256(convert_to(previous || E'\\n' || p_content, 'UTF8')), 'hex'))
          RETURNING audit_event.id, audit_event.hash;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_append(timestamptz, uuid, text, text, text, text, text, jsonb, text)`);
  }
}
