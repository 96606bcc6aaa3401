import type { OrganisationDto, RoleAssignmentDto, UserDto } from '@bt/contracts';

/** Administration answers as the API gives them, for unit tests. */
export function organisation(overrides: Partial<OrganisationDto> = {}): OrganisationDto {
  return {
    id: 'org-cso',
    name: 'Serbian civil-society coalition',
    kind: 'civil_society',
    country: 'RS',
    memberState: null,
    userCount: 1,
    ...overrides,
  };
}

export const ORGANISATIONS: OrganisationDto[] = [
  organisation(),
  organisation({ id: 'org-justice', name: 'Serbia, Ministry of Justice', kind: 'ministry', userCount: 2 }),
  organisation({ id: 'org-de', name: 'Germany, peer reviewers', kind: 'member_state', country: null, memberState: 'DE', userCount: 0 }),
];

export function user(overrides: Partial<UserDto> = {}, roles: RoleAssignmentDto[] = [{ role: 'civil_society', coordinator: false }]): UserDto {
  return {
    id: 'user-milica',
    email: 'milica@cso.test',
    displayName: 'Milica Civil Society',
    organisation: { id: 'org-cso', name: 'Serbian civil-society coalition', kind: 'civil_society', country: 'RS' },
    roles,
    disabled: false,
    secondFactorEnrolled: false,
    lastSignInAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
