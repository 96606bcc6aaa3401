// Markdown shown sanitised (consultation replies and summaries, mission findings): an entry point of
// its own, so that marked downloads with the pages that show Markdown and not with every importer of
// '@bt/web/benchmarks'.
export { EvidenceNarrative as MarkdownText } from './lib/evidence/evidence-narrative';
