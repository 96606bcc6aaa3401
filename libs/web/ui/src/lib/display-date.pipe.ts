import { inject, LOCALE_ID, Pipe, type PipeTransform } from '@angular/core';

export type DateDisplay = 'date' | 'dateTime';

const FORMATS: Record<DateDisplay, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
};

/**
 * A date or a moment from the API (`2026-03-02`, `2026-03-02T10:00:00.000Z`) in the app's locale,
 * e.g. "2 Mar 2026" or "2 Mar 2026, 11:00". The browser's Intl formats it: unlike Angular's
 * DatePipe it needs no locale data registered, and it keeps the date code out of the start bundle
 * (which shares @angular/common's module with the shell).
 */
@Pipe({ name: 'displayDate' })
export class DisplayDatePipe implements PipeTransform {
  private readonly formats = new Map<DateDisplay, Intl.DateTimeFormat>();
  private readonly locale = inject(LOCALE_ID);

  transform(value: string | null | undefined, display: DateDisplay = 'date'): string {
    if (!value) return '';
    const date = parse(value);
    if (Number.isNaN(date.getTime())) return value;
    let format = this.formats.get(display);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, FORMATS[display]);
      this.formats.set(display, format);
    }
    return format.format(date);
  }
}

/** A calendar date (no time) is that day where the reader is, not midnight UTC. */
function parse(value: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
}
