// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
/** What an activity's responsible institution reports; "overdue" is not a status but computed (deadline passed, not completed). */
export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const CORRECTIVE_MEASURE_STATUSES = ['open', 'done'] as const;
export type CorrectiveMeasureStatus = (typeof CORRECTIVE_MEASURE_STATUSES)[number];
