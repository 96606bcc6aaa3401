import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { MissionDetailDto, MissionMeetingDto } from '@bt/contracts';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../missions-api';
import { MeetingFields, meetingForm } from './meeting-fields';

export interface MeetingDialogData {
  readonly mission: MissionDetailDto;
  readonly meeting: MissionMeetingDto;
}

/** Corrects a meeting of a mission's agenda (the Commission): date (within the mission's dates), institution, participants. */
@Component({
  selector: 'bt-meeting-dialog',
  imports: [FORM_DIALOG, MeetingFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Saving the meeting"
      i18n-savingLabel="@@missionPage.meetingEdit.saving"
      [minWidth]="'480px'"
      [formGroup]="form"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="Title of the dialog that corrects a meeting of a mission's agenda@@missionPage.meetingEdit.title">Edit meeting</h2>
      <bt-meeting-fields [form]="form" [startDate]="data.mission.startDate" [endDate]="data.mission.endDate" [dateHint]="true" />
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
