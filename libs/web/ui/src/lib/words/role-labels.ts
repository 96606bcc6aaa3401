import type { Role, RoleAssignmentDto } from '@bt/contracts';

/*
 * The roles as people read them. A Record over the contract's Role type, so a role added to the
 * contract fails the build here until it has its words.
 */
const ROLE_LABELS: Record<Role, string> = {
  admin: $localize`:User role@@role.admin:Administrator`,
  commission: $localize`:User role@@role.commission:European Commission`,
  ministry: $localize`:User role@@role.ministry:Ministry`,
  expert: $localize`:User role@@role.expert:Peer-review expert`,
  civil_society: $localize`:User role@@role.civil_society:Civil society`,
};

/** Every role, in the contract's order, with its label: for checkboxes and filters. */
export const ROLE_OPTIONS: readonly { readonly role: Role; readonly label: string }[] = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({
  role,
  label: ROLE_LABELS[role],
}));

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** A role assignment as one phrase, e.g. "Ministry (coordinator)". */
export function roleAssignmentLabel(assignment: RoleAssignmentDto): string {
  const label = roleLabel(assignment.role);
  return assignment.role === 'ministry' && assignment.coordinator
    ? $localize`:A ministry role with the right to submit benchmarks@@role.ministryCoordinator:${label}:role: (coordinator)`
    : label;
}
