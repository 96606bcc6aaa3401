import { type EnvironmentProviders, Injectable, makeEnvironmentProviders } from '@angular/core';
import { DateFnsAdapter } from '@angular/material-date-fns-adapter';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, type MatDateFormats } from '@angular/material/core';
import type { Language } from '@bt/i18n';
import type { Locale } from 'date-fns';

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

/** The date-fns adapter, forgiving the spaces a person types or leaves out in a date (`6.12.2026.`, `6. 12. 2026.`). */
@Injectable()
export class ReadersDateAdapter extends DateFnsAdapter {
  override parse(value: unknown, parseFormat: string | string[]): Date | null {
    return super.parse(typeof value === 'string' ? value.replace(/\s+/g, '') : value, parseFormat);
  }
}

/**
 * Date and time pickers that show and read dates as readers of `language` write them, with its
 * date-fns locale (enUS, srLatn, sr for Cyrillic: the app loads only the reader's, see
 * apps/web/src/app/language/load-language.ts); provided once, where the app starts. The date
 * picker's own words come with the first date field (date-fields.ts), so that the app's first
 * download holds no picker.
 */
export function provideReadersDates(language: Language, locale: Locale): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: MAT_DATE_LOCALE, useValue: locale },
    { provide: MAT_DATE_FORMATS, useValue: language === 'en' ? ENGLISH : SERBIAN },
    { provide: DateAdapter, useClass: ReadersDateAdapter },
  ]);
}
