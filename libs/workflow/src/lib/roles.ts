/** The roles a user can hold (docs/design.md, "Who uses it"). */
export const ROLES = ['admin', 'commission', 'ministry', 'expert', 'civil_society'] as const;
export type Role = (typeof ROLES)[number];
