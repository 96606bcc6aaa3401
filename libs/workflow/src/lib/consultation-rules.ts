import type { StateValue } from 'xstate';
import {
  CONSULTATION_EVENTS,
  CONSULTATION_GUARDS,
  CONSULTATION_TRANSITION_GUARDS,
  type ConsultationEvent,
  type ConsultationEventType,
  type ConsultationFacts,
  type ConsultationGuard,
  consultationMachine,
} from './consultation-machine';
import { type AvailableEventOf, availableWith, explainWith, type MachineRules } from './machine-rules';
import { type Reason, unmet } from './reasons';
import type { Role } from './roles';

/** Who is acting on a consultation, as far as its workflow cares. */
export interface ConsultationActor {
  roles: ReadonlySet<Role>;
}

/** Who may fire each event: the Commission runs a written consultation. */
export const CONSULTATION_EVENT_ROLES: Record<ConsultationEventType, { may: (a: ConsultationActor) => boolean }> = {
  OPEN: { may: (a) => a.roles.has('commission') },
  RETURN_TO_DRAFT: { may: (a) => a.roles.has('commission') },
  CLOSE: { may: (a) => a.roles.has('commission') },
  REOPEN: { may: (a) => a.roles.has('commission') },
  SUMMARISE: { may: (a) => a.roles.has('commission') },
  PUBLISH: { may: (a) => a.roles.has('commission') },
};

export type ConsultationPayload = 'deadline';

/** What each event carries besides its type; the web app builds its dialog from this. */
export const CONSULTATION_EVENT_PAYLOADS: Record<ConsultationEventType, ConsultationPayload[]> = {
  OPEN: [],
  RETURN_TO_DRAFT: [],
  CLOSE: [],
  REOPEN: ['deadline'],
  SUMMARISE: [],
  PUBLISH: [],
};

const RULES: MachineRules<ConsultationEvent, ConsultationGuard> = {
  get config() {
    return consultationMachine.config;
  },
  conditions: CONSULTATION_GUARDS,
  transitionGuards: CONSULTATION_TRANSITION_GUARDS,
  payloadConditions: new Set<ConsultationGuard>(['newDeadlineAhead']),
};

export function mayFireConsultation(actor: ConsultationActor, type: ConsultationEventType): Reason | null {
  return CONSULTATION_EVENT_ROLES[type].may(actor) ? null : unmet('workflow.only-commission');
}

/** Whether the state handles this event at all (else 409), and if so the first unmet condition (else 422). */
export function explainConsultationEvent(value: StateValue, event: ConsultationEvent, options: { payloadKnown?: boolean } = {}) {
  return explainWith(RULES, value, event, options);
}

export type AvailableConsultationEvent = AvailableEventOf<ConsultationEventType, ConsultationPayload>;

/** The events this actor could fire in this state: enabled ones, and disabled ones with the reason. */
export function availableConsultationEvents(value: StateValue, actor: ConsultationActor, facts: ConsultationFacts): AvailableConsultationEvent[] {
  const permitted = CONSULTATION_EVENTS.filter((type) => mayFireConsultation(actor, type) === null);
  return availableWith(RULES, value, permitted, (type) => ({ type, facts }) as ConsultationEvent, CONSULTATION_EVENT_PAYLOADS);
}
