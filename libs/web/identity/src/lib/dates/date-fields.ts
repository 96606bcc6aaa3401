import { Directive, inject } from '@angular/core';
import type { ControlValueAccessor } from '@angular/forms';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatSuffix } from '@angular/material/form-field';
import { MatTimepicker, MatTimepickerInput, MatTimepickerToggle } from '@angular/material/timepicker';
import { calendarDayOf, startOfCalendarDay } from '@bt/contracts/calendar-days';

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
 * A time picker's field whose form value is the time written HH:mm, 24-hour ('' when empty or
 * unreadable), whatever the reader's way of writing it (5:00 PM, 17:00):
 * `<input matInput [matTimepicker]="picker" btTimeOfDay name="time" [(ngModel)]="time" />`.
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
