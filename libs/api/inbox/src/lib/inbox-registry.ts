import { Injectable } from '@nestjs/common';
import type { InboxItemFields, InboxSubject } from '@bt/contracts';
import type { Viewer } from '@bt/api/identity';

/** An inbox item before read marks are applied. */
export type InboxEntry = InboxSubject & InboxItemFields;

/**
 * One domain's contribution to the inbox, computed from its data when the inbox is read: a reminder
 * before a deadline is simply an entry whose `dueAt` is near, so no scheduler has to run.
 */
export interface InboxSource {
  items(viewer: Viewer, now: Date): Promise<InboxEntry[]>;
}

/** What an inbox item names (a mission, an activity), kept to 120 characters with an ellipsis. */
export function inboxName(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Domains register their sources here (in `onModuleInit`); the inbox asks each of them. */
@Injectable()
export class InboxRegistry {
  private readonly sources: InboxSource[] = [];

  register(source: InboxSource): void {
    this.sources.push(source);
  }

  async entries(viewer: Viewer, now: Date): Promise<InboxEntry[]> {
    return (await Promise.all(this.sources.map((source) => source.items(viewer, now)))).flat();
  }
}
