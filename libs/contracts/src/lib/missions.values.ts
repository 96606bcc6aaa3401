// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
export const RECOMMENDATION_STATUSES = ['open', 'in_progress', 'implemented', 'not_implemented'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
