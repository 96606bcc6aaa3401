import { BENCHMARK_STATES, isBenchmarkState } from './benchmark-state';

describe('benchmark states', () => {
  it('are the four workflow states, in order', () => {
    expect(BENCHMARK_STATES).toEqual(['draft', 'submitted', 'peerReview', 'accepted']);
  });

  it('recognises a state and refuses anything else', () => {
    expect(isBenchmarkState('peerReview')).toBe(true);
    expect(isBenchmarkState('closed')).toBe(false);
    expect(isBenchmarkState(undefined)).toBe(false);
  });
});
