// Markdown shown sanitised (evidence narratives, consultation replies and summaries, mission
// findings): an entry point of its own, so that marked downloads only with the pages that show Markdown.
export { EvidenceNarrative, EvidenceNarrative as MarkdownText } from './lib/markdown/markdown-text';
