import { BENCHMARK_STATES, type BenchmarkState } from '@bt/workflow';

/** A background and a text colour that read together at WCAG AA (4.5:1) or better. */
export interface ColourPair {
  readonly background: string;
  readonly text: string;
}

/** How a workflow state is shown: its words, and its colours for light and dark pages. */
export interface BenchmarkStatePresentation {
  readonly state: BenchmarkState;
  readonly label: string;
  readonly light: ColourPair;
  readonly dark: ColourPair;
}

/*
 * Grey for work in progress, blue once it has left the ministry, amber while experts review it,
 * green once accepted. The label is always shown too, so colour is never the only signal.
 */
const PRESENTATIONS: Record<BenchmarkState, BenchmarkStatePresentation> = {
  draft: {
    state: 'draft',
    label: $localize`:Benchmark workflow state@@benchmarkState.draft:Draft`,
    light: { background: '#e3e2ea', text: '#1b1b21' },
    dark: { background: '#46464f', text: '#e3e2ea' },
  },
  submitted: {
    state: 'submitted',
    label: $localize`:Benchmark workflow state@@benchmarkState.submitted:Submitted`,
    light: { background: '#dce1ff', text: '#00164e' },
    dark: { background: '#153ea3', text: '#dce1ff' },
  },
  peerReview: {
    state: 'peerReview',
    label: $localize`:Benchmark workflow state@@benchmarkState.peerReview:Peer review`,
    light: { background: '#ffddb3', text: '#291800' },
    dark: { background: '#633f00', text: '#ffddb3' },
  },
  accepted: {
    state: 'accepted',
    label: $localize`:Benchmark workflow state@@benchmarkState.accepted:Accepted`,
    light: { background: '#b7f1b9', text: '#002107' },
    dark: { background: '#1e5128', text: '#b7f1b9' },
  },
};

export function benchmarkStatePresentation(state: BenchmarkState): BenchmarkStatePresentation {
  return PRESENTATIONS[state];
}

export function benchmarkStateLabel(state: BenchmarkState): string {
  return PRESENTATIONS[state].label;
}

/** The states in workflow order, e.g. for a filter. */
export const BENCHMARK_STATE_PRESENTATIONS: readonly BenchmarkStatePresentation[] = BENCHMARK_STATES.map((state) => PRESENTATIONS[state]);

/** The stages of a peer review, in their order; the API answers them as `stage`. */
export const PEER_REVIEW_STAGES = ['planned', 'fieldwork', 'reported'] as const;
export type PeerReviewStage = (typeof PEER_REVIEW_STAGES)[number];

const STAGE_LABELS: Record<PeerReviewStage, string> = {
  planned: $localize`:Peer-review stage@@peerReviewStage.planned:Mission planned`,
  fieldwork: $localize`:Peer-review stage@@peerReviewStage.fieldwork:Fieldwork`,
  reported: $localize`:Peer-review stage@@peerReviewStage.reported:Mission reported`,
};

/** A peer-review stage in words; an unknown one as the API spells it, rather than nothing. */
export function peerReviewStageLabel(stage: string): string {
  return (STAGE_LABELS as Record<string, string | undefined>)[stage] ?? stage;
}

/**
 * A state as the API writes it in a benchmark's history (`peerReview.fieldwork`) in words:
 * "Peer review (Fieldwork)". An unknown value is shown as it is.
 */
export function workflowPositionLabel(position: string): string {
  const [state, stage] = position.split('.');
  const label = (PRESENTATIONS as Record<string, BenchmarkStatePresentation | undefined>)[state]?.label;
  if (!label) return position;
  return stage
    ? $localize`:A workflow state with its peer-review stage, e.g. Peer review (Fieldwork)@@workflowPosition.withStage:${label}:state: (${peerReviewStageLabel(stage)}:stage:)`
    : label;
}
