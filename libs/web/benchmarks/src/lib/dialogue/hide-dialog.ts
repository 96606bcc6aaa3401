import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ProposalDto } from '@bt/contracts';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { notBlank } from '../not-blank';
import { DialogueApi } from './dialogue-api';

export interface HideDialogData {
  readonly contribution: ProposalDto;
  readonly heading: string;
}

/** A moderator hides an abusive contribution, saying why; the audit trail keeps its text. */
@Component({
  selector: 'bt-hide-dialog',
  imports: [FORM_DIALOG],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog [submission]="submission" savingLabel="Hiding" i18n-savingLabel="@@dialogue.hide.saving" (formSubmit)="save()">
      <h2 mat-dialog-title i18n="@@dialogue.hide.title">Hide {{ data.heading }}</h2>
      <blockquote class="dialog-form__intro">{{ data.contribution.text }}</blockquote>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@dialogue.hide.reason">Reason</mat-label>
        <textarea matInput [formControl]="reason" rows="3" maxlength="2000" required></textarea>
        <mat-hint i18n="@@dialogue.hide.hint">Everyone sees "hidden by a moderator"; the audit trail keeps the text and your reason.</mat-hint>
        @if (reason.hasError('required')) {
          <mat-error i18n="@@dialogue.hide.required">Give the reason.</mat-error>
        }
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@workflow.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@dialogue.hide.submit">Hide</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class HideDialog {
  protected readonly data = inject<HideDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DialogueApi);
  private readonly dialog = inject<MatDialogRef<HideDialog, ProposalDto>>(MatDialogRef);

  protected readonly reason = new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(2_000)] });
  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.submission.run(
      this.api.hide(this.data.contribution.id, { reason: this.reason.value.trim() }),
      (hidden) => this.dialog.close(hidden),
      $localize`:@@dialogue.hide.failed:It could not be hidden. Please try again.`,
    );
  }
}
