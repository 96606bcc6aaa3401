// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
export const SEARCH_KINDS = ['benchmark', 'sub_requirement', 'evidence', 'file', 'proposal'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Results per group and page. */
export const SEARCH_PAGE_SIZE = 10;
