import { getSimplePaths } from '@xstate/graph';
import { createActor, transition } from 'xstate';
import { type BenchmarkEvent, type BenchmarkFacts, benchmarkMachine } from './benchmark-machine';
import { availableEvents, explainEvent, topState, type WorkflowActor } from './benchmark-rules';

const ready: BenchmarkFacts = {
  sharedEvidenceCount: 1,
  unansweredProposalCount: 0,
  mission: { startDate: '2026-01-10', endDate: '2026-01-12', expertCount: 1, hasReport: true },
  missionRequired: false,
  today: '2026-02-01',
};
const assessment = { preparation: 'some_level', progress: 'good_progress', text: 'Good progress on the legal framework.' } as const;
const mission = { startDate: '2026-01-10', endDate: '2026-01-12', expertIds: ['e1'] };

const commission: WorkflowActor = { roles: new Set(['commission']), coordinator: false, countryCode: null, assignedExpert: false };
const coordinator: WorkflowActor = { roles: new Set(['ministry']), coordinator: true, countryCode: 'RS', assignedExpert: false };

function run(...events: BenchmarkEvent[]) {
  let snapshot = benchmarkMachine.resolveState({ value: 'draft', context: {} });
  for (const event of events) [snapshot] = transition(benchmarkMachine, snapshot, event);
  return snapshot;
}

