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
import type { Role } from './roles';

/** Who is acting, as far as the workflow cares. */
export interface WorkflowActor {
  roles: ReadonlySet<Role>;
  coordinator: boolean;
  countryCode: string | null;
  /** Assigned as an expert to this benchmark's current peer-review mission. */
  assignedExpert: boolean;
}

/** Who may fire each event (DESIGN.md); answers null when this actor may, or why not. */
export const EVENT_ROLES: Record<BenchmarkEventType, { who: string; may: (a: WorkflowActor, country: string) => boolean }> = {
  SUBMIT: { who: "a ministry coordinator of the benchmark's country", may: (a, c) => a.roles.has('ministry') && a.coordinator && a.countryCode === c },
  REQUEST_CHANGES: { who: 'the Commission', may: (a) => a.roles.has('commission') },
  START_PEER_REVIEW: { who: 'the Commission', may: (a) => a.roles.has('commission') },
  BEGIN_FIELDWORK: { who: 'the Commission or an expert of the mission', may: (a) => a.roles.has('commission') || (a.roles.has('expert') && a.assignedExpert) },
  SUBMIT_MISSION_REPORT: { who: 'an expert of the mission or the Commission', may: (a) => a.roles.has('commission') || (a.roles.has('expert') && a.assignedExpert) },
  ACCEPT: { who: 'the Commission', may: (a) => a.roles.has('commission') },
  REOPEN: { who: 'the Commission', may: (a) => a.roles.has('commission') },
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

export function mayFire(actor: WorkflowActor, type: BenchmarkEventType, country: string): string | null {
  return EVENT_ROLES[type].may(actor, country) ? null : `only ${EVENT_ROLES[type].who} may do this`;
}

/** The top-level state of a (possibly nested) state value: {peerReview: 'planned'} → peerReview. */
export function topState(value: StateValue): BenchmarkState {
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as BenchmarkState;
}

/** The peer-review stage, if in peer review: planned, fieldwork or reported. */
export function peerReviewStage(value: StateValue): string | null {
  return typeof value === 'object' && typeof value['peerReview'] === 'string' ? (value['peerReview'] as string) : null;
}

interface Candidate {
  guard: string;
}

/** The transitions that could take this event in this state, deepest state first (as XState tries them). */
function candidates(value: StateValue, type: BenchmarkEventType): Candidate[] {
  const found: Candidate[] = [];
  type Config = { on?: Record<string, Candidate | Candidate[]>; states?: Record<string, Config> };
  const path: Config[] = [];
  let node = benchmarkMachine.config as Config;
  let current: StateValue = value;
  for (;;) {
    const key: string = typeof current === 'string' ? current : Object.keys(current)[0];
    const child: Config | undefined = node.states?.[key];
    if (!child) break;
    path.push(child);
    if (typeof current === 'string') break;
    current = (current as Record<string, StateValue>)[key];
    node = child;
  }
  for (const state of path.reverse()) {
    const on = state.on?.[type];
    if (on) found.push(...(Array.isArray(on) ? on : [on]));
  }
  return found;
}

/** Whether the state handles this event at all (else 409), and if so the first unmet condition (else 422). */
export function explainEvent(value: StateValue, event: BenchmarkEvent, options: { payloadKnown?: boolean } = {}): { handled: boolean; unmet: string | null } {
  const found = candidates(value, event.type);
  if (found.length === 0) return { handled: false, unmet: null };
  let firstUnmet: string | null = null;
  for (const candidate of found) {
    const guards = TRANSITION_GUARDS[candidate.guard].filter((g) => options.payloadKnown !== false || !PAYLOAD_GUARDS.has(g));
    const unmet = guards.map((g) => BENCHMARK_GUARDS[g](event)).find((reason) => reason !== null) ?? null;
    if (unmet === null) return { handled: true, unmet: null };
    firstUnmet ??= unmet;
  }
  return { handled: true, unmet: firstUnmet };
}

export interface AvailableEvent {
  type: BenchmarkEventType;
  enabled: boolean;
  /** Why it is disabled (a condition on the benchmark's data); payload conditions are the dialog's job. */
  reason: string | null;
  payload: ('comment' | 'mission' | 'assessment' | 'justification')[];
}

/** The events this actor could fire in this state: enabled ones, and disabled ones with the reason. */
export function availableEvents(value: StateValue, actor: WorkflowActor, country: string, facts: BenchmarkFacts): AvailableEvent[] {
  return BENCHMARK_EVENTS.filter((type) => mayFire(actor, type, country) === null)
    .map((type) => ({ type, explanation: explainEvent(value, { type, facts } as BenchmarkEvent, { payloadKnown: false }) }))
    .filter(({ explanation }) => explanation.handled)
    .map(({ type, explanation }) => ({ type, enabled: explanation.unmet === null, reason: explanation.unmet, payload: EVENT_PAYLOADS[type] }));
}
