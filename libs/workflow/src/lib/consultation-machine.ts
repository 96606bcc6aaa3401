import { setup } from 'xstate';
import { guardsOf } from './machine-rules';
import { type Reason, unmet } from './reasons';

/** Bump when the machine's states change, so stored snapshots of an older shape can be migrated. */
export const CONSULTATION_MACHINE_VERSION = 1;

/** The states of a written consultation, as stored in the readable `state` column. */
export const CONSULTATION_STATES = ['draft', 'open', 'closed', 'summarised', 'published'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/** What the server knows about a consultation when an event arrives (gathered in the transition's transaction). */
export interface ConsultationFacts {
  questionCount: number;
  /** Topics that have no question yet. */
  emptyTopicCount: number;
  recipientCount: number;
  /** The consultation's deadline (ISO), if set. */
  deadline: string | null;
  /** Questions still without a summary draft. */
  unsummarisedCount: number;
  /** Replies already sent: a consultation that has them cannot go back to draft. */
  sentReplyCount: number;
  /** Now where the server is (ISO). */
  now: string;
}

type WithFacts<T> = T & { facts: ConsultationFacts };

export type ConsultationEvent =
  | WithFacts<{ type: 'OPEN' }>
  | WithFacts<{ type: 'RETURN_TO_DRAFT' }>
  | WithFacts<{ type: 'CLOSE' }>
  | WithFacts<{ type: 'REOPEN'; deadline?: string }>
  | WithFacts<{ type: 'SUMMARISE' }>
  | WithFacts<{ type: 'PUBLISH' }>;

export type ConsultationEventType = ConsultationEvent['type'];

export const CONSULTATION_EVENTS: ConsultationEventType[] = ['OPEN', 'RETURN_TO_DRAFT', 'CLOSE', 'REOPEN', 'SUMMARISE', 'PUBLISH'];

const future = (iso: string | null | undefined, now: string) => !!iso && !Number.isNaN(Date.parse(iso)) && Date.parse(iso) > Date.parse(now);

/** Each condition answers null when met, or the unmet condition as a reason (a 422, and the reason beside a disabled button). */
export const CONSULTATION_GUARDS = {
  hasQuestions: (e: ConsultationEvent) => {
    if (e.facts.questionCount === 0) return unmet('workflow.question-needed');
    return e.facts.emptyTopicCount === 0 ? null : unmet('workflow.topics-without-question', { count: e.facts.emptyTopicCount });
  },
  hasRecipients: (e: ConsultationEvent) => (e.facts.recipientCount > 0 ? null : unmet('workflow.recipient-needed')),
  deadlineAhead: (e: ConsultationEvent) => (future(e.facts.deadline, e.facts.now) ? null : unmet('workflow.deadline-not-ahead')),
  noReplySent: (e: ConsultationEvent) => (e.facts.sentReplyCount === 0 ? null : unmet('workflow.replies-already-sent', { count: e.facts.sentReplyCount })),
  newDeadlineAhead: (e: ConsultationEvent) => (e.type === 'REOPEN' && future(e.deadline, e.facts.now) ? null : unmet('workflow.new-deadline-needed')),
  everyQuestionSummarised: (e: ConsultationEvent) =>
    e.facts.unsummarisedCount === 0 ? null : unmet('workflow.questions-unsummarised', { count: e.facts.unsummarisedCount }),
} satisfies Record<string, (e: ConsultationEvent) => Reason | null>;

export type ConsultationGuard = keyof typeof CONSULTATION_GUARDS;

/** Each transition's conditions, all of which must hold; the machine and the explanations share it. */
export const CONSULTATION_TRANSITION_GUARDS: Record<string, ConsultationGuard[]> = {
  open: ['hasQuestions', 'hasRecipients', 'deadlineAhead'],
  returnToDraft: ['noReplySent'],
  close: [],
  reopen: ['newDeadlineAhead'],
  summarise: ['everyQuestionSummarised'],
  publish: ['everyQuestionSummarised'],
};

/**
 * A written consultation: drafted (topics, questions, recipients, deadline), open for replies,
 * closed, summarised per question by the Commission, published. Reopening takes a new deadline;
 * a summarised consultation can be reopened too (late contributions) and summarised again.
 */
export const consultationMachine = /* @__PURE__ */ setup({
  types: { events: {} as ConsultationEvent },
  guards: guardsOf({ conditions: CONSULTATION_GUARDS, transitionGuards: CONSULTATION_TRANSITION_GUARDS }),
}).createMachine({
  id: 'consultation',
  initial: 'draft',
  states: {
    draft: { on: { OPEN: { target: 'open', guard: 'open' } } },
    open: {
      on: {
        CLOSE: { target: 'closed', guard: 'close' },
        RETURN_TO_DRAFT: { target: 'draft', guard: 'returnToDraft' },
      },
    },
    closed: {
      on: {
        REOPEN: { target: 'open', guard: 'reopen' },
        SUMMARISE: { target: 'summarised', guard: 'summarise' },
      },
    },
    summarised: {
      on: {
        REOPEN: { target: 'open', guard: 'reopen' },
        PUBLISH: { target: 'published', guard: 'publish' },
      },
    },
    published: { type: 'final' },
  },
});
