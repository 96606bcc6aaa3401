import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { ProposalDto } from '@bt/contracts';
import { DialogSave } from '@bt/web/identity';
import { notBlank } from '../not-blank';
import { ProposalsApi } from './proposals-api';

export interface AddProposalDialogData {
  readonly code: string;
}

/** A civil-society proposal on a benchmark; the ministry must answer it before submitting. */
@Component({
  selector: 'bt-add-proposal-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatProgressBar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@proposals.add.title">Add a proposal</h2>
    <form (submit)="save($event)" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="dialog-form__intro" i18n="@@proposals.add.intro">
          A proposal on benchmark {{ data.code }}. The ministry answers every proposal with its reasons.
        </p>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@proposals.add.text">Proposal</mat-label>
          <textarea matInput [formControl]="text" rows="6" maxlength="20000" required></textarea>
          <mat-hint i18n="@@proposals.add.hint">Seen by the ministry, the Commission and the peer reviewers.</mat-hint>
          @if (text.hasError('required')) {
            <mat-error i18n="@@proposals.add.required">Write the proposal.</mat-error>
          }
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" i18n-aria-label="@@proposals.add.saving" aria-label="Adding the proposal" />
          }
        </div>
        @if (problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@workflow.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@proposals.add.submit">Add proposal</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class AddProposalDialog {
  protected readonly data = inject<AddProposalDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ProposalsApi);
  private readonly dialog = inject<MatDialogRef<AddProposalDialog, ProposalDto>>(MatDialogRef);

  protected readonly text = new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(20_000)] });
  private readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;
  protected readonly problem = this.submission.problem;

  protected save(event: Event): void {
    event.preventDefault();
    if (this.text.invalid) {
      this.text.markAsTouched();
      return;
    }
    this.submission.run(this.api.create(this.data.code, { text: this.text.value.trim() }), (proposal) => this.dialog.close(proposal), $localize`:@@proposals.add.failed:The proposal could not be added. Please try again.`);
  }
}
