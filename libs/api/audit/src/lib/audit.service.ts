import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Statement } from '@bt/api/core';
import { chainContent } from './audit-chain';

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

const APPEND = 'SELECT id, hash FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9)';

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an event inside the caller's transaction, so the event and the change it describes
   * commit or roll back together. One statement: audit_append() takes the chain lock, reads the
   * last hash and inserts. The lock is held until the transaction ends, so every append waits for
   * the transaction before it to commit: append last, and where it matters send it with COMMIT
   * (appendStatement).
   */
  async record(em: EntityManager, actor: AuditActor, record: AuditRecord): Promise<{ id: string; hash: string }> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('audit events are written inside the transaction of the change they describe');
    }
    const { text, values } = this.appendStatement(actor, record);
    const [appended] = await em.query(text, values as unknown[]);
    return { id: String(appended.id), hash: appended.hash };
  }

  /**
   * The statement that appends an event, for a transaction that sends its statements in batches
   * (inPipelinedTransaction): sent last, with COMMIT, the chain lock is held for no round trip.
   * Prepared once per connection (bt_audit_append). Answers one row: id, hash.
   */
  appendStatement(actor: AuditActor, record: AuditRecord): Statement {
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
    return {
      name: 'bt_audit_append',
      text: APPEND,
      values: [
        fields.occurredAt,
        fields.actorId,
        fields.actorLabel,
        fields.actorIp,
        fields.action,
        fields.entityType,
        fields.entityId,
        JSON.stringify(fields.data),
        chainContent(fields),
      ],
    };
  }

  /** Records an event in a transaction of its own (for things that change nothing else, e.g. a failed sign-in). */
  recordAlone(actor: AuditActor, record: AuditRecord): Promise<{ id: string; hash: string }> {
    return this.dataSource.transaction((em) => this.record(em, actor, record));
  }
}
