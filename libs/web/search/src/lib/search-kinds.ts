import type { SearchKind } from '@bt/contracts';

/** A heading for each group of results (a Record: a new kind fails the build until it has words). */
const KIND_LABELS: Record<SearchKind, string> = {
  benchmark: $localize`:Heading of a group of search results@@search.kind.benchmark:Benchmarks`,
  sub_requirement: $localize`:Heading of a group of search results@@search.kind.subRequirement:Sub-requirements`,
  evidence: $localize`:Heading of a group of search results@@search.kind.evidence:Evidence`,
  file: $localize`:Heading of a group of search results@@search.kind.file:Evidence files`,
  proposal: $localize`:Heading of a group of search results@@search.kind.proposal:Proposals and comments`,
};

export function kindLabel(kind: SearchKind): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Where a result opens: its benchmark, on the tab that shows it. */
export function resultLink(kind: SearchKind, benchmarkCode: string): { path: string[]; tab: string | null } {
  const tab = kind === 'evidence' || kind === 'file' ? 'evidence' : kind === 'proposal' ? 'dialogue' : null;
  return { path: ['/benchmarks', benchmarkCode], tab };
}
