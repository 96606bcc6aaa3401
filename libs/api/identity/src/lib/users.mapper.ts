import type { OrganisationDto, UserDto } from '@bt/contracts';
import type { Organisation } from './organisation.entity';
import type { RoleAssignment } from './role-assignment.entity';
import type { User } from './user.entity';

/** What a user's answer is made of: the entity with its organisation and roles loaded, or the same read in one statement (AuthService.me). */
export type UserFacts = Pick<User, 'id' | 'email' | 'displayName' | 'disabledAt' | 'totpEnrolledAt' | 'lastSignInAt' | 'createdAt'> & {
  organisation?: Pick<Organisation, 'id' | 'name' | 'kind' | 'countryCode'>;
  roles?: Pick<RoleAssignment, 'role' | 'coordinator'>[];
};

export function toUserDto(user: UserFacts): UserDto {
  const organisation = user.organisation as NonNullable<UserFacts['organisation']>;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, country: organisation.countryCode },
    roles: (user.roles ?? []).map((r) => ({ role: r.role, coordinator: r.role === 'ministry' && r.coordinator })).sort((a, b) => a.role.localeCompare(b.role)),
    disabled: user.disabledAt !== null,
    secondFactorEnrolled: user.totpEnrolledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toOrganisationDto(organisation: Organisation, userCount: number): OrganisationDto {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    country: organisation.countryCode,
    memberState: organisation.memberState,
    userCount,
  };
}
