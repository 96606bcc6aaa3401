import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { MissionDetailDto, MissionMeetingDto, MissionMeetingRequest } from '@bt/contracts';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { DisplayDatePipe } from '@bt/web/ui';
import { DATE_FIELD } from '@bt/web/ui/dates';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../missions-api';

export interface MeetingDialogData {
  readonly mission: MissionDetailDto;
  readonly meeting: MissionMeetingDto;
}

/** A meeting of the agenda: its day (within the mission's dates, which the date field offers), institution and participants. */
export function meetingForm(meeting?: MissionMeetingRequest) {
  return new FormGroup({
    meetsOn: new FormControl(meeting?.meetsOn ?? '', { nonNullable: true, validators: [Validators.required] }),
    institution: new FormControl(meeting?.institution ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
    participants: new FormControl(meeting?.participants ?? '', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });
}

/** Corrects a meeting of a mission's agenda (the Commission): date (within the mission's dates), institution, participants. */
@Component({
  selector: 'bt-meeting-dialog',
  imports: [FORM_DIALOG, DATE_FIELD, DisplayDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog [submission]="submission" savingLabel="Saving the meeting" i18n-savingLabel="@@missionPage.meetingEdit.saving" [minWidth]="'480px'" [formGroup]="form" (formSubmit)="save()">
      <h2 mat-dialog-title i18n="Title of the dialog that corrects a meeting of a mission's agenda@@missionPage.meetingEdit.title">Edit meeting</h2>
      <mat-form-field>
        <mat-label i18n="@@missionPage.meeting.date">Meeting date</mat-label>
        <input matInput [matDatepicker]="meetsOnPicker" btCalendarDay #meetsOnDay="btCalendarDay" formControlName="meetsOn" [min]="data.mission.startDate" [max]="data.mission.endDate" required />
        <mat-datepicker-toggle matIconSuffix [for]="meetsOnPicker" />
        <mat-datepicker #meetsOnPicker />
        @if (form.controls.meetsOn.hasError('matDatepickerParse')) {
          <mat-error>{{ meetsOnDay.unreadable }}</mat-error>
        }
        <mat-hint i18n="@@missionPage.meetingEdit.dateHint">Between {{ data.mission.startDate | displayDate }} and {{ data.mission.endDate | displayDate }}</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@missionPage.meeting.institution">Institution</mat-label>
        <input matInput formControlName="institution" maxlength="300" required />
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@missionPage.meeting.participants">Participants</mat-label>
        <input matInput formControlName="participants" maxlength="2000" />
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="unsaved.close()" i18n="@@missionPage.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()" i18n="@@missionPage.meetingEdit.submit">Save the meeting</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
})
export class MeetingDialog {
  protected readonly data = inject<MeetingDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(MissionsPagesApi);
  private readonly dialog = inject<MatDialogRef<MeetingDialog, MissionDetailDto>>(MatDialogRef);

  protected readonly form = meetingForm(this.data.meeting);
  /** Escape, a click outside and Cancel ask before a half-made correction is thrown away. */
  protected readonly unsaved = new UnsavedWork(this.dialog, this.form);
  protected readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submission.run(
      this.api.correctMeeting(this.data.mission.id, this.data.meeting.id, this.form.getRawValue()),
      (mission) => this.dialog.close(mission),
      $localize`:@@missionPage.meetingEdit.failed:The meeting could not be saved.`,
    );
  }
}
