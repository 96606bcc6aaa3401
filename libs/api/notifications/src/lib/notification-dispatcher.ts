import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SessionService, type Viewer } from '@bt/api/identity';
import { type DomainEvent, NOTIFICATION_RULES, type NotificationRule } from './notification-rules';

/** Audit events read per dispatch at most; the rest wait for the next one. */
export const DISPATCH_BATCH = 500;

/** A notification row as written: one person told of one event. */
export interface Dispatched {
  id: string;
  userId: string;
  /** The audit event told of; null for a reminder of a due item. */
  eventId: string | null;
}

/**
 * Turns domain events into notifications. The outbox is the audit trail: every change writes its
 * audit event in its own transaction (through AuditService.record or, for pipelined transitions,
 * with the COMMIT), so an event exists exactly when its change committed. audit_append() takes the
 * chain lock until the transaction ends, so ids become visible in the order they were given: all
 * events up to the newest one seen are there, and a cursor over ids misses none.
 *
 * One dispatch is one transaction: claim the cursor row (FOR UPDATE SKIP LOCKED: while another
 * instance dispatches, this one does nothing), read the events after it, write each person's
 * notifications by the rules (who sees what, by the domains' own rules), move the cursor, commit.
 * A crash before COMMIT leaves the cursor where it was, so the next dispatch tells those events.
 */
@Injectable()
export class NotificationDispatcher {
  /** Called with each dispatch's new notifications inside its transaction (e-mail queues its deliveries there). */
  private readonly listeners: ((em: EntityManager, dispatched: Dispatched[]) => Promise<void>)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  onDispatched(listener: (em: EntityManager, dispatched: Dispatched[]) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /**
   * Starts the cursor at the trail's end the first time (after the demo seed): what happened before
   * notifications existed is not told. Later starts leave it where it is.
   */
  async begin(): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_dispatch SET last_event_id = (SELECT coalesce(max(id), 0) FROM audit_event) WHERE id = 1 AND last_event_id IS NULL`,
    );
  }

  /** Dispatches the events after the cursor, a batch at a time, until none is left; answers how many events it read. */
  async dispatchAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const read = await this.dispatch();
      total += read;
      if (read < DISPATCH_BATCH) return total;
    }
  }

  /** One batch: answers how many events it read (0 when another instance holds the cursor). */
  async dispatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const [cursor] = await em.query(`SELECT last_event_id FROM notification_dispatch WHERE id = 1 FOR UPDATE SKIP LOCKED`);
      if (!cursor || cursor.last_event_id === null) return 0;
      const rows = await em.query<
        {
          id: string;
          action: string;
          entity_type: string;
          entity_id: string;
          actor_id: string | null;
          actor_name: string | null;
          data: Record<string, unknown> | null;
          occurred_at: Date;
        }[]
      >(
        `SELECT e.id::text, e.action, e.entity_type, e.entity_id, e.actor_id, coalesce(u.display_name, e.actor_label) AS actor_name, e.data, e.occurred_at
           FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE e.id > $1 ORDER BY e.id LIMIT ${DISPATCH_BATCH}`,
        [cursor.last_event_id],
      );
      if (!rows.length) return 0;
      let viewers: Viewer[] | null = null;
      const dispatched: Dispatched[] = [];
      for (const row of rows) {
        const rule: NotificationRule | undefined = NOTIFICATION_RULES.get(row.action);
        if (!rule) continue;
        const event: DomainEvent = {
          id: row.id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          actorId: row.actor_id,
          actorName: row.actor_name,
          data: row.data ?? {},
          occurredAt: row.occurred_at,
        };
        const telling = await rule(em, event);
        if (!telling) continue;
        viewers ??= await this.sessions.activeViewers(em);
        // Whoever made the change knows of it.
        const to = viewers.filter((v) => v.userId !== event.actorId && telling.to(v)).map((v) => v.userId);
        if (!to.length) continue;
        const { told } = telling;
        const inserted: { id: string; user_id: string }[] = await em.query(
          `INSERT INTO notification (user_id, event_id, kind, facts, title, detail, link, in_inbox, created_at)
           SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6, $7, $8, $9
           ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id::text, user_id`,
          [to, event.id, told.kind, JSON.stringify(told.facts), told.title, told.detail ?? null, told.link, told.inInbox ?? true, event.occurredAt],
        );
        dispatched.push(...inserted.map((r) => ({ id: r.id, userId: r.user_id, eventId: event.id })));
      }
      for (const listener of this.listeners) await listener(em, dispatched);
      await em.query(`UPDATE notification_dispatch SET last_event_id = $1 WHERE id = 1`, [rows[rows.length - 1].id]);
      return rows.length;
    });
  }
}
