import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDay } from './calendar-day';
import {
  type AvailableEvent,
  BENCHMARK_EVENTS,
  type BenchmarkEventType,
  type BenchmarkState,
  PREPARATION_GRADES,
  type PreparationGrade,
  PROGRESS_GRADES,
  type ProgressGrade,
} from '@bt/workflow';
import { ASSESSMENT_PERIOD, type AssessmentVoice } from './workflow.values';

export class AssessmentRequest {
  /** The reporting period; ACCEPT takes the current year when it is left out. */
  @IsOptional()
  @Matches(ASSESSMENT_PERIOD, { message: 'period must be a year such as 2026, or 2026-H1 / 2026-Q3' })
  period?: string;

  @IsIn(PREPARATION_GRADES, { message: `preparation must be one of ${PREPARATION_GRADES.join(', ')}` })
  preparation!: PreparationGrade;

  @IsIn(PROGRESS_GRADES, { message: `progress must be one of ${PROGRESS_GRADES.join(', ')}` })
  progress!: ProgressGrade;

  @IsString()
  @MaxLength(10_000)
  text!: string;
}

export class MissionPlanRequest {
  @IsCalendarDay('startDate', '2026-03-01')
  startDate!: string;

  @IsCalendarDay('endDate', '2026-03-05')
  endDate!: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  expertIds!: string[];
}

/** `POST /api/benchmarks/:id/transitions`: the event, the version the caller saw, and the event's payload. */
export class TransitionRequest {
  @IsIn(BENCHMARK_EVENTS, { message: `event must be one of ${BENCHMARK_EVENTS.join(', ')}` })
  event!: BenchmarkEventType;

  @IsInt()
  @Min(1)
  version!: number;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  comment?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  justification?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AssessmentRequest)
  assessment?: AssessmentRequest;

  @IsOptional()
  @ValidateNested()
  @Type(() => MissionPlanRequest)
  mission?: MissionPlanRequest;

  /**
   * The commonest bodies (an event, a version, perhaps a comment or justification), checked without
   * class-validator: the request when `value` is plainly valid by the rules above — never anything
   * they would refuse — else undefined, and the API's ValidationPipe checks it in full and words the
   * refusal. (validation.spec.ts in api-core holds the two to the same answers.)
   */
  static quickCheck(value: unknown): TransitionRequest | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const body = value as Record<string, unknown>;
    for (const key of Object.keys(body)) if (key !== 'event' && key !== 'version' && key !== 'comment' && key !== 'justification') return undefined;
    if (!(BENCHMARK_EVENTS as readonly unknown[]).includes(body['event'])) return undefined;
    const version = body['version'];
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return undefined;
    for (const text of [body['comment'], body['justification']]) {
      if (text !== undefined && (typeof text !== 'string' || text.length > 10_000)) return undefined;
    }
    return Object.assign(new TransitionRequest(), body);
  }
}

export interface TransitionResultDto {
  state: BenchmarkState;
  stage: string | null;
  version: number;
}

export interface HistoryEventDto {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  event: string | null;
  from: string | null;
  to: string | null;
  comment: string | null;
}

/** The workflow part of a benchmark's detail, for the signed-in caller. */
export interface BenchmarkWorkflowDto {
  /** Peer-review stage: planned, fieldwork, reported; null outside peer review. */
  stage: string | null;
  /** What this caller may fire now. */
  allowedEvents: BenchmarkEventType[];
  /** The events this caller could fire in this state, with the reason when not now. */
  availableEvents: AvailableEvent[];
  mission: MissionDto | null;
  latestAssessment: AssessmentDto | null;
  /**
   * While a benchmark is back in draft because the Commission requested changes: who asked, when,
   * and their comment (to those who take part, as the history shows comments); otherwise null.
   */
  changesRequested?: { by: string | null; at: string; comment: string | null } | null;
}

export interface MissionDto {
  id: string;
  startDate: string;
  endDate: string;
  experts: { id: string; displayName: string }[];
  report: { fileName: string; sha256: string; size: number; uploadedAt: string } | null;
}

export interface AssessmentDto {
  id: string;
  voice: AssessmentVoice;
  /** The organisation whose voice it is (the Commission, the ministry, a CSO). */
  organisation: string;
  organisationId: string;
  period: string;
  preparation: PreparationGrade;
  progress: ProgressGrade;
  text: string;
  author: string;
  createdAt: string;
  /** The monitoring project a CSO's shadow assessment comes from (an assistance project its organisation implements); absent or null: none cited. */
  sourceProject?: { id: string; title: string } | null;
}

export interface ExpertDto {
  id: string;
  displayName: string;
  organisation: string;
  memberState: string | null;
}

/** An item of "My tasks". */
export interface TaskDto {
  kind: 'submit' | 'revise' | 'review' | 'report' | 'answer_proposals';
  benchmark: { id: string; code: string; text: string; state: BenchmarkState; stage: string | null };
  since: string;
  /** On a `revise` task: who asked for the changes, when, and why (as on the benchmark's page). */
  changesRequested?: { by: string | null; at: string; comment: string | null } | null;
}
