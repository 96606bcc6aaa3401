/** One page of a list answer: the items of this page and the total over all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
