import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import type { InboxDto } from '@bt/contracts';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import { InboxRegistry } from './inbox-registry';
import { prepared } from '@bt/api/core';

/** Items an inbox answers at most (unread first): a list to act on, not the archive. */
export const INBOX_SIZE = 50;

/** Items older than this drop out of the inbox once read. */
const KEEP_READ_DAYS = 90;

@Injectable()
export class InboxService {
  constructor(
    private readonly registry: InboxRegistry,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The viewer's inbox: unread first, then newest; items due soonest lead among equals. */
  async inbox(viewer: Viewer, now = new Date()): Promise<InboxDto> {
    const entries = await this.registry.entries(viewer, now);
    const rows: { item_key: string }[] = entries.length
      ? await prepared(this.dataSource).query<{ item_key: string }>(`SELECT item_key FROM inbox_read WHERE user_id = $1 AND item_key = ANY($2)`, [
          viewer.userId,
          entries.map((e) => e.key),
        ])
      : [];
    const read = new Set(rows.map((r) => r.item_key));
    const oldest = now.getTime() - KEEP_READ_DAYS * 86_400_000;
    const items = entries
      .map((entry) => ({ ...entry, unread: !read.has(entry.key) }))
      .filter((item) => item.unread || Date.parse(item.at) >= oldest)
      .sort((a, b) => Number(b.unread) - Number(a.unread) || b.at.localeCompare(a.at));
    return { items: items.slice(0, INBOX_SIZE), unread: items.filter((i) => i.unread).length };
  }

  /** Marks everything the inbox holds for the viewer as read: one audit event with how many. */
  async markAllRead(actor: Actor, now = new Date()): Promise<void> {
    const keys = (await this.registry.entries(actor, now)).map((e) => e.key);
    await this.dataSource.transaction(async (em) => {
      const marked = keys.length
        ? await em.query<{ item_key: string }[]>(
            `INSERT INTO inbox_read (user_id, item_key) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING item_key`,
            [actor.userId, keys],
          )
        : [];
      await this.audit.record(em, auditActor(actor), { action: 'inbox.read_all', entityType: 'user', entityId: actor.userId, data: { count: marked.length } });
    });
  }

  async markRead(actor: Actor, keys: string[]): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query(`INSERT INTO inbox_read (user_id, item_key) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [actor.userId, keys]);
      await this.audit.record(em, auditActor(actor), { action: 'inbox.read', entityType: 'user', entityId: actor.userId, data: { keys } });
    });
  }
}
