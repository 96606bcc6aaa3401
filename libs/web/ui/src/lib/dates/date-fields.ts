import { Directive, inject } from '@angular/core';
import type { ControlValueAccessor } from '@angular/forms';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerIntl, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatSuffix } from '@angular/material/form-field';
import { MatTimepicker, MatTimepickerInput, MatTimepickerToggle } from '@angular/material/timepicker';
import { calendarDayOf, startOfCalendarDay } from '@bt/contracts/values';

/*
 * The forms keep dates as the API takes them, a day `2026-12-06` and a time `17:00`, while the
 * pickers work with Dates: these two directives convert at the field, in both directions, so no
 * form, validator or request sees a Date. They wrap the picker input's own value accessor (the one
 * that ngModel and formControlName talk to), which keeps the picker's validators: an unreadable
 * text (`matDatepickerParse`, `matTimepickerParse`), and `[min]`/`[max]` given as days.
 */

/**
 * A date picker's field whose form value is the day written YYYY-MM-DD ('' when empty or
 * unreadable, as a native date field had it):
 * `<input matInput [matDatepicker]="picker" btCalendarDay formControlName="deadline" #day="btCalendarDay" />`.
 */
@Directive({ selector: 'input[matDatepicker][btCalendarDay]', exportAs: 'btCalendarDay' })
export class CalendarDayInput {
  private readonly adapter = inject<DateAdapter<Date>>(DateAdapter);
  private readonly formats = inject(MAT_DATE_FORMATS);

  /** What to say of a text that is no date: how to write one, with a day after the 12th so the order shows. */
  readonly unreadable = $localize`:Error under a date field whose text is no date; the example is 31 December written as the reader writes dates@@dates.unreadable:Enter a date such as ${this.example()}:example: or choose it in the calendar`;

  constructor() {
    inReadersWords(inject(MatDatepickerIntl));
    convertAtField(
      inject(MatDatepickerInput),
      (day) => (day ? startOfCalendarDay(day) : null),
      (date) => (date && this.adapter.isValid(date) ? calendarDayOf(date) : ''),
    );
  }

  private example(): string {
    return this.adapter.format(this.adapter.createDate(this.adapter.getYear(this.adapter.today()), 11, 31), this.formats.display.dateInput);
  }
}

/**
 * The date picker's own words (its buttons and the calendar's name) in the reader's language, given
 * to Material's intl, a service of the whole app, by the first date field: the app's providers
 * (provideReadersDates) name no picker, so that none is in the app's first download.
 */
function inReadersWords(intl: MatDatepickerIntl): void {
  if (worded.has(intl)) return;
  worded.add(intl);
  intl.calendarLabel = $localize`:Accessible name of the calendar that opens beside a date field@@dates.calendar:Calendar`;
  intl.openCalendarLabel = $localize`:Button beside a date field@@dates.openCalendar:Open calendar`;
  intl.closeCalendarLabel = $localize`:Button of an open calendar@@dates.closeCalendar:Close calendar`;
  intl.prevMonthLabel = $localize`:Button of a calendar@@dates.prevMonth:Previous month`;
  intl.nextMonthLabel = $localize`:Button of a calendar@@dates.nextMonth:Next month`;
  intl.prevYearLabel = $localize`:Button of a calendar@@dates.prevYear:Previous year`;
  intl.nextYearLabel = $localize`:Button of a calendar@@dates.nextYear:Next year`;
  intl.prevMultiYearLabel = $localize`:Button of a calendar showing 24 years@@dates.prevYears:Previous 24 years`;
  intl.nextMultiYearLabel = $localize`:Button of a calendar showing 24 years@@dates.nextYears:Next 24 years`;
  intl.switchToMonthViewLabel = $localize`:Button of a calendar, back from the years to the days@@dates.chooseDate:Choose date`;
  intl.switchToMultiYearViewLabel = $localize`:Button of a calendar, from the days to the months and years@@dates.chooseMonthYear:Choose month and year`;
  intl.formatYearRangeLabel = (start: string, end: string) =>
    $localize`:A span of years in a calendar, as read aloud@@dates.yearRange:${start}:start: to ${end}:end:`;
  intl.changes.next();
}

const worded = new WeakSet<MatDatepickerIntl>();

/**
 * A time picker's field whose form value is the time written HH:mm, 24-hour ('' when empty or
 * unreadable), whatever the reader's way of writing it (5:00 PM, 17:00):
 * `<input matInput [matTimepicker]="picker" btTimeOfDay [formControl]="time" />`.
 */
@Directive({ selector: 'input[matTimepicker][btTimeOfDay]' })
export class TimeOfDayInput {
  private readonly adapter = inject<DateAdapter<Date>>(DateAdapter);

  constructor() {
    convertAtField(
      inject(MatTimepickerInput),
      (time) => (time ? atTimeOfDay(time) : null),
      (date) => (date && this.adapter.isValid(date) ? timeOfDay(date) : ''),
    );
  }
}

/**
 * Puts a conversion between a picker input's value accessor and its form control: the form's
 * value goes in through `toField`, the picker's value comes out through `toForm`. (The forms call
 * the accessor's writeValue and registerOnChange only after every directive of the field exists.)
 */
function convertAtField(accessor: ControlValueAccessor, toField: (value: string | null) => Date | null, toForm: (value: Date | null) => string): void {
  const writeValue = accessor.writeValue.bind(accessor);
  const registerOnChange = accessor.registerOnChange.bind(accessor);
  accessor.writeValue = (value: string | null) => writeValue(toField(value));
  accessor.registerOnChange = (change: (value: string) => void) => registerOnChange((value: Date | null) => change(toForm(value)));
}

/** A Date's time of day where the reader is, HH:mm. */
export function timeOfDay(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Today at a time written HH:mm; null when it is no time. */
function atTimeOfDay(time: string): Date | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  const date = new Date();
  date.setHours(Number(match[1]), Number(match[2]), 0, 0);
  return date;
}

/** What a component imports for a date field: the picker, its input and toggle, and the day conversion. */
export const DATE_FIELD = [MatDatepicker, MatDatepickerInput, MatDatepickerToggle, MatSuffix, CalendarDayInput] as const;

/** What a component imports for a time field: the picker, its input and toggle, and the time conversion. */
export const TIME_FIELD = [MatTimepicker, MatTimepickerInput, MatTimepickerToggle, MatSuffix, TimeOfDayInput] as const;
