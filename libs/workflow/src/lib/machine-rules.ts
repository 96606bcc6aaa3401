import type { StateValue } from 'xstate';
import type { Reason } from './reasons';

/**
 * What every workflow machine of this project shares: each transition names one guard, which is
 * the conjunction of named conditions; each condition answers null when met or the unmet condition
 * as a reason (a code, its parameters and English words). From that table the API explains a refusal (409 not handled / 422 unmet) and the web
 * app shows only what a user may do, with the reason beside a disabled action.
 */
export type Condition<E> = (event: E) => Reason | null;

export interface MachineRules<E extends { type: string }, G extends string> {
  /** The machine's config (`machine.config`), walked to find the transitions an event could take. */
  config: unknown;
  conditions: Record<G, Condition<E>>;
  /** Each transition guard's conditions, all of which must hold. */
  transitionGuards: Record<string, G[]>;
  /** Conditions about the event's payload, which a dialog collects (not known when listing events). */
  payloadConditions: ReadonlySet<G>;
}

/** The machine's guard for each transition, built from the rule table (so both share one truth). */
export function guardsOf<E extends { type: string }, G extends string>(rules: Pick<MachineRules<E, G>, 'conditions' | 'transitionGuards'>) {
  return Object.fromEntries(
    Object.entries(rules.transitionGuards).map(([name, conditions]) => [
      name,
      ({ event }: { event: E }) => conditions.every((c) => rules.conditions[c](event) === null),
    ]),
  ) as Record<string, (args: { event: E }) => boolean>;
}

interface Candidate {
  guard?: string;
}
type StateConfig = { on?: Record<string, Candidate | Candidate[]>; states?: Record<string, StateConfig> };

/** The transitions that could take this event in this state, deepest state first (as XState tries them). */
function candidates(config: unknown, value: StateValue, type: string): Candidate[] {
  const found: Candidate[] = [];
  const path: StateConfig[] = [];
  let node = config as StateConfig;
  let current: StateValue = value;
  for (;;) {
    const key: string = typeof current === 'string' ? current : Object.keys(current)[0];
    const child: StateConfig | undefined = node.states?.[key];
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
export function explainWith<E extends { type: string }, G extends string>(
  rules: MachineRules<E, G>,
  value: StateValue,
  event: E,
  options: { payloadKnown?: boolean } = {},
): { handled: boolean; unmet: Reason | null } {
  const found = candidates(rules.config, value, event.type);
  if (found.length === 0) return { handled: false, unmet: null };
  let firstUnmet: Reason | null = null;
  for (const candidate of found) {
    const conditions = (candidate.guard ? rules.transitionGuards[candidate.guard] : []).filter(
      (c) => options.payloadKnown !== false || !rules.payloadConditions.has(c),
    );
    const unmet = conditions.map((c) => rules.conditions[c](event)).find((reason) => reason !== null) ?? null;
    if (unmet === null) return { handled: true, unmet: null };
    firstUnmet ??= unmet;
  }
  return { handled: true, unmet: firstUnmet };
}

/** One action a user could take now: enabled, or disabled with the reason; and what its dialog asks for. */
export interface AvailableEventOf<T extends string, P extends string> {
  type: T;
  enabled: boolean;
  /** Why it is disabled (a condition on the data); payload conditions are the dialog's job. */
  reason: Reason | null;
  payload: P[];
}

/** The events (already filtered to those the actor may fire) that this state handles, with their reasons. */
export function availableWith<E extends { type: string }, G extends string, P extends string>(
  rules: MachineRules<E, G>,
  value: StateValue,
  permitted: readonly E['type'][],
  eventOf: (type: E['type']) => E,
  payloads: Record<E['type'], P[]>,
): AvailableEventOf<E['type'], P>[] {
  return permitted
    .map((type) => ({ type, explanation: explainWith(rules, value, eventOf(type), { payloadKnown: false }) }))
    .filter(({ explanation }) => explanation.handled)
    .map(({ type, explanation }) => ({ type, enabled: explanation.unmet === null, reason: explanation.unmet, payload: payloads[type] }));
}
