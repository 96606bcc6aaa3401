import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import type { ProposalDecision } from './workflow.values';

/**
 * What an inbox item is about, with the facts its sentence is made of: the web app words it in the
 * reader's language from these; `title` is the same sentence in English, for other API clients.
 */
export type InboxSubject =
  | { kind: 'proposal.unanswered'; facts: { benchmark: string; organisation: string; days: number } }
  | { kind: 'proposal.answered'; facts: { benchmark: string; decision: ProposalDecision; revised: boolean } }
  | { kind: 'consultation.deadline'; facts: { consultation: string; unanswered: number } }
  | { kind: 'mission.starting'; facts: { mission: string } }
  | { kind: 'mission.report_due'; facts: { mission: string } }
  | { kind: 'recommendation.due'; facts: { recommendation: string } }
  | { kind: 'activity.due'; facts: { activity: string; benchmark: string } }
  // Hand-overs, told to each person concerned when they happen (libs/api/notifications).
  | { kind: 'benchmark.submitted'; facts: { benchmark: string; by: string } }
  | { kind: 'benchmark.changes_requested'; facts: { benchmark: string; by: string } }
  | { kind: 'benchmark.accepted'; facts: { benchmark: string } }
  | { kind: 'benchmark.reopened'; facts: { benchmark: string } }
  | { kind: 'mission.planned'; facts: { mission: string } }
  | { kind: 'mission.corrected'; facts: { mission: string } }
  | { kind: 'mission.report_submitted'; facts: { mission: string } }
  | { kind: 'mission.report_shared'; facts: { mission: string } }
  | { kind: 'proposal.posted'; facts: { benchmark: string; organisation: string } }
  | { kind: 'consultation.opened'; facts: { consultation: string } }
  | { kind: 'consultation.reopened'; facts: { consultation: string } }
  | { kind: 'consultation.published'; facts: { consultation: string } };

export type InboxKind = InboxSubject['kind'];

/** What every inbox item has, whatever its subject. */
export interface InboxItemFields {
  /** Stable and unique, e.g. `proposal-answered:<responseId>`: read marks refer to it. */
  key: string;
  /** The item in English (see `facts` for the reader's language). */
  title: string;
  /** A quotation of what it is about (a proposal's opening words), in its author's language. */
  detail?: string;
  /** Where in the web app to act on it, e.g. `/benchmarks/RS-24-MIG-01?tab=dialogue`. */
  link: string;
  /** When it happened (ISO). */
  at: string;
  dueAt?: string | null;
}

/** One item of a user's inbox: something that happened, or a deadline coming up. */
export type InboxItemDto = InboxSubject & InboxItemFields & { unread: boolean };

export interface InboxDto {
  /** At most 50 items: the unread first, then the newest. */
  items: InboxItemDto[];
  /** How many items are unread, also past the first 50. */
  unread: number;
}

export class MarkInboxReadRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  keys!: string[];
}
