import { getSimplePaths } from '@xstate/graph';
import { transition } from 'xstate';
import { type BenchmarkEvent, type BenchmarkFacts, benchmarkMachine } from './benchmark-machine';
import { consultationMachine } from './consultation-machine';
import { nextSnapshot } from './next-snapshot';

const ready: BenchmarkFacts = {
  sharedEvidenceCount: 1,
  unansweredProposalCount: 0,
  mission: { startDate: '2026-01-10', endDate: '2026-01-12', expertCount: 1, hasReport: true },
  missionRequired: false,
  today: '2026-02-01',
};
const unready: BenchmarkFacts = { sharedEvidenceCount: 0, unansweredProposalCount: 2, mission: null, missionRequired: true, today: '2026-02-01' };
const payload = {
  comment: 'More data',
  justification: 'Updated interim benchmarks',
  mission: { startDate: '2026-01-10', endDate: '2026-01-12', expertIds: ['e1'] },
  assessment: { preparation: 'some_level', progress: 'good_progress', text: 'Good progress.' },
};
const types: BenchmarkEvent['type'][] = ['SUBMIT', 'REQUEST_CHANGES', 'START_PEER_REVIEW', 'BEGIN_FIELDWORK', 'SUBMIT_MISSION_REPORT', 'ACCEPT', 'REOPEN'];

describe('nextSnapshot', () => {
  it('answers as xstate’s transition in every state of the benchmark machine, for every event, guards met or not', () => {
    const happy = types.map((type) => ({ type, ...payload, facts: ready }) as BenchmarkEvent);
    const states = getSimplePaths(benchmarkMachine, { events: happy }).map((p) => p.state);
    expect(states.length).toBeGreaterThanOrEqual(6);
    for (const state of states) {
      for (const facts of [ready, unready]) {
        for (const type of types) {
          for (const event of [
            { type, ...payload, facts },
            { type, facts },
          ] as BenchmarkEvent[]) {
            const [expected] = transition(benchmarkMachine, state, event);
            const next = nextSnapshot(benchmarkMachine, state, event);
            expect(benchmarkMachine.getPersistedSnapshot(next)).toEqual(benchmarkMachine.getPersistedSnapshot(expected));
          }
        }
      }
    }
  });

  it('keeps a scope per machine', () => {
    const draft = consultationMachine.resolveState({ value: 'draft', context: {} } as never);
    for (const type of ['PUBLISH', 'CLOSE', 'NONE']) {
      const event = { type } as never;
      const next = nextSnapshot(consultationMachine, draft, event);
      expect(consultationMachine.getPersistedSnapshot(next)).toEqual(
        consultationMachine.getPersistedSnapshot(transition(consultationMachine, draft, event)[0]),
      );
      expect(next.machine).toBe(consultationMachine);
    }
  });
});
