import type { OrganisationDto, UserDto } from '@bt/contracts';
import type { Organisation } from './organisation.entity';
import type { User } from './user.entity';

/** `user` comes with its organisation and roles loaded. */
export function toUserDto(user: User): UserDto {
  const organisation = user.organisation as Organisation;
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
