import type { MeDto, RoleAssignmentDto } from '@bt/contracts';

/** The signed-in user as `GET /api/auth/me` answers, for unit tests. */
export function me(roles: RoleAssignmentDto[] = [{ role: 'civil_society', coordinator: false }], overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: 'u-1',
    email: 'milica@cso.test',
    displayName: 'Milica Civil Society',
    organisation: { id: 'o-1', name: 'Serbian CSO coalition', kind: 'civil_society', country: 'RS' },
    roles,
    disabled: false,
    secondFactorEnrolled: false,
    lastSignInAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    session: { expiresAt: '2026-01-02T00:00:00.000Z', idleTimeoutMinutes: 60 },
    secondFactor: { enrolled: false, required: false, outstanding: false },
    otherSessions: 0,
    language: null,
    ...overrides,
  };
}

export const ADMIN: RoleAssignmentDto[] = [{ role: 'admin', coordinator: false }];

export function unauthorized(message = 'Sign in first.') {
  return [
    { statusCode: 401, error: 'Unauthorized', message },
    { status: 401, statusText: 'Unauthorized' },
  ] as const;
}
