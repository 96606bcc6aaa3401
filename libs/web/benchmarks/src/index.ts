// The routes are '@bt/web/benchmarks/routes' and Markdown '@bt/web/benchmarks/markdown': what other
// features import from here (the chip, labels, loading) must not bring the list page or marked along.
// For other features that list benchmarks (My tasks): the same state chip, stage words and loading.
export { BenchmarkStateChip } from './lib/benchmark-state-chip';
export { benchmarkStateLabel, peerReviewStageLabel } from './lib/benchmark-state-label';
export { LOADING, loadEach, type LoadState } from './lib/load-state';
export { DisplayDatePipe } from './lib/display-date.pipe';
// For every upload form: the server's upload limit in words, and the file picker (a zone to drop on, a button).
export { UploadLimit } from './lib/mission/upload-limit';
export { FileDrop } from './lib/file-drop';
// For the chapter overview and the consideration figures: the scope, the grade badges and the words for voices.
export { CATALOGUE_SCOPE } from './lib/catalogue-scope';
export { GradeBadge } from './lib/assessments/grade-badge';
export { voiceLabel } from './lib/assessments/voice-labels';
export { preparationLabel } from './lib/assessment-grades';
// For the inbox: the ministry's decisions on proposals in words.
export { decisionLabel } from './lib/dialogue/proposal-decisions';
