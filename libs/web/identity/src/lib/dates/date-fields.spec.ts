import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { Language } from '@bt/i18n';
import { enUS } from 'date-fns/locale/en-US';
import { sr } from 'date-fns/locale/sr';
import { srLatn } from 'date-fns/locale/sr-Latn';
import { DATE_FIELD, TIME_FIELD } from '@bt/web/ui/dates';
import { provideReadersDates } from './readers-dates';

@Component({
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, DATE_FIELD, TIME_FIELD],
  template: `
    <mat-form-field>
      <mat-label>Day</mat-label>
      <input matInput [matDatepicker]="dayPicker" btCalendarDay #day="btCalendarDay" [formControl]="dayControl" min="2026-01-01" />
      <mat-datepicker-toggle matIconSuffix [for]="dayPicker" />
      <mat-datepicker #dayPicker />
    </mat-form-field>
    <p class="unreadable">{{ day.unreadable }}</p>
    <mat-form-field>
      <mat-label>Time</mat-label>
      <input matInput [matTimepicker]="timePicker" btTimeOfDay [formControl]="timeControl" />
      <mat-timepicker-toggle matIconSuffix [for]="timePicker" aria-label="Choose the time" />
      <mat-timepicker #timePicker />
    </mat-form-field>
  `,
})
class Fields {
  readonly dayControl = new FormControl('', { nonNullable: true });
  readonly timeControl = new FormControl('', { nonNullable: true });
}

function render(language: Language) {
  TestBed.configureTestingModule({ providers: [provideReadersDates(language, { en: enUS, 'sr-Latn': srLatn, 'sr-Cyrl': sr }[language])] });
  const fixture = TestBed.createComponent(Fields);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const [day, time] = Array.from(element.querySelectorAll('input'));
  const type = (input: HTMLInputElement, text: string) => {
    input.value = text;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  };
  return { fixture, element, day, time, type, form: fixture.componentInstance };
}

describe('date and time fields in the reader’s format', () => {
  it('reads and shows a Serbian day (6. 12. 2026.), keeping the form value YYYY-MM-DD', () => {
    const { form, day, type } = render('sr-Latn');
    type(day, '6. 12. 2026.');
    expect(form.dayControl.value).toBe('2026-12-06');
    expect(day.value).toBe('6. 12. 2026.');
    for (const written of ['6.12.2026.', '6.12.2026', '06. 12. 26.', '2026-12-06']) {
      type(day, written);
      expect(form.dayControl.value).toBe('2026-12-06');
    }
    form.dayControl.setValue('2027-03-01');
    expect(day.value).toBe('1. 3. 2027.');
  });

  it('reads and shows the same digits in Cyrillic', () => {
    const { form, day, type } = render('sr-Cyrl');
    type(day, '6. 12. 2026.');
    expect(form.dayControl.value).toBe('2026-12-06');
    expect(day.value).toBe('6. 12. 2026.');
  });

  it('reads and shows an English (US) day as 12/6/2026', () => {
    const { form, day, type } = render('en');
    type(day, '12/6/2026');
    expect(form.dayControl.value).toBe('2026-12-06');
    expect(day.value).toBe('12/6/2026');
    type(day, '12/6/26');
    expect(form.dayControl.value).toBe('2026-12-06');
  });

  it('leaves an unreadable text empty and says how to write a date, and keeps the min', () => {
    const { form, day, type, element, fixture } = render('sr-Latn');
    type(day, '32. 12. 2026.');
    expect(form.dayControl.value).toBe('');
    expect(form.dayControl.hasError('matDatepickerParse')).toBe(true);
    fixture.detectChanges();
    expect(element.querySelector('.unreadable')?.textContent).toContain(`31. 12. ${new Date().getFullYear()}.`);
    type(day, '31. 12. 2025.');
    expect(form.dayControl.value).toBe('2025-12-31');
    expect(form.dayControl.hasError('matDatepickerMin')).toBe(true);
  });

  it('reads a time as the reader writes it, keeping HH:mm', () => {
    const english = render('en');
    english.type(english.time, '5:30 PM');
    expect(english.form.timeControl.value).toBe('17:30');
    expect(english.time.value).toBe('5:30 PM');
    english.type(english.time, '9:05');
    expect(english.form.timeControl.value).toBe('09:05');
    english.form.timeControl.setValue('18:00');
    english.fixture.detectChanges();
    expect(english.time.value).toBe('6:00 PM');
  });

  it('reads a Serbian time as 17:30', () => {
    const { form, time, type, fixture } = render('sr-Cyrl');
    type(time, '17:30');
    expect(form.timeControl.value).toBe('17:30');
    expect(time.value).toBe('17:30');
    type(time, 'kasno');
    expect(form.timeControl.value).toBe('');
    expect(form.timeControl.hasError('matTimepickerParse')).toBe(true);
    form.timeControl.setValue('08:00');
    fixture.detectChanges();
    expect(time.value).toBe('08:00');
  });

  it('names the calendar button in the reader’s language', () => {
    const { element } = render('en');
    expect(TestBed.inject(MatDatepickerIntl).openCalendarLabel).toBe('Open calendar');
    expect(element.querySelector('mat-datepicker-toggle button')?.getAttribute('aria-label')).toBe('Open calendar');
    expect(element.querySelector('mat-timepicker-toggle button')?.getAttribute('aria-label')).toBe('Choose the time');
  });
});
