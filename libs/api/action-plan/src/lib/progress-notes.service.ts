import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { type Actor, auditActor } from '@bt/api/identity';
import type { ActivityProgressNoteDto, ProgressNoteRequest } from '@bt/contracts';
import { ActionPlanService } from './action-plan.service';

/** Progress notes on an activity: append-only, by the ministry of the benchmark's country. */
@Injectable()
export class ProgressNotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly actionPlan: ActionPlanService,
  ) {}

  async addNote(actor: Actor, id: string, request: ProgressNoteRequest): Promise<ActivityProgressNoteDto> {
    return this.dataSource.transaction(async (em) => {
      const activity = await this.actionPlan.activityFor(em, actor, id, 'ministry');
      const text = request.text.trim();
      if (!text) throw refuse.unprocessable('request.field-empty', { field: 'text' });
      const [row] = await em.query<{ id: string; created_at: Date }[]>(
        `INSERT INTO activity_progress_note (activity_id, text, author_id) VALUES ($1, $2, $3) RETURNING id, created_at`,
        [id, text, actor.userId],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.progress-noted',
        entityType: 'benchmark',
        entityId: activity.benchmark_id,
        data: { activityId: id, code: activity.code, noteId: row.id, text },
      });
      return { id: row.id, text, author: actor.displayName, createdAt: new Date(row.created_at).toISOString() };
    });
  }
}
