import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROPOSAL_DECISIONS, type ProposalDecision } from './workflow.values';
import { CONTRIBUTION_KINDS, type ContributionKind } from './dialogue.values';

export class CreateProposalRequest {
  @IsString()
  @MaxLength(20_000)
  text!: string;

  /** `proposal` (the default) or `comment`; a reply is always a comment. */
  @IsOptional()
  @IsIn(CONTRIBUTION_KINDS, { message: `kind must be one of ${CONTRIBUTION_KINDS.join(', ')}` })
  kind?: ContributionKind;

  /** Replies to this contribution of the same benchmark (a reply to a reply joins the same thread). */
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a uuid' })
  parentId?: string;

  /** Anchors the contribution on a sub-requirement of the same benchmark. */
  @IsOptional()
  @IsUUID('all', { message: 'subRequirementId must be a uuid' })
  subRequirementId?: string;

  /** Anchors the contribution on an evidence item of the same benchmark that the author may see. */
  @IsOptional()
  @IsUUID('all', { message: 'evidenceId must be a uuid' })
  evidenceId?: string;
}

export class ProposalResponseRequest {
  @IsIn(PROPOSAL_DECISIONS, { message: `decision must be one of ${PROPOSAL_DECISIONS.join(', ')}` })
  decision!: ProposalDecision;

  @IsString()
  @MaxLength(20_000)
  reasoning!: string;
}

export class HideProposalRequest {
  /** Why the moderator hides it (kept in the audit trail). */
  @IsString()
  @MaxLength(2_000)
  reason!: string;
}

/** Query of `GET /api/benchmarks/:id/proposals`. */
export class ProposalListQuery {
  /** `true`: only answered proposals (with their threads); `false`: only proposals still awaiting an answer. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'answered must be true or false' })
  answered?: 'true' | 'false';
}

export interface ProposalAnswerDto {
  id: string;
  decision: ProposalDecision;
  reasoning: string;
  author: string;
  createdAt: string;
}

/** A proposal or a comment on a benchmark, with its replies (one level: a thread) and the ministry's answers. */
export interface ProposalDto {
  id: string;
  benchmarkId: string;
  kind: ContributionKind;
  parentId: string | null;
  /** Null once a moderator hid it. */
  text: string | null;
  /** When a moderator hid it; the text stays in the audit trail. */
  hiddenAt: string | null;
  author: string;
  organisation: string;
  createdAt: string;
  subRequirement: { id: string; code: string } | null;
  /** The anchored evidence item, if the caller may see it. */
  evidence: { id: string; title: string } | null;
  /** The latest answer; earlier versions stay in `answers`, oldest first. */
  answer: ProposalAnswerDto | null;
  answers: ProposalAnswerDto[];
  /** Days from the proposal to its first answer. */
  daysToAnswer: number | null;
  replies: ProposalDto[];
}

/** Query of the consideration figures. */
export class ConsiderationQuery {
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'chapter must be a whole number such as 24' })
  @Min(1)
  @Max(35)
  chapter?: number;

  /** The code of the last benchmark of the figures before (their `next`): these start after it. */
  @IsOptional()
  @Matches(/^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}$/, { message: 'after must be a benchmark code such as RS-24-MIG-02' })
  after?: string;

  /** Benchmarks per answer (default 50); the areas and the total always cover the whole scope. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** "Adequate consideration" of civil-society proposals, for one benchmark, area or chapter. */
export interface ConsiderationFigures {
  received: number;
  answered: number;
  accepted: number;
  partlyAccepted: number;
  notAccepted: number;
  /** Median days from a proposal to its first answer; null with nothing answered. */
  medianDaysToAnswer: number | null;
  /** When the oldest proposal still awaiting an answer was made. */
  oldestUnansweredAt: string | null;
}

export interface ConsiderationDto {
  country: string;
  chapter: number | null;
  /** A page of the benchmarks, in catalogue order. */
  benchmarks: ({ id: string; code: string; area: string } & ConsiderationFigures)[];
  /** What to send as `after` for the benchmarks that follow; null after the last. */
  next: string | null;
  areas: ({ code: string; title: string } & ConsiderationFigures)[];
  total: ConsiderationFigures;
}
