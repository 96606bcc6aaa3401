import { COUNTRY_ORGANISATION_KINDS, type OrganisationKind, type Role, type RoleAssignmentInput } from '@bt/contracts';

/** Which organisations a role may be held in: a ministry role in a ministry, a CSO role in a CSO… */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  admin: ['platform', 'commission'],
  commission: ['commission'],
  ministry: ['ministry', 'coordination_body'],
  expert: ['member_state', 'commission'],
  civil_society: ['civil_society'],
};

/** The problems with giving these roles to a member of an organisation of this kind; empty when fine. */
export function roleProblems(roles: RoleAssignmentInput[], kind: OrganisationKind): string[] {
  const problems: string[] = [];
  const seen = new Set<Role>();
  for (const { role, coordinator } of roles) {
    if (seen.has(role)) problems.push(`role ${role} is given twice`);
    seen.add(role);
    if (!ROLE_ORGANISATION_KINDS[role].includes(kind)) {
      problems.push(`role ${role} needs an organisation of kind ${ROLE_ORGANISATION_KINDS[role].join(' or ')}, not ${kind}`);
    }
    if (coordinator && role !== 'ministry') problems.push('only the ministry role can be a coordinator');
  }
  return problems;
}

/** The problems with an organisation's country fields for its kind; empty when fine. */
export function organisationProblems(kind: OrganisationKind, country: string | null, memberState: string | null): string[] {
  const problems: string[] = [];
  const countrySide = COUNTRY_ORGANISATION_KINDS.includes(kind);
  if (countrySide && !country) problems.push(`an organisation of kind ${kind} belongs to a country: give its country`);
  if (!countrySide && country) problems.push(`an organisation of kind ${kind} is on the EU side: it has no country`);
  if (kind === 'member_state' && !memberState) problems.push('a Member State body needs its memberState');
  if (kind !== 'member_state' && memberState) problems.push('only a Member State body has a memberState');
  return problems;
}
