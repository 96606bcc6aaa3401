import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows, type Sql, sql } from '@bt/api/core';
import type { TaskDto } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';
import { missionExpert } from '@bt/api/missions';
import { changesRequestedDto, LAST_WORKFLOW_STEP, type LastStep, UNANSWERED_PROPOSAL } from './workflow-steps';

const [LAST_STEP, UNANSWERED] = [sql.raw(LAST_WORKFLOW_STEP), sql.raw(UNANSWERED_PROPOSAL)];

/** The workflow's tasks: what awaits each user on the benchmarks (GET /api/tasks, the home page, the inbox). */
@Injectable()
export class BenchmarkTasksService {
  constructor(private readonly dataSource: DataSource) {}

  /** What awaits this user: coordinators drafts to submit and changes requested; the Commission submissions; experts reports. */
  async tasks(viewer: Viewer): Promise<TaskDto[]> {
    const country = sql`${viewer.countryCode ?? ''}::text`;
    const clauses: Sql[] = [];
    if (hasRole(viewer, 'ministry') && viewer.coordinator) clauses.push(sql`(b.state = 'draft' AND a.country_code = ${country})`);
    if (hasRole(viewer, 'ministry')) clauses.push(sql`(a.country_code = ${country} AND EXISTS (SELECT 1 FROM proposal p WHERE ${UNANSWERED}))`);
    if (hasRole(viewer, 'commission'))
      clauses.push(sql`b.state = 'submitted'`, sql`(b.state = 'peerReview' AND b.snapshot->'value'->>'peerReview' = 'reported')`);
    if (hasRole(viewer, 'expert')) {
      clauses.push(
        sql`(b.state = 'peerReview' AND b.snapshot->'value'->>'peerReview' IN ('planned', 'fieldwork') AND ${missionExpert(sql.raw('b.id'), sql`${viewer.userId}::uuid`)})`,
      );
    }
    if (clauses.length === 0) return [];
    const found = await rows<{
      id: string;
      code: string;
      text: string;
      state: TaskDto['benchmark']['state'];
      stage: TaskDto['benchmark']['stage'];
      updated_at: Date;
      last_step: LastStep | null;
      unanswered: boolean;
    }>(
      this.dataSource,
      sql`SELECT b.id, b.code, b.text, b.state, b.snapshot->'value'->>'peerReview' AS stage, b.updated_at, ${LAST_STEP} AS last_step,
              EXISTS (SELECT 1 FROM proposal p WHERE ${UNANSWERED}) AS unanswered
         FROM benchmark b JOIN area a ON a.id = b.area_id
        WHERE ${sql.join(clauses, ' OR ')}
        ORDER BY a.country_code, a.position, b.position`,
    );
    return found.map((r) => {
      const kind = taskKind(viewer, { state: r.state, last_event: r.last_step?.event ?? null, unanswered: r.unanswered });
      return {
        kind,
        benchmark: { id: r.id, code: r.code, text: r.text, state: r.state, stage: r.stage },
        since: r.updated_at.toISOString(),
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
