import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ActionActivityDto, ActivityProgressNoteDto } from '@bt/contracts';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { ActionPlanApi } from './action-plan-api';

/** A progress note on an activity (kept as written: notes are never edited). */
@Component({
  selector: 'bt-progress-note-dialog',
  imports: [FORM_DIALOG],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Saving the note"
      i18n-savingLabel="@@actionPlan.note.saving"
      [minWidth]="'520px'"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@actionPlan.note.title">Note progress</h2>
      <p i18n="@@actionPlan.note.intro">On activity {{ activity.code }}: {{ activity.title }}</p>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@actionPlan.note.text">What has happened</mat-label>
        <textarea matInput [formControl]="text" rows="4" maxlength="10000" required></textarea>
        @if (text.hasError('required')) {
          <mat-error i18n="@@actionPlan.note.required">Write the note.</mat-error>
        }
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@actionPlan.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@actionPlan.note.submit">Add the note</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
})
export class ProgressNoteDialog {
  protected readonly activity = inject<ActionActivityDto>(MAT_DIALOG_DATA);
  private readonly api = inject(ActionPlanApi);
  private readonly dialog = inject<MatDialogRef<ProgressNoteDialog, ActivityProgressNoteDto>>(MatDialogRef);
  protected readonly text = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(10_000), (c) => (c.value.trim() ? null : { required: true })],
  });
  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.text.invalid) {
      this.text.markAsTouched();
      return;
    }
    this.submission.run(
      this.api.addNote(this.activity.id, this.text.value.trim()),
      (note) => this.dialog.close(note),
      $localize`:@@actionPlan.note.failed:The note could not be saved. Please try again.`,
    );
  }
}
