import { COUNTRY_ORGANISATION_KINDS, type OrganisationKind, type RefusalReason, refusal, type Role, type RoleAssignmentInput } from '@bt/contracts';

/** Which organisations a role may be held in: a ministry role in a ministry, a CSO role in a CSO… */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  admin: ['platform', 'commission'],
  commission: ['commission'],
  ministry: ['ministry', 'coordination_body'],
  expert: ['member_state', 'commission'],
  civil_society: ['civil_society'],
};

/** The problems with giving these roles to a member of an organisation of this kind; empty when fine. */
export function roleProblems(roles: RoleAssignmentInput[], kind: OrganisationKind): RefusalReason[] {
  const problems: RefusalReason[] = [];
  const seen = new Set<Role>();
  for (const { role, coordinator } of roles) {
    if (seen.has(role)) problems.push(refusal('role.given-twice', { role }));
    seen.add(role);
    if (!ROLE_ORGANISATION_KINDS[role].includes(kind)) {
      problems.push(refusal('role.wrong-organisation-kind', { role, kinds: ROLE_ORGANISATION_KINDS[role].join(' or '), kind }));
    }
    if (coordinator && role !== 'ministry') problems.push(refusal('role.coordinator-only-ministry'));
  }
  return problems;
}

/** The problems with an organisation's country fields for its kind; empty when fine. */
export function organisationProblems(kind: OrganisationKind, country: string | null, memberState: string | null): RefusalReason[] {
  const problems: RefusalReason[] = [];
  const countrySide = COUNTRY_ORGANISATION_KINDS.includes(kind);
  if (countrySide && !country) problems.push(refusal('organisation.country-needed', { kind }));
  if (!countrySide && country) problems.push(refusal('organisation.no-country-on-eu-side', { kind }));
  if (kind === 'member_state' && !memberState) problems.push(refusal('organisation.member-state-needed'));
  if (kind !== 'member_state' && memberState) problems.push(refusal('organisation.member-state-only-for-member-state-body'));
  return problems;
}
