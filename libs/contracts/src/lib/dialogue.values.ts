// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
/** A proposal needs the ministry's reasoned answer; a comment (and every reply) is discussion. */
export const CONTRIBUTION_KINDS = ['proposal', 'comment'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
