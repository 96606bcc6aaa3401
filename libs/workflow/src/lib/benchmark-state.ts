/** The top-level states of a benchmark's workflow, as stored in the readable `state` column. */
export const BENCHMARK_STATES = ['draft', 'submitted', 'peerReview', 'accepted'] as const;

export type BenchmarkState = (typeof BENCHMARK_STATES)[number];

export function isBenchmarkState(value: unknown): value is BenchmarkState {
  return typeof value === 'string' && (BENCHMARK_STATES as readonly string[]).includes(value);
}
