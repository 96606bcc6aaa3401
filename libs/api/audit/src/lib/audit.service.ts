import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { chainHash, GENESIS_HASH } from './audit-chain';

/** Who did something, as the audit trail records it. */
export interface AuditActor {
  id: string | null;
  label: string | null;
  ip: string | null;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Serialises appends to the one chain; held until the surrounding transaction ends. */
const CHAIN_LOCK = 7_240_001;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an event inside the caller's transaction, so the event and the change it describes
   * commit or roll back together.
   */
  async record(em: EntityManager, actor: AuditActor, record: AuditRecord): Promise<AuditEvent> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('audit events are written inside the transaction of the change they describe');
    }
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [last] = await em.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    const fields = {
      occurredAt: new Date(),
      actorId: actor.id,
      actorLabel: actor.label,
      actorIp: actor.ip,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      data: record.data ?? {},
    };
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    const event = em.create(AuditEvent, { ...fields, prevHash, hash: chainHash(prevHash, fields) });
    return em.save(event);
  }

  /** Records an event in a transaction of its own (for things that change nothing else, e.g. a failed sign-in). */
  recordAlone(actor: AuditActor, record: AuditRecord): Promise<AuditEvent> {
    return this.dataSource.transaction((em) => this.record(em, actor, record));
  }
}
