import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InboxEntry, InboxSource } from '@bt/api/inbox';
import { hasRole, type Viewer } from '@bt/api/identity';
import { prepared } from '@bt/api/core';

/** How long before a deadline a reminder shows. */
export const REMINDER_DAYS = 7;

/**
 * Reminders in the inbox for members of recipient organisations: an open consultation whose
 * deadline is within a week and to which their organisation has not sent every reply.
 */
@Injectable()
export class ConsultationReminders implements InboxSource {
  constructor(private readonly dataSource: DataSource) {}

  async items(viewer: Viewer, now: Date): Promise<InboxEntry[]> {
    if (!hasRole(viewer, 'ministry', 'civil_society')) return [];
    const rows = await prepared(this.dataSource).query<{ id: string; title: string; deadline: Date; updated_at: Date; unanswered: number }>(
      `SELECT c.id, c.title, c.deadline, c.updated_at,
              (SELECT count(*)::int FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = c.id
                  AND NOT EXISTS (SELECT 1 FROM consultation_reply p WHERE p.question_id = q.id AND p.organisation_id = $1 AND p.status = 'sent')) AS unanswered
         FROM consultation c JOIN consultation_recipient r ON r.consultation_id = c.id AND r.organisation_id = $1
        WHERE c.state = 'open' AND c.deadline > $2 AND c.deadline <= $2::timestamptz + make_interval(days => $3)`,
      [viewer.organisationId, now.toISOString(), REMINDER_DAYS],
    );
    return rows
      .filter((r) => r.unanswered > 0)
      .map(
        (r): InboxEntry => ({
          // One reminder per deadline: a reopened consultation with a new deadline reminds again.
          key: `consultation-deadline:${r.id}:${r.deadline.toISOString()}`,
          kind: 'consultation.deadline',
          facts: { consultation: r.title, unanswered: r.unanswered },
          title: `Written consultation due: ${r.title}`,
          detail: `${r.unanswered} question(s) not yet answered`, // English; the web words it from `facts`
          link: `/consultations/${r.id}/reply`,
          at: new Date(r.deadline.getTime() - REMINDER_DAYS * 86_400_000).toISOString(),
          dueAt: r.deadline.toISOString(),
        }),
      );
  }
}
