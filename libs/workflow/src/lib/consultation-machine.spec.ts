import { getShortestPaths } from '@xstate/graph';
import { transition } from 'xstate';
import { type ConsultationEvent, type ConsultationFacts, consultationMachine } from './consultation-machine';
import { availableConsultationEvents, explainConsultationEvent, mayFireConsultation } from './consultation-rules';

const ready: ConsultationFacts = {
  questionCount: 3,
  emptyTopicCount: 0,
  recipientCount: 6,
  deadline: '2026-06-01T00:00:00Z',
  unsummarisedCount: 0,
  sentReplyCount: 0,
  now: '2026-05-01T00:00:00Z',
};
const commission = { roles: new Set(['commission'] as const) };
const ministry = { roles: new Set(['ministry'] as const) };

function run(...events: ConsultationEvent[]) {
  let snapshot = consultationMachine.resolveState({ value: 'draft', context: {} });
  for (const event of events) [snapshot] = transition(consultationMachine, snapshot, event);
  return snapshot;
}

describe('the written-consultation machine', () => {
  it('goes draft → open → closed → summarised → published', () => {
    const snapshot = run(
      { type: 'OPEN', facts: ready },
      { type: 'CLOSE', facts: ready },
      { type: 'SUMMARISE', facts: ready },
      { type: 'PUBLISH', facts: ready },
    );
    expect(snapshot.value).toBe('published');
  });

  it('opens only with questions in every topic, a recipient and a deadline ahead, and says why not', () => {
    expect(explainConsultationEvent('draft', { type: 'OPEN', facts: { ...ready, questionCount: 0 } }).unmet?.code).toBe('workflow.question-needed');
    expect(explainConsultationEvent('draft', { type: 'OPEN', facts: { ...ready, emptyTopicCount: 1 } }).unmet).toEqual({
      code: 'workflow.topics-without-question',
      params: { count: 1 },
      message: 'topics without a question yet: 1',
    });
    expect(explainConsultationEvent('draft', { type: 'OPEN', facts: { ...ready, recipientCount: 0 } }).unmet?.code).toBe('workflow.recipient-needed');
    expect(explainConsultationEvent('draft', { type: 'OPEN', facts: { ...ready, deadline: '2026-04-01T00:00:00Z' } }).unmet?.code).toBe(
      'workflow.deadline-not-ahead',
    );
    expect(run({ type: 'OPEN', facts: { ...ready, deadline: null } }).value).toBe('draft');
  });

  it('does not publish while open (not handled: 409) nor before every question is summarised (422)', () => {
    expect(explainConsultationEvent('open', { type: 'PUBLISH', facts: ready })).toEqual({ handled: false, unmet: null });
    expect(explainConsultationEvent('closed', { type: 'SUMMARISE', facts: { ...ready, unsummarisedCount: 2 } }).unmet?.params).toEqual({ count: 2 });
  });

  it('reopens only with a new deadline ahead', () => {
    expect(explainConsultationEvent('closed', { type: 'REOPEN', facts: ready }).unmet?.code).toBe('workflow.new-deadline-needed');
    expect(explainConsultationEvent('closed', { type: 'REOPEN', deadline: '2026-05-20T00:00:00Z', facts: ready })).toEqual({ handled: true, unmet: null });
    expect(explainConsultationEvent('summarised', { type: 'REOPEN', deadline: '2026-04-20T00:00:00Z', facts: ready }).unmet?.code).toBe(
      'workflow.new-deadline-needed',
    );
  });

  it('lets only the Commission fire events, and lists them with reasons (payload conditions left to the dialog)', () => {
    expect(mayFireConsultation(ministry, 'OPEN')?.message).toBe('only the Commission may do this');
    expect(availableConsultationEvents('closed', commission, { ...ready, unsummarisedCount: 1 })).toEqual([
      { type: 'REOPEN', enabled: true, reason: null, payload: ['deadline'] },
      {
        type: 'SUMMARISE',
        enabled: false,
        reason: { code: 'workflow.questions-unsummarised', params: { count: 1 }, message: 'questions still without a summary: 1' },
        payload: [],
      },
    ]);
    expect(availableConsultationEvents('open', ministry, ready)).toEqual([]);
  });

  it('reaches every state', () => {
    const events: ConsultationEvent[] = ['OPEN', 'RETURN_TO_DRAFT', 'CLOSE', 'SUMMARISE', 'PUBLISH'].map(
      (type) => ({ type, facts: ready }) as ConsultationEvent,
    );
    events.push({ type: 'REOPEN', deadline: '2026-05-20T00:00:00Z', facts: ready });
    const reached = getShortestPaths(consultationMachine, { events }).map((p) => p.state.value);
    expect(new Set(reached)).toEqual(new Set(['draft', 'open', 'closed', 'summarised', 'published']));
  });
});
