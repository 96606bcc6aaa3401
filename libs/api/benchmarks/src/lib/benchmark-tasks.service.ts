import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TaskDto } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';
import { missionExpertSql } from '@bt/api/missions';
import { changesRequestedDto, LAST_WORKFLOW_STEP, UNANSWERED_PROPOSAL } from './workflow-steps';

/** The workflow's tasks: what awaits each user on the benchmarks (GET /api/tasks, the home page, the inbox). */
@Injectable()
export class BenchmarkTasksService {
  constructor(private readonly dataSource: DataSource) {}

  /** What awaits this user: coordinators drafts to submit and changes requested; the Commission submissions; experts reports. */
  async tasks(viewer: Viewer): Promise<TaskDto[]> {
    const clauses: string[] = [];
    if (hasRole(viewer, 'ministry') && viewer.coordinator) clauses.push(`(b.state = 'draft' AND a.country_code = $2)`);
    if (hasRole(viewer, 'ministry')) clauses.push(`(a.country_code = $2 AND EXISTS (SELECT 1 FROM proposal p WHERE ${UNANSWERED_PROPOSAL}))`);
    if (hasRole(viewer, 'commission')) clauses.push(`b.state = 'submitted'`, `(b.state = 'peerReview' AND b.snapshot->'value'->>'peerReview' = 'reported')`);
    if (hasRole(viewer, 'expert')) {
      clauses.push(`(b.state = 'peerReview' AND b.snapshot->'value'->>'peerReview' IN ('planned', 'fieldwork') AND ${missionExpertSql('b.id', '$1')})`);
    }
    if (clauses.length === 0) return [];
    const rows = await this.dataSource.query(
      `SELECT b.id, b.code, b.text, b.state, b.snapshot->'value'->>'peerReview' AS stage, b.updated_at, ${LAST_WORKFLOW_STEP} AS last_step,
              EXISTS (SELECT 1 FROM proposal p WHERE ${UNANSWERED_PROPOSAL}) AS unanswered
         FROM benchmark b JOIN area a ON a.id = b.area_id
        WHERE $1::uuid IS NOT NULL AND $2::text IS NOT NULL AND (${clauses.join(' OR ')})
        ORDER BY a.country_code, a.position, b.position`,
      [viewer.userId, viewer.countryCode ?? ''],
    );
    return rows.map((r: Record<string, any>) => {
      const kind = taskKind(viewer, { state: r.state, last_event: r.last_step?.event ?? null, unanswered: r.unanswered });
      return {
        kind,
        benchmark: { id: r.id, code: r.code, text: r.text, state: r.state, stage: r.stage },
        since: new Date(r.updated_at).toISOString(),
        // The Commission's reason travels with the task, so the coordinator reads it where the task is listed.
        ...(kind === 'revise' ? { changesRequested: changesRequestedDto(r.state, r.last_step) } : {}),
      };
    });
  }
}

/** Which kind of task a benchmark is for this user (the rows come from `tasks`). */
export function taskKind(viewer: Viewer, row: { state: string; last_event: string | null; unanswered: boolean }): TaskDto['kind'] {
  if (row.state === 'draft' && hasRole(viewer, 'ministry') && viewer.coordinator) return row.last_event === 'REQUEST_CHANGES' ? 'revise' : 'submit';
  if (hasRole(viewer, 'ministry') && row.unanswered) return 'answer_proposals';
  if (hasRole(viewer, 'expert') && row.state === 'peerReview') return 'report';
  return 'review';
}
