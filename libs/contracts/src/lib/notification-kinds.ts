import type { InboxKind } from './inbox.dto';

/*
 * The kinds and deliveries of notifications alone, without the request classes (and their
 * decorators), so that the web app imports them alone (`@bt/contracts/values`).
 */

/** The kinds of notification a person may choose how to receive: every hand-over and pushed reminder. */
export const NOTIFICATION_KINDS = [
  'benchmark.submitted',
  'benchmark.changes_requested',
  'benchmark.accepted',
  'benchmark.reopened',
  'mission.planned',
  'mission.corrected',
  'mission.report_submitted',
  'mission.report_shared',
  'proposal.posted',
  'proposal.answered',
  'consultation.opened',
  'consultation.reopened',
  'consultation.published',
  'consultation.deadline',
  'mission.starting',
  'mission.report_due',
  'recommendation.due',
] as const satisfies readonly InboxKind[];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** `immediate`: an e-mail at once; `digest`: in the day's digest e-mail; `in_app`: the inbox only. */
export const NOTIFICATION_DELIVERIES = ['immediate', 'digest', 'in_app'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];
