import { Injectable } from '@nestjs/common';
import { type InboxEntry, inboxName, type InboxSource } from '@bt/api/inbox';
import type { Viewer } from '@bt/api/identity';
import { MissionsService } from './missions.service';

/** How long before a date a reminder shows. */
export const REMINDER_DAYS = 7;

/**
 * Reminders in the inbox: experts of missions starting within a week, and of missions that ended
 * without a report; the Commission and the host ministry of recommendations due within a week or overdue.
 */
@Injectable()
export class MissionReminders implements InboxSource {
  constructor(private readonly missions: MissionsService) {}

  async items(viewer: Viewer, now: Date): Promise<InboxEntry[]> {
    const rows = await this.missions.reminderRows(viewer, now, REMINDER_DAYS);
    return rows.map((r): InboxEntry => {
      const due = r.due.toISOString();
      const text = inboxName(r.title);
      if (r.kind === 'mission-start')
        return {
          key: `mission-start:${r.item_id}:${due}`,
          kind: 'mission.starting',
          facts: { mission: text },
          title: `Peer-review mission starts: ${text}`,
          link: `/missions/${r.mission_id}`,
          at: due,
          dueAt: due,
        };
      if (r.kind === 'mission-report')
        return {
          key: `mission-report:${r.item_id}`,
          kind: 'mission.report_due',
          facts: { mission: text },
          title: `Mission report not yet submitted: ${text}`,
          link: `/missions/${r.mission_id}`,
          at: due,
          dueAt: due,
        };
      return {
        key: `recommendation-due:${r.item_id}:${due}`,
        kind: 'recommendation.due',
        facts: { recommendation: text },
        title: `Recommendation due: ${text}`,
        link: `/missions/${r.mission_id}`,
        at: due,
        dueAt: due,
      };
    });
  }
}
