// The benchmark domain's own words and widgets that other features show (the shared UI kit is
// '@bt/web/ui'). The routes are '@bt/web/benchmarks/routes': what other features import from here must
// not bring the list page along.
// For other features that list benchmarks (My tasks): the same state chip and stage words.
export { BenchmarkStateChip } from './lib/benchmark-state-chip';
export { benchmarkStateLabel, peerReviewStageLabel } from './lib/benchmark-state-label';
// For the chapter overview and the consideration figures: the scope, the grade badges and the words for voices.
export { CATALOGUE_SCOPE } from './lib/catalogue-scope';
export { GradeBadge } from './lib/assessments/grade-badge';
export { voiceLabel } from './lib/assessments/voice-labels';
export { preparationLabel } from './lib/assessment-grades';
// For the inbox: the ministry's decisions on proposals in words.
export { decisionLabel } from './lib/dialogue/proposal-decisions';
