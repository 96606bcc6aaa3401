import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

/** One item of a user's inbox: something that happened, or a deadline coming up. */
export interface InboxItemDto {
  /** Stable and unique, e.g. `proposal-answered:<responseId>`: read marks refer to it. */
  key: string;
  kind: string;
  title: string;
  detail?: string;
  /** Where in the web app to act on it, e.g. `/benchmarks/RS-24-MIG-01?tab=dialogue`. */
  link: string;
  /** When it happened (ISO). */
  at: string;
  dueAt?: string | null;
  unread: boolean;
}

export interface InboxDto {
  items: InboxItemDto[];
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
