import type { BenchmarkDetailDto } from '@bt/contracts';
import { unansweredProposalSql } from '@bt/api/dialogue';

/* What the workflow's transitions, page and tasks read of a benchmark `b`, shared by their services. */

/** A proposal (not a comment or reply) on benchmark `b` that nobody hid and the ministry has not answered yet. */
export const UNANSWERED_PROPOSAL = `p.benchmark_id = b.id AND ${unansweredProposalSql('p')}`;

/** The benchmark's last workflow step (audit event `benchmark.<EVENT>`), as one JSON value. */
export const LAST_WORKFLOW_STEP = `(SELECT json_build_object('event', e.data->>'event', 'comment', e.data->>'comment', 'by', coalesce(u.display_name, e.actor_label), 'at', e.occurred_at)
    FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
   WHERE e.entity_type = 'benchmark' AND e.entity_id = b.id::text AND e.action LIKE 'benchmark.%' ORDER BY e.id DESC LIMIT 1)`;

export interface LastStep {
  event: string | null;
  comment: string | null;
  by: string | null;
  at: string;
}

/** The Commission's request for changes while the benchmark is back in draft because of it. */
export function changesRequestedDto(state: string, step: LastStep | null): BenchmarkDetailDto['changesRequested'] {
  if (state !== 'draft' || step?.event !== 'REQUEST_CHANGES') return null;
  return { by: step.by, at: new Date(step.at).toISOString(), comment: step.comment };
}
