// For the rule tests of other libraries (who sees, who may write): viewers without a database.
import type { Role } from '@bt/workflow';
import type { Viewer } from './lib/viewer';

/** A signed-in viewer with these roles, of this country (null: the Commission's or a Member State's people). */
export function viewerWith(roles: Role[], countryCode: string | null): Viewer {
  return {
    userId: 'u',
    email: 'u@x.test',
    displayName: 'U',
    organisationId: 'o',
    countryCode,
    roles: new Set(roles),
    coordinator: false,
    sessionTokenHash: 'h',
    secondFactorOutstanding: false,
  };
}
