import { BENCHMARK_STATES, type BenchmarkState } from '@bt/workflow';
import { benchmarkStateLabel, PEER_REVIEW_STAGES, peerReviewStageLabel } from '../benchmark-state-label';

/** Where a step stands: passed, the benchmark's current one, still ahead, or passed by without it. */
export type StepStatus = 'done' | 'current' | 'upcoming' | 'skipped';

export interface WorkflowStep {
  readonly key: string;
  readonly label: string;
  readonly status: StepStatus;
  readonly stages: readonly WorkflowStep[];
}

/**
 * The workflow as steps, Draft → Submitted → Peer review (planned, fieldwork, reported) → Accepted,
 * each with where the benchmark stands. An accepted benchmark that shows no mission went past the
 * peer review without one (or its mission is not the reader's to see): that step is `skipped`.
 */
export function workflowSteps(state: BenchmarkState, stage: string | null, missionShown: boolean): WorkflowStep[] {
  const current = BENCHMARK_STATES.indexOf(state);
  return BENCHMARK_STATES.map((step, index) => {
    let status: StepStatus = index < current ? 'done' : index === current ? 'current' : 'upcoming';
    if (step === 'peerReview' && state === 'accepted' && !missionShown) status = 'skipped';
    return { key: step, label: benchmarkStateLabel(step), status, stages: step === 'peerReview' ? stagesOf(status, stage) : [] };
  });
}

function stagesOf(peerReview: StepStatus, stage: string | null): WorkflowStep[] {
  const current = stage ? PEER_REVIEW_STAGES.indexOf(stage as (typeof PEER_REVIEW_STAGES)[number]) : -1;
  return PEER_REVIEW_STAGES.map((key, index) => {
    let status: StepStatus;
    if (peerReview === 'current') status = index < current ? 'done' : index === current ? 'current' : 'upcoming';
    else status = peerReview;
    return { key, label: peerReviewStageLabel(key), status, stages: [] };
  });
}
