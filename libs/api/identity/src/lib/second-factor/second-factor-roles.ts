import type { Role } from '@bt/contracts';

/** The roles that must prove a second factor when the identity settings require it: they can change everything. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'commission'];
