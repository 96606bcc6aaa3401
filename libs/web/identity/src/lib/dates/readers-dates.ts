import { type EnvironmentProviders, Injectable, makeEnvironmentProviders } from '@angular/core';
import { DateFnsAdapter } from '@angular/material-date-fns-adapter';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, type MatDateFormats } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import type { Language } from '@bt/i18n';
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { sr } from 'date-fns/locale/sr';
import { srLatn } from 'date-fns/locale/sr-Latn';

/*
 * The date and time pickers as readers of each language write dates: English (US) 12/6/2026 and
 * 5:00 PM, Serbian in either script 6. 12. 2026. and 17:00. date-fns reads these forms back
 * (Angular Material's NativeDateAdapter leaves reading to Date.parse, which knows no `6. 12. 2026.`);
 * its own short Serbian form (`P`) has a two-digit year, so the forms are named here. Typing either
 * form of the year works (`6. 12. 26.`), and so does the ISO `2026-12-06`.
 */
const ENGLISH: MatDateFormats = {
  parse: { dateInput: ['M/d/yy', 'M/d/yyyy', 'yyyy-MM-dd'], timeInput: ['p', 'H:mm'] },
  display: {
    dateInput: 'M/d/yyyy',
    timeInput: 'p',
    monthYearLabel: 'LLL yyyy',
    dateA11yLabel: 'MMMM d, yyyy',
    monthYearA11yLabel: 'LLLL yyyy',
    timeOptionLabel: 'p',
  },
};

const SERBIAN: MatDateFormats = {
  // Spaces are dropped before reading (ReadersDateAdapter): `6.12.2026` and `6. 12. 2026.` alike.
  parse: { dateInput: ['d.M.yy.', 'd.M.yyyy.', 'd.M.yy', 'd.M.yyyy', 'yyyy-MM-dd'], timeInput: ['H:mm', 'H.mm'] },
  display: {
    dateInput: 'd. M. yyyy.',
    timeInput: 'HH:mm',
    monthYearLabel: 'LLL yyyy',
    dateA11yLabel: 'd. MMMM yyyy.',
    monthYearA11yLabel: 'LLLL yyyy',
    timeOptionLabel: 'HH:mm',
  },
};

const DATE_LOCALES: Record<Language, Locale> = { en: enUS, 'sr-Latn': srLatn, 'sr-Cyrl': sr };

/** The date-fns adapter, forgiving the spaces a person types or leaves out in a date (`6.12.2026.`, `6. 12. 2026.`). */
@Injectable()
export class ReadersDateAdapter extends DateFnsAdapter {
  override parse(value: unknown, parseFormat: string | string[]): Date | null {
    return super.parse(typeof value === 'string' ? value.replace(/\s+/g, '') : value, parseFormat);
  }
}

/** The date picker's own words (its buttons and the calendar's name), in the reader's language. */
@Injectable()
export class ReadersDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = $localize`:Accessible name of the calendar that opens beside a date field@@dates.calendar:Calendar`;
  override openCalendarLabel = $localize`:Button beside a date field@@dates.openCalendar:Open calendar`;
  override closeCalendarLabel = $localize`:Button of an open calendar@@dates.closeCalendar:Close calendar`;
  override prevMonthLabel = $localize`:Button of a calendar@@dates.prevMonth:Previous month`;
  override nextMonthLabel = $localize`:Button of a calendar@@dates.nextMonth:Next month`;
  override prevYearLabel = $localize`:Button of a calendar@@dates.prevYear:Previous year`;
  override nextYearLabel = $localize`:Button of a calendar@@dates.nextYear:Next year`;
  override prevMultiYearLabel = $localize`:Button of a calendar showing 24 years@@dates.prevYears:Previous 24 years`;
  override nextMultiYearLabel = $localize`:Button of a calendar showing 24 years@@dates.nextYears:Next 24 years`;
  override switchToMonthViewLabel = $localize`:Button of a calendar, back from the years to the days@@dates.chooseDate:Choose date`;
  override switchToMultiYearViewLabel = $localize`:Button of a calendar, from the days to the months and years@@dates.chooseMonthYear:Choose month and year`;

  override formatYearRangeLabel(start: string, end: string): string {
    return $localize`:A span of years in a calendar, as read aloud@@dates.yearRange:${start}:start: to ${end}:end:`;
  }
}

/** Date and time pickers that show and read dates as readers of `language` write them; provided once, where the app starts. */
export function provideReadersDates(language: Language): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: MAT_DATE_LOCALE, useValue: DATE_LOCALES[language] },
    { provide: MAT_DATE_FORMATS, useValue: language === 'en' ? ENGLISH : SERBIAN },
    { provide: DateAdapter, useClass: ReadersDateAdapter },
    { provide: MatDatepickerIntl, useClass: ReadersDatepickerIntl },
  ]);
}
