export { BENCHMARK_ROUTES } from './lib/benchmarks.routes';
// For other features that list benchmarks (My tasks): the same state chip, stage words and loading.
export { BenchmarkStateChip } from './lib/benchmark-state-chip';
export { peerReviewStageLabel } from './lib/benchmark-state-label';
export { LOADING, loadEach, type LoadState } from './lib/load-state';
export { DisplayDatePipe } from './lib/display-date.pipe';
