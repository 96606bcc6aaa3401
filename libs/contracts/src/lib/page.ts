/** How many matches a list counts at most: past it, `total` stops there and `totalCapped` says so. */
export const LIST_COUNT_LIMIT = 200;

/**
 * One page of a list answer. A list pages by keyset: `next` names the last item of this page, to be
 * sent back as `after` for the following one; `page` only steps within the first LIST_COUNT_LIMIT matches.
 */
export interface Page<T> {
  items: T[];
  /** The matches over all pages, counted up to LIST_COUNT_LIMIT. */
  total: number;
  /** More matches than `total`, which stopped at LIST_COUNT_LIMIT. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** What to send as `after` for the following page; null on the last page. */
  next: string | null;
}
