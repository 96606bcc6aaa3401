import type { Role } from '@bt/contracts';

/**
 * Who is asking, as every query that filters by visibility receives it. Built fresh from the
 * database on each request, so a role change or a disabled account counts at once.
 */
export interface Viewer {
  userId: string;
  email: string;
  displayName: string;
  organisationId: string;
  /** The country of the user's organisation; null on the EU side. */
  countryCode: string | null;
  roles: ReadonlySet<Role>;
  coordinator: boolean;
  sessionTokenHash: string;
  /**
   * The identity settings require a second factor of this user's role and this session has not
   * proven one: until it is set up, only the account's sign-in matters answer (AccessGuard).
   */
  secondFactorOutstanding: boolean;
}

export function hasRole(viewer: Viewer | null | undefined, ...roles: Role[]): boolean {
  return !!viewer && roles.some((r) => viewer.roles.has(r));
}
