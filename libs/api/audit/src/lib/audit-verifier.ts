import type { DataSource } from 'typeorm';
import { chainHash, GENESIS_HASH } from './audit-chain';

export interface ChainReport {
  checked: number;
  /** The first event whose stored hashes do not match its content or its predecessor; null when intact. */
  firstBroken: { id: string; action: string; occurredAt: string; reason: string } | null;
}

interface AuditEventRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_label: string | null;
  actor_ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Walks the whole audit trail in order and recomputes every hash (`npm run audit:verify`). */
export async function verifyAuditChain(dataSource: DataSource, batchSize = 5000): Promise<ChainReport> {
  let previous = GENESIS_HASH;
  let lastId = '0';
  let checked = 0;
  for (;;) {
    const rows = await dataSource.query<AuditEventRow[]>(
      `SELECT id, occurred_at, actor_id, actor_label, actor_ip, action, entity_type, entity_id, data, prev_hash, hash
         FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastId, batchSize],
    );
    if (rows.length === 0) return { checked, firstBroken: null };
    for (const row of rows) {
      const broken = (reason: string) => ({
        checked,
        firstBroken: { id: String(row.id), action: row.action, occurredAt: row.occurred_at.toISOString(), reason },
      });
      if (row.prev_hash !== previous) return broken('its prev_hash is not the hash of the event before it (an event was removed or reordered)');
      const expected = chainHash(previous, {
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        actorIp: row.actor_ip,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        data: row.data,
      });
      if (expected !== row.hash) return broken('its content does not match its hash (the event was altered)');
      previous = row.hash;
      lastId = String(row.id);
      checked++;
    }
  }
}
