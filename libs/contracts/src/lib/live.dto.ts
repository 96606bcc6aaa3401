/**
 * The kinds of item whose changes the live stream announces; `inbox`: a notification for the person
 * whose user id it carries (sent to them only).
 */
export const LIVE_ITEM_TYPES = ['benchmark', 'mission', 'consultation', 'assistance_project', 'inbox'] as const;
export type LiveItemType = (typeof LIVE_ITEM_TYPES)[number];

/**
 * One change as the live stream (`GET /api/events`, server-sent events named `change`) announces
 * it: ids and kinds only, never content. A page that shows the item loads it again through the API,
 * which answers what the reader may see.
 */
export interface LiveChangeDto {
  /** The audit event of the change: the history entry a page can name ("Submitted by … just now"); '' for an inbox signal of no event (a reminder). */
  event: string;
  type: LiveItemType;
  id: string;
  /** The user who made the change, so that a page does not announce a person's own change to them. */
  by: string | null;
}
