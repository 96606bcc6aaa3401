// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
import { isCalendarDay } from './calendar-days';

/** How the help is given. */
export const ASSISTANCE_INSTRUMENTS = ['twinning', 'grant', 'technical_assistance', 'bilateral_programme', 'cso_project', 'budget_support', 'other'] as const;
export type AssistanceInstrument = (typeof ASSISTANCE_INSTRUMENTS)[number];

/** IATI ActivityStatus codes: 1 pipeline/identification, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
export const ASSISTANCE_STATUSES = [1, 2, 3, 4, 5, 6] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

/** A participant's role: IATI OrganisationRole 1–4, and the beneficiary institutions IATI has no role for. */
export const PARTICIPANT_ROLES = ['funding', 'accountable', 'extending', 'implementing', 'beneficiary'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
/** IATI OrganisationRole codes of the roles IATI knows (the beneficiary has none). */
export const IATI_ROLE_CODES: Record<ParticipantRole, number | null> = { funding: 1, accountable: 2, extending: 3, implementing: 4, beneficiary: null };

/** A date as precise as the source states it: a year (2018), a month (2018-09) or a day (2018-09-14). */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/;

export function isPartialDate(value: unknown): value is string {
  return typeof value === 'string' && PARTIAL_DATE.test(value) && (value.length < 10 || isCalendarDay(value));
}

/** Whether `end` comes before `start`, compared as precisely as both are stated (2018-09 does not end before 2018). */
export function endsBeforeStart(start: string | null | undefined, end: string | null | undefined): boolean {
  if (!start || !end) return false;
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}
