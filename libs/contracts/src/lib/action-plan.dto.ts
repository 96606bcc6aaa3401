import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { HasAtMostDecimals, IsOmittable } from './field-rules';
import { IsCalendarDay } from './calendar-day';
import { ACTIVITY_STATUSES, type ActivityStatus, CORRECTIVE_MEASURE_STATUSES, type CorrectiveMeasureStatus } from './action-plan.values';

const CURRENCY = /^[A-Z]{3}$/;

export interface ActivityProgressNoteDto {
  id: string;
  text: string;
  author: string;
  createdAt: string;
}

export interface CorrectiveMeasureDto {
  id: string;
  activityId: string | null;
  benchmarkId: string;
  what: string;
  responsible: string;
  dueDate: string;
  status: CorrectiveMeasureStatus;
  createdBy: string;
  createdAt: string;
  /** A peer-review recommendation this measure answers, when there is one. */
  recommendationId: string | null;
}

/** A corrective measure made of a peer-review recommendation: it answers the mission, not a late activity. */
export interface RecommendationMeasureDto extends CorrectiveMeasureDto {
  benchmarkCode: string;
  country: string;
  area: { code: string; title: string };
  /** The mission it comes from, for those who see the mission (the Commission, its experts, the host ministry); else null. */
  mission: { id: string; title: string } | null;
  /** The recommendation's own follow-up status (open, in progress, implemented, not implemented). */
  recommendationStatus: string;
}

export interface ActivityBudgetDto {
  amount: number;
  currency: string;
  source: string;
}

export interface ActionActivityDto {
  id: string;
  benchmarkId: string;
  benchmarkCode: string;
  country: string;
  area: { code: string; title: string };
  code: string;
  title: string;
  responsibleInstitution: string;
  deadline: string;
  budget: ActivityBudgetDto | null;
  status: ActivityStatus;
  /** Deadline passed and not completed (computed on every read). */
  overdue: boolean;
  version: number;
  progressNotes: ActivityProgressNoteDto[];
  correctiveMeasures: CorrectiveMeasureDto[];
}

/** The dashboard's counts of the activities this caller may see. */
export interface ActionPlanSummaryDto {
  total: number;
  byStatus: Record<ActivityStatus, number>;
  overdue: number;
  withCorrectiveMeasure: number;
  areas: { code: string; title: string; total: number; completed: number; overdue: number }[];
}

/** Query of `GET /api/action-plan/activities`: every filter optional. */
export class ActionPlanQuery {
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2,5}$/, { message: 'area must be an area code such as MIG' })
  area?: string;

  /** A benchmark code such as RS-24-MIG-02. */
  @IsOptional()
  @Matches(/^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}$/, { message: 'benchmark must be a benchmark code such as RS-24-MIG-02' })
  benchmark?: string;

  @IsOptional()
  @IsIn(ACTIVITY_STATUSES, { message: `status must be one of ${ACTIVITY_STATUSES.join(', ')}` })
  status?: ActivityStatus;

  /** Words of the responsible institution's name. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  institution?: string;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

/** Query of `GET /api/action-plan/summary`. */
export class ActionPlanSummaryQuery {
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;
}

/** An activity's budget as a new activity and a correction send it: all three of amount, currency and source, or none. */
export class ActivityBudgetFields {
  @IsOptional()
  @Type(() => Number)
  @HasAtMostDecimals(2, 'budgetAmount must be a number with at most two decimals')
  @Min(0)
  @Max(1e15) // far above any real figure, within numeric(18,2) and exact as a JS number
  budgetAmount?: number;

  @IsOptional()
  @Matches(CURRENCY, { message: 'budgetCurrency must be a three-letter currency code such as EUR' })
  budgetCurrency?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  budgetSource?: string;
}

/** `POST /api/benchmarks/:id/activities`. A budget is all three of amount, currency and source, or none. */
export class CreateActivityRequest extends ActivityBudgetFields {
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9.\-/]{0,39}$/, { message: 'code must be up to 40 letters, digits, dots, dashes or slashes, such as 6.2.1' })
  code!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  responsibleInstitution!: string;

  @IsCalendarDay('deadline', '2026-12-31')
  deadline!: string;

  @IsOptional()
  @IsIn(ACTIVITY_STATUSES, { message: `status must be one of ${ACTIVITY_STATUSES.join(', ')}` })
  status?: ActivityStatus;
}

/** `PATCH /api/activities/:id`: the fields to change and the version the caller saw (409 when stale). */
export class UpdateActivityRequest extends ActivityBudgetFields {
  @IsInt()
  @Min(1)
  version!: number;

  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title?: string;

  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  responsibleInstitution?: string;

  @IsOmittable()
  @IsCalendarDay('deadline', '2026-12-31')
  deadline?: string;

  @IsOmittable()
  @IsIn(ACTIVITY_STATUSES, { message: `status must be one of ${ACTIVITY_STATUSES.join(', ')}` })
  status?: ActivityStatus;
}

/** `POST /api/activities/:id/progress-notes`. */
export class ProgressNoteRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text!: string;
}

/** `POST /api/activities/:id/corrective-measures`: what is done about a late activity, by whom, by when. */
export class CorrectiveMeasureRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  what!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  responsible!: string;

  @IsCalendarDay('dueDate', '2026-12-31')
  dueDate!: string;
}

/** `PATCH /api/corrective-measures/:id`. */
export class UpdateCorrectiveMeasureRequest {
  @IsOmittable()
  @IsIn(CORRECTIVE_MEASURE_STATUSES, { message: `status must be one of ${CORRECTIVE_MEASURE_STATUSES.join(', ')}` })
  status?: CorrectiveMeasureStatus;

  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  what?: string;

  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  responsible?: string;

  @IsOmittable()
  @IsCalendarDay('dueDate', '2026-12-31')
  dueDate?: string;
}
