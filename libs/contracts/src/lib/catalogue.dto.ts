import type { BenchmarkState } from '@bt/workflow';
import type { BenchmarkWorkflowDto } from './workflow.dto';

export interface CountryDto {
  code: string;
  name: string;
  note: string | null;
}

export interface ChapterDto {
  number: number;
  title: string;
}

/** An area of one country's chapter, e.g. "Asylum" of Serbia's Chapter 24. */
export interface AreaDto {
  code: string;
  title: string;
  intro: string | null;
  position: number;
  country: string;
  chapter: number;
  benchmarkCount: number;
}

export interface SubRequirementDto {
  id: string;
  code: string;
  position: number;
  /** The official text: the Commission's English. */
  text: string;
  /** A Serbian text (Latin script) where the catalogue has one, shown with the English a click away; never a machine translation. */
  textSr: string | null;
}

/** How long a list's excerpt of a benchmark's text is at most (characters, with the closing "…"). */
export const BENCHMARK_EXCERPT_LENGTH = 200;

/** A benchmark as a list shows it: the opening words of its text (the benchmark itself answers the whole). */
export interface BenchmarkListItemDto
  extends Pick<BenchmarkSummaryDto, 'id' | 'code' | 'country' | 'chapter' | 'area' | 'position' | 'state' | 'subRequirementCount'> {
  /** The text, or its opening words ending in "…" when longer than BENCHMARK_EXCERPT_LENGTH. */
  excerpt: string;
}

export interface BenchmarkSummaryDto {
  id: string;
  code: string;
  country: string;
  chapter: number;
  area: { code: string; title: string };
  position: number;
  text: string;
  state: BenchmarkState;
  version: number;
  subRequirementCount: number;
  updatedAt: string;
}

/** A benchmark with its sub-requirements and, for the caller, its workflow (allowedEvents…). */
export interface BenchmarkDetailDto extends BenchmarkSummaryDto, BenchmarkWorkflowDto {
  area: { code: string; title: string; intro: string | null };
  /** A Serbian text of the benchmark (Latin script) where the catalogue has one; `text` stays the official English. */
  textSr: string | null;
  subRequirements: SubRequirementDto[];
}
