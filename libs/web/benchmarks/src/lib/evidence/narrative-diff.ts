import { diffWords } from 'diff';

/** A piece of a narrative diff: unchanged, added or removed words (shown as text, never as HTML). */
export interface DiffPart {
  readonly text: string;
  readonly change: 'same' | 'added' | 'removed';
}

/** How one version's narrative differs from the one before, word by word. */
export function narrativeDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}
