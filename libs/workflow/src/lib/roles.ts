/** The roles a user can hold (DESIGN.md, "Who uses it"). */
export const ROLES = ['admin', 'commission', 'ministry', 'expert', 'civil_society'] as const;
export type Role = (typeof ROLES)[number];
