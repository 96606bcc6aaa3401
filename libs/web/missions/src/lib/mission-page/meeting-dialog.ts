import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { MissionDetailDto, MissionMeetingDto } from '@bt/contracts';
import { DisplayDatePipe } from '@bt/web/benchmarks';
import { DialogSave } from '@bt/web/identity';
import { DATE_FIELD } from '@bt/web/identity/dates';
import { MissionsPagesApi } from '../missions-api';

export interface MeetingDialogData {
  readonly mission: MissionDetailDto;
  readonly meeting: MissionMeetingDto;
}

/** Corrects a meeting of a mission's agenda (the Commission): date (within the mission's dates), institution, participants. */
@Component({
  selector: 'bt-meeting-dialog',
  imports: [DATE_FIELD, DisplayDatePipe, FormsModule, MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatFormField, MatHint, MatInput, MatLabel, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="Title of the dialog that corrects a meeting of a mission's agenda@@missionPage.meetingEdit.title">Edit meeting</h2>
    <form (submit)="$event.preventDefault(); save()">
      <mat-dialog-content class="dialog-form">
        <mat-form-field>
          <mat-label i18n="@@missionPage.meeting.date">Meeting date</mat-label>
          <input matInput [matDatepicker]="meetsOnPicker" btCalendarDay name="meetsOn" [(ngModel)]="meeting.meetsOn" [min]="data.mission.startDate" [max]="data.mission.endDate" required />
          <mat-datepicker-toggle matIconSuffix [for]="meetsOnPicker" />
          <mat-datepicker #meetsOnPicker />
          <mat-hint i18n="@@missionPage.meetingEdit.dateHint">Between {{ data.mission.startDate | displayDate }} and {{ data.mission.endDate | displayDate }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@missionPage.meeting.institution">Institution</mat-label>
          <input matInput name="institution" [(ngModel)]="meeting.institution" maxlength="300" required />
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@missionPage.meeting.participants">Participants</mat-label>
          <input matInput name="participants" [(ngModel)]="meeting.participants" maxlength="2000" />
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" i18n-aria-label="@@missionPage.meetingEdit.saving" aria-label="Saving the meeting" />
          }
        </div>
        @if (problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@missionPage.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()" i18n="@@missionPage.meetingEdit.submit">Save the meeting</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .dialog-form { display: grid; gap: 8px; min-width: min(480px, 80vw); }
    .progress-slot { height: 4px; }
    .dialog-error { color: var(--mat-sys-error); }
  `,
})
export class MeetingDialog {
  protected readonly data = inject<MeetingDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(MissionsPagesApi);
  private readonly dialog = inject<MatDialogRef<MeetingDialog, MissionDetailDto>>(MatDialogRef);

  protected readonly meeting = { meetsOn: this.data.meeting.meetsOn, institution: this.data.meeting.institution, participants: this.data.meeting.participants };
  private readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;
  protected readonly problem = this.submission.problem;

  protected save(): void {
    this.submission.run(
      this.api.correctMeeting(this.data.mission.id, this.data.meeting.id, this.meeting),
      (mission) => this.dialog.close(mission),
      $localize`:@@missionPage.meetingEdit.failed:The meeting could not be saved.`,
    );
  }
}
