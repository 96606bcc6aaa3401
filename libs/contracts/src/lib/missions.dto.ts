import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsNotBlank, IsOmittable } from './field-rules';
import { IsCalendarDay } from './calendar-day';
import type { StoredFileDto } from './files.dto';
import { MissionPlanRequest } from './workflow.dto';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from './missions.values';

/** `POST /api/missions`: a peer-review mission on one or more benchmarks of one country, with its plan (dates, experts) as START_PEER_REVIEW gives it. */
export class CreateMissionRequest extends MissionPlanRequest {
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  title!: string;

  /** Benchmark codes (RS-24-MIG-02) or ids, all of one country. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsString({ each: true })
  benchmarks!: string[];
}

/**
 * `PATCH /api/missions/:id`: corrects a planned mission; what is left out stays. `benchmarks` and
 * `expertIds` are the whole new lists, not additions.
 */
export class UpdateMissionRequest {
  /** The mission's version the correction was made on (409 when it has changed since). */
  @IsInt()
  @Min(1)
  version!: number;

  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  title?: string;

  /** Benchmark codes or ids of the mission's country. */
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsString({ each: true })
  benchmarks?: string[];

  @IsOmittable()
  @IsCalendarDay('startDate', '2026-03-01')
  startDate?: string;

  @IsOmittable()
  @IsCalendarDay('endDate', '2026-03-05')
  endDate?: string;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  expertIds?: string[];
}

/** `POST /api/missions/:id/meetings` and `PUT /api/missions/:id/meetings/:meetingId`: a meeting of the agenda, within the mission's dates. */
export class MissionMeetingRequest {
  @IsCalendarDay('meetsOn', '2026-03-02')
  meetsOn!: string;

  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  institution!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  participants?: string;
}

export class MissionFindingRequest {
  @IsString()
  @IsNotBlank()
  @MaxLength(50_000)
  text!: string;
}

export class MissionRecommendationRequest {
  /** A benchmark of the mission's scope (code or id). */
  @IsString()
  benchmark!: string;

  @IsString()
  @IsNotBlank()
  @MaxLength(10_000)
  text!: string;

  /** Who is to act on it (an institution). */
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  owner!: string;

  @IsCalendarDay('dueDate', '2026-12-31')
  dueDate!: string;
}

/** `PATCH /api/recommendations/:id`: the follow-up. */
export class RecommendationFollowUpRequest {
  @IsOptional()
  @IsIn(RECOMMENDATION_STATUSES, { message: `status must be one of ${RECOMMENDATION_STATUSES.join(', ')}` })
  status?: RecommendationStatus;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  followUpNote?: string;

  /** The evidence items (of the recommendation's benchmark) that answer it. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

export interface MissionBenchmarkDto {
  id: string;
  code: string;
  text: string;
}

export interface MissionListItemDto {
  id: string;
  title: string;
  countryCode: string;
  startDate: string;
  endDate: string;
  benchmarks: MissionBenchmarkDto[];
  experts: { id: string; displayName: string; memberState: string | null }[];
  reportSubmitted: boolean;
  reportShared: boolean;
  /** Goes up with every correction of title, dates, experts or scope (see `UpdateMissionRequest.version`). */
  version: number;
}

export interface MissionMeetingDto {
  id: string;
  meetsOn: string;
  institution: string;
  participants: string;
}

export interface MissionFindingDto {
  benchmarkId: string;
  text: string;
  author: string;
  updatedAt: string;
}

export interface RecommendationDto {
  id: string;
  missionId: string;
  benchmark: MissionBenchmarkDto;
  text: string;
  owner: string;
  dueDate: string;
  status: RecommendationStatus;
  followUpNote: string;
  evidence: { id: string; title: string }[];
  /** The corrective measure of the Action Plan made from it, if any. */
  correctiveMeasureId: string | null;
}

export interface MissionDetailDto extends MissionListItemDto {
  termsOfReference: StoredFileDto | null;
  meetings: MissionMeetingDto[];
  findings: MissionFindingDto[];
  /** The report: the Commission and the mission's experts always; the country's ministry once shared. */
  report: (StoredFileDto & { submittedAt: string; sharedAt: string | null }) | null;
  recommendations: RecommendationDto[];
  /** What the caller may do here. */
  may: { edit: boolean; write: boolean; share: boolean; followUp: boolean };
}
