import { setup } from 'xstate';
import { guardsOf } from './machine-rules';
import { type Reason, unmet } from './reasons';
import type { PreparationGrade, ProgressGrade } from './assessment-scales';

/** Bump when the machine's states change, so stored snapshots of an older shape can be migrated. */
export const BENCHMARK_MACHINE_VERSION = 1;

/**
 * What the server knows about a benchmark when an event arrives. Guards read only these facts and
 * the event's payload: the machine stays pure, and the API gathers the facts inside the
 * transition's transaction.
 */
export interface BenchmarkFacts {
  sharedEvidenceCount: number;
  unansweredProposalCount: number;
  /** Short excerpts of those proposals (the first few), so a refusal can name them. */
  unansweredProposals?: string[];
  /** The current peer-review mission, if one is planned. */
  mission: { startDate: string; endDate: string; expertCount: number; hasReport: boolean } | null;
  /** Whether this benchmark must go through a peer-review mission before acceptance. */
  missionRequired: boolean;
  /** Today's date (YYYY-MM-DD) where the server is. */
  today: string;
}

export interface AssessmentInput {
  preparation: PreparationGrade;
  progress: ProgressGrade;
  text: string;
}

export interface MissionPlanInput {
  startDate: string;
  endDate: string;
  expertIds: string[];
}

type WithFacts<T> = T & { facts: BenchmarkFacts };

export type BenchmarkEvent =
  | WithFacts<{ type: 'SUBMIT' }>
  | WithFacts<{ type: 'REQUEST_CHANGES'; comment?: string }>
  | WithFacts<{ type: 'START_PEER_REVIEW'; mission?: MissionPlanInput }>
  | WithFacts<{ type: 'BEGIN_FIELDWORK' }>
  | WithFacts<{ type: 'SUBMIT_MISSION_REPORT' }>
  | WithFacts<{ type: 'ACCEPT'; assessment?: AssessmentInput }>
  | WithFacts<{ type: 'REOPEN'; justification?: string }>;

export type BenchmarkEventType = BenchmarkEvent['type'];

export const BENCHMARK_EVENTS: BenchmarkEventType[] = [
  'SUBMIT',
  'REQUEST_CHANGES',
  'START_PEER_REVIEW',
  'BEGIN_FIELDWORK',
  'SUBMIT_MISSION_REPORT',
  'ACCEPT',
  'REOPEN',
];

const filled = (text: string | undefined) => !!text && text.trim().length > 0;

/**
 * Each guard answers null when met, or the unmet condition as a reason (shown with a 422 and beside
 * a disabled button, in the reader's language). The machine's guards are these same functions.
 */
export const BENCHMARK_GUARDS = {
  hasSharedEvidence: (e: BenchmarkEvent) => (e.facts.sharedEvidenceCount > 0 ? null : unmet('workflow.shared-evidence-needed')),
  allProposalsAnswered: (e: BenchmarkEvent) =>
    e.facts.unansweredProposalCount === 0
      ? null
      : unmet('workflow.proposals-unanswered', {
          count: e.facts.unansweredProposalCount,
          excerpts: e.facts.unansweredProposals?.length ? ` (${e.facts.unansweredProposals.map((p) => `"${p}"`).join(', ')})` : '',
        }),
  hasComment: (e: BenchmarkEvent) => (e.type === 'REQUEST_CHANGES' && filled(e.comment) ? null : unmet('workflow.comment-needed')),
  missionPlanned: (e: BenchmarkEvent) => {
    const m = e.type === 'START_PEER_REVIEW' ? e.mission : undefined;
    if (!m || !/^\d{4}-\d{2}-\d{2}$/.test(m.startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(m.endDate)) return unmet('workflow.mission-dates-needed');
    if (m.endDate < m.startDate) return unmet('workflow.mission-ends-before-start');
    return m.expertIds.length > 0 ? null : unmet('workflow.mission-expert-needed');
  },
  missionStarted: (e: BenchmarkEvent) => {
    if (!e.facts.mission) return unmet('workflow.no-mission-planned');
    return e.facts.today >= e.facts.mission.startDate ? null : unmet('workflow.mission-not-started', { date: e.facts.mission.startDate });
  },
  hasReport: (e: BenchmarkEvent) => (e.facts.mission?.hasReport ? null : unmet('workflow.mission-report-needed')),
  hasAssessment: (e: BenchmarkEvent) => {
    const a = e.type === 'ACCEPT' ? e.assessment : undefined;
    return a && a.preparation && a.progress && filled(a.text) ? null : unmet('workflow.assessment-needed');
  },
  noMissionRequired: (e: BenchmarkEvent) => (e.facts.missionRequired ? unmet('workflow.mission-required') : null),
  missionReported: () => unmet('workflow.mission-not-reported'),
  hasJustification: (e: BenchmarkEvent) => (e.type === 'REOPEN' && filled(e.justification) ? null : unmet('workflow.justification-needed')),
} satisfies Record<string, (e: BenchmarkEvent) => Reason | null>;

export type BenchmarkGuard = keyof typeof BENCHMARK_GUARDS;

/** Each transition's guards, all of which must hold; the machine and the explanations share it. */
export const TRANSITION_GUARDS: Record<string, BenchmarkGuard[]> = {
  submit: ['hasSharedEvidence', 'allProposalsAnswered'],
  requestChanges: ['hasComment'],
  startPeerReview: ['missionPlanned'],
  beginFieldwork: ['missionStarted'],
  submitMissionReport: ['hasReport'],
  // Proposals may come in while submitted or under peer review; once accepted they can no longer be answered.
  acceptWithoutMission: ['noMissionRequired', 'allProposalsAnswered', 'hasAssessment'],
  acceptAfterMission: ['allProposalsAnswered', 'hasAssessment'],
  acceptBeforeReport: ['missionReported'],
  reopen: ['hasJustification'],
};

// Pure: a page that imports only the states and grades of this library (the home page, the chapter
// overview) leaves the machine, and xstate with it, out of its download.
export const benchmarkMachine = /* @__PURE__ */ setup({
  types: { events: {} as BenchmarkEvent },
  guards: guardsOf({ conditions: BENCHMARK_GUARDS, transitionGuards: TRANSITION_GUARDS }),
}).createMachine({
  id: 'benchmark',
  initial: 'draft',
  states: {
    draft: {
      on: { SUBMIT: { target: 'submitted', guard: 'submit' } },
    },
    submitted: {
      on: {
        REQUEST_CHANGES: { target: 'draft', guard: 'requestChanges' },
        START_PEER_REVIEW: { target: 'peerReview', guard: 'startPeerReview' },
        ACCEPT: { target: 'accepted', guard: 'acceptWithoutMission' },
      },
    },
    peerReview: {
      initial: 'planned',
      on: {
        REQUEST_CHANGES: { target: 'draft', guard: 'requestChanges' },
        // Reached only while the mission has not reported: `reported` handles ACCEPT itself.
        ACCEPT: { target: 'accepted', guard: 'acceptBeforeReport' },
      },
      states: {
        planned: { on: { BEGIN_FIELDWORK: { target: 'fieldwork', guard: 'beginFieldwork' } } },
        fieldwork: { on: { SUBMIT_MISSION_REPORT: { target: 'reported', guard: 'submitMissionReport' } } },
        reported: { on: { ACCEPT: { target: '#benchmark.accepted', guard: 'acceptAfterMission' } } },
      },
    },
    accepted: {
      on: { REOPEN: { target: 'draft', guard: 'reopen' } },
    },
  },
});
