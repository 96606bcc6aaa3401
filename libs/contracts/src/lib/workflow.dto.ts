import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
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

export const EVIDENCE_VISIBILITIES = ['internal', 'shared', 'public'] as const;
export type EvidenceVisibility = (typeof EVIDENCE_VISIBILITIES)[number];

export const PROPOSAL_DECISIONS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

export class AssessmentRequest {
  @IsIn(PREPARATION_GRADES, { message: `preparation must be one of ${PREPARATION_GRADES.join(', ')}` })
  preparation!: PreparationGrade;

  @IsIn(PROGRESS_GRADES, { message: `progress must be one of ${PROGRESS_GRADES.join(', ')}` })
  progress!: ProgressGrade;

  @IsString()
  @MaxLength(10_000)
  text!: string;
}

export class MissionPlanRequest {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date such as 2026-03-01' })
  startDate!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endDate must be a date such as 2026-03-05' })
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
  voice: 'commission' | 'ministry' | 'civil_society';
  period: string;
  preparation: PreparationGrade;
  progress: ProgressGrade;
  text: string;
  author: string;
  createdAt: string;
}

export class CreateEvidenceRequest {
  @IsString()
  @MaxLength(300)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  narrative?: string;

  @IsIn(EVIDENCE_VISIBILITIES, { message: `visibility must be one of ${EVIDENCE_VISIBILITIES.join(', ')}` })
  visibility!: EvidenceVisibility;
}

export interface EvidenceDto {
  id: string;
  benchmarkId: string;
  title: string;
  narrative: string;
  visibility: EvidenceVisibility;
  author: string;
  createdAt: string;
}

export class CreateProposalRequest {
  @IsString()
  @MaxLength(20_000)
  text!: string;
}

export class ProposalResponseRequest {
  @IsIn(PROPOSAL_DECISIONS, { message: `decision must be one of ${PROPOSAL_DECISIONS.join(', ')}` })
  decision!: ProposalDecision;

  @IsString()
  @MaxLength(20_000)
  reasoning!: string;
}

export interface ProposalDto {
  id: string;
  benchmarkId: string;
  text: string;
  author: string;
  organisation: string;
  createdAt: string;
  /** The latest answer; earlier versions stay in `answers`. */
  answer: { decision: ProposalDecision; reasoning: string; author: string; createdAt: string } | null;
  answers: { decision: ProposalDecision; reasoning: string; author: string; createdAt: string }[];
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
}
