import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InboxEntry, InboxSource } from '@bt/api/inbox';
import type { Viewer } from '@bt/api/identity';
import { prepared } from '@bt/api/core';

/** Notifications an inbox reads at most (the newest): the inbox answers 50, and counts the unread among these. */
const LIMIT = 200;

/** A notification as the inbox shows it: `kind` and `facts` are stored together, as one InboxSubject. */
interface NotificationRow {
  id: string;
  kind: InboxEntry['kind'];
  facts: InboxEntry['facts'];
  title: string;
  detail: string | null;
  link: string;
  created_at: Date;
}

/** The hand-overs told to this person, newest first, as inbox items (read marks are the inbox's). */
@Injectable()
export class NotificationsInboxSource implements InboxSource {
  constructor(private readonly dataSource: DataSource) {}

  async items(viewer: Viewer): Promise<InboxEntry[]> {
    const rows = await prepared(this.dataSource).query<NotificationRow>(
      `SELECT id::text, kind, facts, title, detail, link, created_at FROM notification
        WHERE user_id = $1 AND in_inbox ORDER BY id DESC LIMIT ${LIMIT}`,
      [viewer.userId],
    );
    return rows.map(
      (r) =>
        ({
          key: `notification:${r.id}`,
          kind: r.kind,
          facts: r.facts,
          title: r.title,
          ...(r.detail ? { detail: r.detail } : {}),
          link: r.link,
          at: r.created_at.toISOString(),
        }) as InboxEntry,
    );
  }
}
