import { IsOptional, Matches } from 'class-validator';
import type { BenchmarkState } from '@bt/workflow';
import { AssessmentRequest, ASSESSMENT_PERIOD, type AssessmentDto } from './workflow.dto';

/** An assessment recorded outside ACCEPT: the caller's role decides the voice (Commission, ministry, CSO). */
export class RecordAssessmentRequest extends AssessmentRequest {}

/** Query of the chapter overview. */
export class OverviewQuery {
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country!: string;

  @Matches(/^\d{1,2}$/, { message: 'chapter must be a whole number such as 24' })
  chapter!: string;

  /** The reporting period; the latest one with an assessment when left out. */
  @IsOptional()
  @Matches(ASSESSMENT_PERIOD, { message: 'period must be a year such as 2026, or 2026-H1 / 2026-Q3' })
  period?: string;
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

/** A chapter's benchmarks × the three voices, for one period. */
export interface ChapterOverviewDto {
  country: string;
  chapter: number;
  period: string;
  /** Every period with an assessment the caller may see, newest first. */
  periods: string[];
  rows: ({ benchmark: { id: string; code: string; text: string; state: BenchmarkState; area: string; areaTitle: string } } & AssessmentVoicesDto)[];
}
