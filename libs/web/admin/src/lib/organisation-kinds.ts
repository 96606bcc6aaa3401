import type { OrganisationDto, OrganisationKind } from '@bt/contracts';
import { countryName } from '@bt/web/ui';

/** Where an organisation of a kind belongs: a candidate country, a Member State, or the EU side. */
export type OrganisationSide = 'country' | 'memberState' | 'eu';

interface OrganisationKindPresentation {
  readonly label: string;
  readonly side: OrganisationSide;
}

/*
 * A Record over the contract's OrganisationKind type: a kind added to the contract fails the build
 * here until it has its words and its side.
 */
const KINDS: Record<OrganisationKind, OrganisationKindPresentation> = {
  ministry: { label: $localize`:Kind of organisation@@organisationKind.ministry:Ministry`, side: 'country' },
  coordination_body: {
    label: $localize`:Kind of organisation@@organisationKind.coordination_body:Coordination body`,
    side: 'country',
  },
  civil_society: {
    label: $localize`:Kind of organisation@@organisationKind.civil_society:Civil-society organisation`,
    side: 'country',
  },
  commission: { label: $localize`:Kind of organisation@@organisationKind.commission:European Commission`, side: 'eu' },
  council: { label: $localize`:Kind of organisation@@organisationKind.council:Council of the EU`, side: 'eu' },
  member_state: {
    label: $localize`:Kind of organisation@@organisationKind.member_state:Member State body`,
    side: 'memberState',
  },
  platform: { label: $localize`:Kind of organisation@@organisationKind.platform:Platform operator`, side: 'eu' },
};

/** Every kind, in the contract's order, for the kind select. */
export const ORGANISATION_KIND_OPTIONS: readonly { readonly kind: OrganisationKind; readonly label: string }[] = (Object.keys(KINDS) as OrganisationKind[]).map(
  (kind) => ({ kind, label: KINDS[kind].label }),
);

export function organisationKindLabel(kind: OrganisationKind): string {
  return KINDS[kind].label;
}

export function organisationSide(kind: OrganisationKind): OrganisationSide {
  return KINDS[kind].side;
}

/** "Serbia", "Member State: DE", or "EU" — where an organisation belongs, for tables and selects. */
export function organisationPlace(organisation: Pick<OrganisationDto, 'country' | 'memberState'>): string {
  if (organisation.country) return countryName(organisation.country);
  if (organisation.memberState) {
    return $localize`:Where a Member State body belongs, before its two-letter code@@organisation.memberState:Member State: ${organisation.memberState}:code:`;
  }
  return $localize`:Where an organisation of the EU side belongs@@organisation.eu:EU`;
}
