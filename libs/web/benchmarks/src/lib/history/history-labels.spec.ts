import { BENCHMARK_EVENTS } from '@bt/workflow';
import { workflowPositionLabel } from '../benchmark-state-label';
import { historyEntryLabel } from './history-labels';

describe('history entry labels', () => {
  it('names each workflow event in words, in the past tense', () => {
    expect(BENCHMARK_EVENTS.map((event) => historyEntryLabel({ action: `benchmark.${event}`, event }))).toEqual([
      'Submitted to the Commission',
      'Changes requested',
      'Peer review started',
      'Fieldwork begun',
      'Mission report submitted',
      'Accepted',
      'Reopened',
    ]);
  });

  it('names the other things recorded on a benchmark', () => {
    expect(
      ['evidence.created', 'proposal.created', 'proposal.answered', 'mission.report_uploaded'].map((action) => historyEntryLabel({ action, event: null })),
    ).toEqual(['Evidence added', 'Civil-society proposal made', 'Proposal answered', 'Mission report uploaded']);
  });

  it('reads the event from the action when the entry does not carry it', () => {
    expect(historyEntryLabel({ action: 'benchmark.START_PEER_REVIEW', event: null })).toBe('Peer review started');
  });

  it('shows an action it does not know as the API records it, rather than hiding it', () => {
    expect(historyEntryLabel({ action: 'shadow_assessment.created', event: null })).toBe('shadow_assessment.created');
    expect(historyEntryLabel({ action: 'benchmark.ARCHIVE', event: 'ARCHIVE' })).toBe('benchmark.ARCHIVE');
  });

  it('names the states a change moved between, with the peer-review stage', () => {
    expect(['draft', 'submitted', 'peerReview.planned', 'peerReview.fieldwork', 'peerReview.reported', 'accepted'].map(workflowPositionLabel)).toEqual([
      'Draft',
      'Submitted',
      'Peer review (Mission planned)',
      'Peer review (Fieldwork)',
      'Peer review (Mission reported)',
      'Accepted',
    ]);
    expect(workflowPositionLabel('archived')).toBe('archived');
  });
});
