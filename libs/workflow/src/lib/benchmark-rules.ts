import type { StateValue } from 'xstate';
import type { BenchmarkState } from './benchmark-state';
import {
  BENCHMARK_EVENTS,
  BENCHMARK_GUARDS,
  type BenchmarkEvent,
  type BenchmarkEventType,
  type BenchmarkFacts,
  type BenchmarkGuard,
  benchmarkMachine,
  TRANSITION_GUARDS,
} from './benchmark-machine';
import { type AvailableEventOf, availableWith, explainWith, type MachineRules } from './machine-rules';
import { type Reason, unmet } from './reasons';
import type { Role } from './roles';

/** Who is acting, as far as the workflow cares. */
export interface WorkflowActor {
  roles: ReadonlySet<Role>;
  coordinator: boolean;
  countryCode: string | null;
  /** Assigned as an expert to this benchmark's current peer-review mission. */
  assignedExpert: boolean;
}

/** Who may fire each event (docs/design.md, The benchmark workflow); answers null when this actor may, or why not. */
export const EVENT_ROLES: Record<
  BenchmarkEventType,
  { who: 'workflow.only-coordinator' | 'workflow.only-commission' | 'workflow.only-commission-or-expert'; may: (a: WorkflowActor, country: string) => boolean }
> = {
  SUBMIT: { who: 'workflow.only-coordinator', may: (a, c) => a.roles.has('ministry') && a.coordinator && a.countryCode === c },
  REQUEST_CHANGES: { who: 'workflow.only-commission', may: (a) => a.roles.has('commission') },
  START_PEER_REVIEW: { who: 'workflow.only-commission', may: (a) => a.roles.has('commission') },
  BEGIN_FIELDWORK: { who: 'workflow.only-commission-or-expert', may: (a) => a.roles.has('commission') || (a.roles.has('expert') && a.assignedExpert) },
  SUBMIT_MISSION_REPORT: { who: 'workflow.only-commission-or-expert', may: (a) => a.roles.has('commission') || (a.roles.has('expert') && a.assignedExpert) },
  ACCEPT: { who: 'workflow.only-commission', may: (a) => a.roles.has('commission') },
  REOPEN: { who: 'workflow.only-commission', may: (a) => a.roles.has('commission') },
};

/** What each event carries besides its type; the web app builds its dialog from this. */
export const EVENT_PAYLOADS: Record<BenchmarkEventType, ('comment' | 'mission' | 'assessment' | 'justification')[]> = {
  SUBMIT: [],
  REQUEST_CHANGES: ['comment'],
  START_PEER_REVIEW: ['mission'],
  BEGIN_FIELDWORK: [],
  SUBMIT_MISSION_REPORT: [],
  ACCEPT: ['assessment'],
  REOPEN: ['justification'],
};

/** Guards about the payload, which a dialog collects; the others are about the benchmark's data. */
const PAYLOAD_GUARDS = new Set<BenchmarkGuard>(['hasComment', 'missionPlanned', 'hasAssessment', 'hasJustification']);

export function mayFire(actor: WorkflowActor, type: BenchmarkEventType, country: string): Reason | null {
  return EVENT_ROLES[type].may(actor, country) ? null : unmet(EVENT_ROLES[type].who);
}

/** The top-level state of a (possibly nested) state value: {peerReview: 'planned'} → peerReview. */
export function topState(value: StateValue): BenchmarkState {
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as BenchmarkState;
}

/** The peer-review stage, if in peer review: planned, fieldwork or reported. */
export function peerReviewStage(value: StateValue): string | null {
  return typeof value === 'object' && typeof value['peerReview'] === 'string' ? (value['peerReview'] as string) : null;
}

/** The benchmark machine's rule table, for the shared explain/available functions. */
const RULES: MachineRules<BenchmarkEvent, BenchmarkGuard> = {
  // Read when asked, not as this module loads: a page needing only the states and grades leaves the
  // machine (and xstate) out of its download.
  get config() {
    return benchmarkMachine.config;
  },
  conditions: BENCHMARK_GUARDS,
  transitionGuards: TRANSITION_GUARDS,
  payloadConditions: PAYLOAD_GUARDS,
};

/** Whether the state handles this event at all (else 409), and if so the first unmet condition (else 422). */
export function explainEvent(value: StateValue, event: BenchmarkEvent, options: { payloadKnown?: boolean } = {}): { handled: boolean; unmet: Reason | null } {
  return explainWith(RULES, value, event, options);
}

export type AvailableEvent = AvailableEventOf<BenchmarkEventType, 'comment' | 'mission' | 'assessment' | 'justification'>;

/** The events this actor could fire in this state: enabled ones, and disabled ones with the reason. */
export function availableEvents(value: StateValue, actor: WorkflowActor, country: string, facts: BenchmarkFacts): AvailableEvent[] {
  const permitted = BENCHMARK_EVENTS.filter((type) => mayFire(actor, type, country) === null);
  return availableWith(RULES, value, permitted, (type) => ({ type, facts }) as BenchmarkEvent, EVENT_PAYLOADS);
}
