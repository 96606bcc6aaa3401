import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { EachIsObject, IsNotBlank } from './field-rules';
import { type AvailableConsultationEvent, CONSULTATION_EVENTS, type ConsultationEventType, type ConsultationState } from '@bt/workflow';
import type { StoredFileDto } from './files.dto';

export class ConsultationQuestionInput {
  /** An existing question kept (recipients' draft replies to it stay); absent for a new one. */
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @IsString()
  @IsNotBlank()
  @MaxLength(5_000)
  text!: string;
}

export class ConsultationTopicInput {
  /** An existing topic kept; absent for a new one. */
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  title!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => ConsultationQuestionInput)
  questions!: ConsultationQuestionInput[];
}

/** `POST /api/consultations`: a new draft. */
export class CreateConsultationRequest {
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  introduction?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO date-time such as 2026-06-30T17:00:00Z' })
  deadline?: string;
}

/** `PUT /api/consultations/:id`: the whole draft as the builder shows it (topics and questions in order, recipients). */
export class UpdateConsultationRequest extends CreateConsultationRequest {
  @IsInt()
  @Min(1)
  version!: number;

  @IsArray()
  @ArrayMaxSize(30)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => ConsultationTopicInput)
  topics!: ConsultationTopicInput[];

  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  recipientIds!: string[];
}

/** `POST /api/consultations/:id/transitions`. */
export class ConsultationTransitionRequest {
  @IsIn(CONSULTATION_EVENTS, { message: `event must be one of ${CONSULTATION_EVENTS.join(', ')}` })
  event!: ConsultationEventType;

  @IsInt()
  @Min(1)
  version!: number;

  /** REOPEN: the new deadline. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO date-time such as 2026-06-30T17:00:00Z' })
  deadline?: string;
}

/** `PUT /api/consultations/:id/replies/:questionId`: the recipient's answer, kept as a draft or sent. */
export class ConsultationReplyRequest {
  @IsString()
  @MaxLength(100_000)
  text!: string;

  /** true sends the reply (final); false keeps it as a draft only the recipient's organisation sees. */
  @IsBoolean()
  send!: boolean;
}

/** `PUT /api/consultations/:id/summaries/:questionId`: the Commission's summary of the replies to one question. */
export class ConsultationSummaryRequest {
  @IsString()
  @IsNotBlank()
  @MaxLength(50_000)
  text!: string;

  /** The recipient organisations the summary draws on. */
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  citedOrganisationIds!: string[];
}

export interface ConsultationOrganisationDto {
  id: string;
  name: string;
  kind: string;
  countryCode: string;
}

export interface ConsultationReplyDto {
  id: string;
  questionId: string;
  organisation: ConsultationOrganisationDto;
  /** Markdown; the web app sanitises it on display. */
  text: string;
  status: 'draft' | 'sent';
  sentAt: string | null;
  author: string;
  updatedAt: string;
  files: StoredFileDto[];
}

export interface ConsultationSummaryDto {
  text: string;
  cited: ConsultationOrganisationDto[];
  updatedAt: string;
}

export interface ConsultationQuestionDto {
  id: string;
  position: number;
  text: string;
  /** The replies this caller may see: the Commission every sent reply; a recipient its own (drafts too); everyone once published. */
  replies: ConsultationReplyDto[];
  summary: ConsultationSummaryDto | null;
}

export interface ConsultationTopicDto {
  id: string;
  position: number;
  title: string;
  questions: ConsultationQuestionDto[];
}

export interface ConsultationSummaryItemDto {
  id: string;
  title: string;
  reference: string;
  state: ConsultationState;
  deadline: string | null;
  publishedAt: string | null;
  recipientCount: number;
  questionCount: number;
}

export interface ConsultationDto extends ConsultationSummaryItemDto {
  introduction: string;
  version: number;
  topics: ConsultationTopicDto[];
  recipients: ConsultationOrganisationDto[];
  /** The caller's organisation is a recipient (it may reply while open). */
  isRecipient: boolean;
  /** Open and before the deadline: replies are accepted now. */
  acceptingReplies: boolean;
  availableEvents: AvailableConsultationEvent[];
}

export interface ConsultationTransitionResultDto {
  state: ConsultationState;
  version: number;
}
