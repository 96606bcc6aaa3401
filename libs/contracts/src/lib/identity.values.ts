// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
/** Country side: ministries, coordination bodies, CSOs. EU side: Commission, Council, Member State bodies. */
export const ORGANISATION_KINDS = ['ministry', 'coordination_body', 'civil_society', 'commission', 'council', 'member_state', 'platform'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const COUNTRY_ORGANISATION_KINDS: readonly OrganisationKind[] = ['ministry', 'coordination_body', 'civil_society'];

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
