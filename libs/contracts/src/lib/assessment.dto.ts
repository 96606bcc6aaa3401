import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { BenchmarkState, PreparationGrade, ProgressGrade } from '@bt/workflow';
import { AssessmentRequest, type AssessmentDto } from './workflow.dto';
import { ASSESSMENT_PERIOD, type AssessmentVoice } from './workflow.values';

/** An assessment recorded outside ACCEPT: the caller's role decides the voice (Commission, ministry, CSO). */
export class RecordAssessmentRequest extends AssessmentRequest {
  /** A CSO's shadow assessment only: the monitoring project it comes from, one its organisation implements in the benchmark's country. */
  @IsOptional()
  @IsUUID('all', { message: 'sourceProjectId must be the id of an assistance project' })
  sourceProjectId?: string;
}

/** Query of a chapter's figures (`GET /api/overview/figures`). */
export class ChapterFiguresQuery {
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country!: string;

  @Matches(/^\d{1,2}$/, { message: 'chapter must be a whole number such as 24' })
  chapter!: string;

  /** The reporting period; the latest one with an assessment when left out. */
  @IsOptional()
  @Matches(ASSESSMENT_PERIOD, { message: 'period must be a year such as 2026, or 2026-H1 / 2026-Q3' })
  period?: string;
}

/** Query of the chapter overview: a chapter's scope and period, and a page of its benchmarks. */
export class OverviewQuery extends ChapterFiguresQuery {
  /** The code of the last benchmark of the rows before (their `next`): these rows start after it. */
  @IsOptional()
  @Matches(/^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}$/, { message: 'after must be a benchmark code such as RS-24-MIG-02' })
  after?: string;

  /** Benchmarks per answer (default 50). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** A chapter in figures: its benchmarks per area and state, and the grades of each voice's current assessments for one period. */
export interface ChapterFiguresDto {
  country: string;
  chapter: number;
  period: string;
  /** Every period with an assessment the caller may see, newest first. */
  periods: string[];
  /** In catalogue order. */
  areas: { code: string; title: string; total: number; states: Record<BenchmarkState, number> }[];
  /** Per voice with an assessment the caller may see: how many give each grade (a grade no one gives is absent). */
  voices: {
    voice: AssessmentVoice;
    /** Current assessments of the period (a CSO's each count). */
    assessments: number;
    preparation: Partial<Record<PreparationGrade, number>>;
    progress: Partial<Record<ProgressGrade, number>>;
  }[];
}

/** The three voices on a benchmark for one period: the current assessment of each (null: none, or not visible to the caller). */
export interface AssessmentVoicesDto {
  commission: AssessmentDto | null;
  ministry: AssessmentDto | null;
  /** One per CSO that recorded a shadow assessment. */
  civilSociety: AssessmentDto[];
}

/** Every assessment of a benchmark the caller may see, newest first, and the current ones per period. */
export interface BenchmarkAssessmentsDto {
  history: AssessmentDto[];
  periods: ({ period: string } & AssessmentVoicesDto)[];
}

/** An assessment as the overview's grid shows it: whose, and its two grades (its reasoning is on the benchmark's page). */
export type OverviewGradeDto = Omit<AssessmentDto, 'text' | 'author'>;

/** The current grades of the three voices on a benchmark for one period (null: none, or not visible to the caller). */
export interface OverviewVoicesDto {
  commission: OverviewGradeDto | null;
  ministry: OverviewGradeDto | null;
  civilSociety: OverviewGradeDto[];
}

/** A page of a chapter's benchmarks × the three voices, for one period, in catalogue order. */
export interface ChapterOverviewDto {
  country: string;
  chapter: number;
  period: string;
  /** Every period with an assessment the caller may see, newest first. */
  periods: string[];
  rows: ({ benchmark: { id: string; code: string; state: BenchmarkState; area: string; areaTitle: string } } & OverviewVoicesDto)[];
  /** What to send as `after` for the rows that follow; null after the chapter's last benchmark. */
  next: string | null;
}
