import { Injectable } from '@nestjs/common';
import { INBOX_SIZE, type InboxEntry, inboxName, type InboxSource } from '@bt/api/inbox';
import type { Viewer } from '@bt/api/identity';
import { ActionPlanService } from './action-plan.service';

/** How long before its deadline an unfinished Action Plan activity shows among the ministry's deadlines. */
export const ACTIVITY_REMINDER_DAYS = 14;

/** Reminders in the ministry's inbox (and so on its home page): its country's activities about to fall overdue. */
@Injectable()
export class ActivityReminders implements InboxSource {
  constructor(private readonly actionPlan: ActionPlanService) {}

  async items(viewer: Viewer, now: Date): Promise<InboxEntry[]> {
    const rows = await this.actionPlan.dueSoon(viewer, now, ACTIVITY_REMINDER_DAYS, INBOX_SIZE);
    return rows.map((r): InboxEntry => {
      const due = new Date(`${r.deadline}T00:00:00.000Z`).toISOString();
      const activity = inboxName(`${r.code} ${r.title}`);
      return {
        // The deadline is part of the key: a moved deadline is a new reminder, unread again.
        key: `activity-due:${r.id}:${r.deadline}`,
        kind: 'activity.due',
        facts: { activity, benchmark: r.benchmark_code },
        title: `Action Plan activity due: ${activity} (${r.benchmark_code})`,
        link: `/action-plan?benchmark=${encodeURIComponent(r.benchmark_code)}`,
        at: due,
        dueAt: due,
      };
    });
  }
}