describe('the benchmark machine', () => {
  it('goes draft → submitted → peer review (planned → fieldwork → reported) → accepted', () => {
    const snapshot = run(
      { type: 'SUBMIT', facts: ready },
      { type: 'START_PEER_REVIEW', mission, facts: ready },
      { type: 'BEGIN_FIELDWORK', facts: ready },
      { type: 'SUBMIT_MISSION_REPORT', facts: ready },
      { type: 'ACCEPT', assessment, facts: ready },
    );
    expect(snapshot.value).toBe('accepted');
  });

  it('refuses SUBMIT without shared evidence or with an unanswered proposal, and says why', () => {
    expect(run({ type: 'SUBMIT', facts: { ...ready, sharedEvidenceCount: 0 } }).value).toBe('draft');
    expect(explainEvent('draft', { type: 'SUBMIT', facts: { ...ready, sharedEvidenceCount: 0 } }).unmet?.code).toBe('workflow.shared-evidence-needed');
    expect(explainEvent('draft', { type: 'SUBMIT', facts: { ...ready, unansweredProposalCount: 2 } }).unmet?.params).toEqual({ count: 2, excerpts: '' });
  });

  it('accepts from peer review only once the mission has reported', () => {
    const planned = run({ type: 'SUBMIT', facts: ready }, { type: 'START_PEER_REVIEW', mission, facts: ready });
    expect(planned.value).toEqual({ peerReview: 'planned' });
    const [after] = transition(benchmarkMachine, planned, { type: 'ACCEPT', assessment, facts: ready });
    expect(after.value).toEqual({ peerReview: 'planned' });
    expect(explainEvent(planned.value, { type: 'ACCEPT', assessment, facts: ready })).toEqual({
      handled: true,
      unmet: { code: 'workflow.mission-not-reported', params: {}, message: 'the peer-review mission has not reported yet' },
    });
  });

  it('accepts straight from submitted only where no mission is required', () => {
    const submitted = run({ type: 'SUBMIT', facts: ready });
    expect(transition(benchmarkMachine, submitted, { type: 'ACCEPT', assessment, facts: ready })[0].value).toBe('accepted');
    expect(transition(benchmarkMachine, submitted, { type: 'ACCEPT', assessment, facts: { ...ready, missionRequired: true } })[0].value).toBe('submitted');
  });

  it('does not accept while a proposal posted after SUBMIT is unanswered (it could not be answered afterwards)', () => {
    const waiting = { ...ready, unansweredProposalCount: 1, unansweredProposals: ['Publish the figures per court.'] };
    const submitted = run({ type: 'SUBMIT', facts: ready });
    expect(transition(benchmarkMachine, submitted, { type: 'ACCEPT', assessment, facts: waiting })[0].value).toBe('submitted');
    expect(explainEvent('submitted', { type: 'ACCEPT', assessment, facts: waiting }).unmet?.message).toBe(
      'civil-society proposals still need a reasoned answer: 1 ("Publish the figures per court.")',
    );
    const reported = run(
      { type: 'SUBMIT', facts: ready },
      { type: 'START_PEER_REVIEW', mission, facts: ready },
      { type: 'BEGIN_FIELDWORK', facts: ready },
      { type: 'SUBMIT_MISSION_REPORT', facts: ready },
    );
    expect(transition(benchmarkMachine, reported, { type: 'ACCEPT', assessment, facts: waiting })[0].value).toEqual({ peerReview: 'reported' });
  });

  it('does not begin fieldwork before the mission starts', () => {
    const planned = run({ type: 'SUBMIT', facts: ready }, { type: 'START_PEER_REVIEW', mission, facts: ready });
    const early = { ...ready, today: '2026-01-09' };
    expect(explainEvent(planned.value, { type: 'BEGIN_FIELDWORK', facts: early }).unmet).toEqual({
      code: 'workflow.mission-not-started',
      params: { date: '2026-01-10' },
      message: 'the mission starts on 2026-01-10',
    });
  });

  it('needs a comment to request changes and a justification to reopen', () => {
    const submitted = run({ type: 'SUBMIT', facts: ready });
    expect(transition(benchmarkMachine, submitted, { type: 'REQUEST_CHANGES', comment: '  ', facts: ready })[0].value).toBe('submitted');
    expect(transition(benchmarkMachine, submitted, { type: 'REQUEST_CHANGES', comment: 'Add statistics', facts: ready })[0].value).toBe('draft');
    const accepted = run({ type: 'SUBMIT', facts: ready }, { type: 'ACCEPT', assessment, facts: ready });
    expect(explainEvent(accepted.value, { type: 'REOPEN', facts: ready }).unmet?.code).toBe('workflow.justification-needed');
  });

  it('says an event is not handled at all in a state (a 409, not a 422)', () => {
    expect(explainEvent('draft', { type: 'ACCEPT', assessment, facts: ready }).handled).toBe(false);
    expect(explainEvent('accepted', { type: 'SUBMIT', facts: ready }).handled).toBe(false);
  });

  it("lists each actor's events: enabled, or disabled with the reason", () => {
    expect(availableEvents('draft', coordinator, 'RS', { ...ready, sharedEvidenceCount: 0 })).toEqual([
      {
        type: 'SUBMIT',
        enabled: false,
        reason: { code: 'workflow.shared-evidence-needed', params: {}, message: 'at least one evidence item shared with reviewers is needed' },
        payload: [],
      },
    ]);
    expect(availableEvents('draft', { ...coordinator, countryCode: 'AL' }, 'RS', ready)).toEqual([]);
    expect(availableEvents('submitted', commission, 'RS', ready).map((e) => [e.type, e.enabled])).toEqual([
      ['REQUEST_CHANGES', true],
      ['START_PEER_REVIEW', true],
      ['ACCEPT', true],
    ]);
  });

  it('reaches every state by some simple path when the data allows it', () => {
    const events: BenchmarkEvent[] = [
      { type: 'SUBMIT', facts: ready },
      { type: 'REQUEST_CHANGES', comment: 'More data', facts: ready },
      { type: 'START_PEER_REVIEW', mission, facts: ready },
      { type: 'BEGIN_FIELDWORK', facts: ready },
      { type: 'SUBMIT_MISSION_REPORT', facts: ready },
      { type: 'ACCEPT', assessment, facts: ready },
      { type: 'REOPEN', justification: 'Updated interim benchmarks', facts: ready },
    ];
    const paths = getSimplePaths(benchmarkMachine, { events });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect(reached).toEqual(
      new Set(['"draft"', '"submitted"', '{"peerReview":"planned"}', '{"peerReview":"fieldwork"}', '{"peerReview":"reported"}', '"accepted"']),
    );
    expect(topState({ peerReview: 'fieldwork' })).toBe('peerReview');
  });

  it('runs as an actor too (the web app may use it that way)', () => {
    const actor = createActor(benchmarkMachine).start();
    actor.send({ type: 'SUBMIT', facts: ready });
    expect(actor.getSnapshot().value).toBe('submitted');
    actor.stop();
  });
});
