import { inject, LOCALE_ID, Pipe, type PipeTransform } from '@angular/core';
import type { AssistanceInstrument, AssistanceStatus, MeDto, ParticipantRole } from '@bt/contracts';

import { ASSISTANCE_INSTRUMENTS, ASSISTANCE_STATUSES, PARTICIPANT_ROLES } from '@bt/contracts/values';

/* The contract's lists, in their order, for the selects and the participants by role. */
export const INSTRUMENTS: readonly AssistanceInstrument[] = ASSISTANCE_INSTRUMENTS;
export const STATUSES: readonly AssistanceStatus[] = ASSISTANCE_STATUSES;
export const ROLES: readonly ParticipantRole[] = PARTICIPANT_ROLES;

export const INSTRUMENT_LABELS: Record<AssistanceInstrument, string> = {
  twinning: $localize`:Instrument of an assistance project@@assistance.instrument.twinning:Twinning`,
  grant: $localize`:Instrument of an assistance project@@assistance.instrument.grant:Grant`,
  technical_assistance: $localize`:Instrument of an assistance project@@assistance.instrument.technicalAssistance:Technical assistance`,
  bilateral_programme: $localize`:Instrument of an assistance project@@assistance.instrument.bilateralProgramme:Bilateral programme`,
  cso_project: $localize`:Instrument of an assistance project@@assistance.instrument.csoProject:Civil-society project`,
  budget_support: $localize`:Instrument of an assistance project@@assistance.instrument.budgetSupport:Budget support`,
  other: $localize`:Instrument of an assistance project@@assistance.instrument.other:Other`,
};

/** IATI activity status codes 1–6 in words. */
export const STATUS_LABELS: Record<AssistanceStatus, string> = {
  1: $localize`:IATI activity status 1@@assistance.status.1:Pipeline / identification`,
  2: $localize`:IATI activity status 2@@assistance.status.2:Implementation`,
  3: $localize`:IATI activity status 3@@assistance.status.3:Finalisation`,
  4: $localize`:IATI activity status 4@@assistance.status.4:Closed`,
  5: $localize`:IATI activity status 5@@assistance.status.5:Cancelled`,
  6: $localize`:IATI activity status 6@@assistance.status.6:Suspended`,
};

export const ROLE_LABELS: Record<ParticipantRole, string> = {
  funding: $localize`:Role of an organisation in an assistance project (IATI 1)@@assistance.role.funding:Funding`,
  accountable: $localize`:Role of an organisation in an assistance project (IATI 2)@@assistance.role.accountable:Accountable`,
  extending: $localize`:Role of an organisation in an assistance project (IATI 3)@@assistance.role.extending:Extending`,
  implementing: $localize`:Role of an organisation in an assistance project (IATI 4)@@assistance.role.implementing:Implementing`,
  beneficiary: $localize`:Role of an institution in an assistance project@@assistance.role.beneficiary:Beneficiary`,
};

/** Who may add a project (the API decides again): admins, the Commission, a country's ministry, a CSO (for a project it implements). */
export function mayAddProjects(me: MeDto | null): boolean {
  return (
    !!me &&
    me.roles.some((r) => r.role === 'admin' || r.role === 'commission' || r.role === 'civil_society' || (r.role === 'ministry' && !!me.organisation.country))
  );
}

/** A date as precise as its source: 2018, September 2018, 14 Sept 2018 — in the reader's language. */
@Pipe({ name: 'partialDate' })
export class PartialDatePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(value: string | null | undefined): string {
    if (!value) return '';
    const [year, month, day] = value.split('-').map(Number);
    if (!month) return String(year);
    const options: Intl.DateTimeFormatOptions = day ? { dateStyle: 'medium' } : { month: 'long', year: 'numeric' };
    return new Intl.DateTimeFormat(this.locale, options).format(new Date(year, month - 1, day || 1));
  }
}
