import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { MissionMeetingRequest } from '@bt/contracts';
import { DisplayDatePipe } from '@bt/web/ui';
import { DATE_FIELD } from '@bt/web/ui/dates';

/** A meeting of the agenda: its day (within the mission's dates, which the date field offers), institution and participants. */
export function meetingForm(meeting?: MissionMeetingRequest) {
  return new FormGroup({
    meetsOn: new FormControl(meeting?.meetsOn ?? '', { nonNullable: true, validators: [Validators.required] }),
    institution: new FormControl(meeting?.institution ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
    participants: new FormControl(meeting?.participants ?? '', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });
}

/**
 * A meeting's fields, as adding one to the agenda and correcting one ask for them: its day (within the
 * mission's dates, which the date field offers), institution and participants. The fields stand in
 * the form around them (a row of the agenda, or a dialog's column), whose FormGroup (a meetingForm)
 * their formControlName finds.
 */
@Component({
  selector: 'bt-meeting-fields',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, DATE_FIELD, DisplayDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  template: `
    <mat-form-field>
      <mat-label i18n="@@missionPage.meeting.date">Meeting date</mat-label>
      <input
        matInput
        [matDatepicker]="meetsOnPicker"
        btCalendarDay
        #meetsOnDay="btCalendarDay"
        formControlName="meetsOn"
        [min]="startDate()"
        [max]="endDate()"
        required
      />
      <mat-datepicker-toggle matIconSuffix [for]="meetsOnPicker" />
      <mat-datepicker #meetsOnPicker />
      @if (form().controls.meetsOn.hasError('matDatepickerParse')) {
        <mat-error>{{ meetsOnDay.unreadable }}</mat-error>
      }
      @if (dateHint()) {
        <mat-hint i18n="@@missionPage.meetingEdit.dateHint">Between {{ startDate() | displayDate }} and {{ endDate() | displayDate }}</mat-hint>
      }
    </mat-form-field>
    <mat-form-field>
      <mat-label i18n="@@missionPage.meeting.institution">Institution</mat-label>
      <input matInput formControlName="institution" maxlength="300" required />
    </mat-form-field>
    <mat-form-field>
      <mat-label i18n="@@missionPage.meeting.participants">Participants</mat-label>
      <input matInput formControlName="participants" maxlength="2000" />
    </mat-form-field>
  `,
  // The fields are the form's own children for its layout (the agenda's row, the dialog's column).
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class MeetingFields {
  readonly form = input.required<ReturnType<typeof meetingForm>>();
  /** The mission's first and last day: the meeting's day lies between them. */
  readonly startDate = input.required<string>();
  readonly endDate = input.required<string>();
  /** Whether the date field says which days it takes (the dialog; the agenda's row has no room). */
  readonly dateHint = input(false);
}
