import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type InboxEntry, InboxRegistry } from '@bt/api/inbox';
import { SessionService } from '@bt/api/identity';
import type { Dispatched } from './notification-dispatcher';
import { NotificationMail } from './notification-mail';

/** The inbox's deadline reminders that are also pushed by e-mail. */
export const REMINDER_KINDS = ['consultation.deadline', 'mission.starting', 'mission.report_due', 'recommendation.due'] as const;

/**
 * Reminders pushed: a scheduled job of the notification worker (daily, NOTIFICATION_REMINDER_CRON)
 * asks the inbox, for every active user, for the same deadline reminders it shows them (the domains'
 * own rules: consultation deadlines, missions starting or without a report, recommendations due or
 * overdue) and e-mails each one not told before. A reminder's key names its item and due date, and a
 * person is told of a key once (a unique constraint), so a second run — on this instance or another —
 * sends nothing twice; a new due date is a new reminder. They stay in the inbox through their source.
 */
@Injectable()
export class NotificationReminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: InboxRegistry,
    private readonly sessions: SessionService,
    private readonly mail: NotificationMail,
  ) {}

  /** Answers how many reminders were new. */
  async remind(now = new Date()): Promise<number> {
    const viewers = await this.sessions.activeViewers(this.dataSource.manager);
    let told = 0;
    for (const viewer of viewers) {
      const due = (await this.registry.entries(viewer, now)).filter((e: InboxEntry) => (REMINDER_KINDS as readonly string[]).includes(e.kind));
      if (!due.length) continue;
      await this.dataSource.transaction(async (em) => {
        const dispatched: Dispatched[] = [];
        for (const entry of due) {
          const [row] = await em.query(
            `INSERT INTO notification (user_id, reminder_key, kind, facts, title, detail, link, in_inbox, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8)
             ON CONFLICT (user_id, reminder_key) DO NOTHING RETURNING id::text`,
            [viewer.userId, entry.key, entry.kind, JSON.stringify(entry.facts), entry.title, entry.detail ?? null, entry.link, now],
          );
          if (row) dispatched.push({ id: row.id, userId: viewer.userId, eventId: null });
        }
        await this.mail.queue(em, dispatched);
        told += dispatched.length;
      });
    }
    return told;
  }
}
