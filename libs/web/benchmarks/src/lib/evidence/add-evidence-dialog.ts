import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
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
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { EvidenceDto, EvidenceVisibility } from '@bt/contracts';
import { DialogSave } from '@bt/web/identity';
import { notBlank } from '../not-blank';
import { EvidenceApi } from './evidence-api';
import { VISIBILITY_OPTIONS } from './evidence-visibility';

export interface AddEvidenceDialogData {
  readonly code: string;
}

/** A new evidence item on a draft benchmark: title, narrative and who may see it. */
@Component({
  selector: 'bt-add-evidence-dialog',
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
    MatRadioGroup,
    MatRadioButton,
    MatProgressBar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@evidence.add.title">Add evidence</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="dialog-form__intro" i18n="@@evidence.add.intro">Evidence for benchmark {{ data.code }}.</p>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@evidence.add.titleField">Title</mat-label>
          <input matInput formControlName="title" maxlength="300" autocomplete="off" required />
          @if (form.controls.title.hasError('required')) {
            <mat-error i18n="@@evidence.add.title.required">Enter a title.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@evidence.add.narrative">Narrative (optional)</mat-label>
          <textarea matInput formControlName="narrative" rows="5" maxlength="100000"></textarea>
          <mat-hint i18n="@@evidence.add.narrative.hint">What was done, and how it meets the benchmark.</mat-hint>
        </mat-form-field>
        <fieldset class="dialog-form__group">
          <legend id="evidence-visibility-legend" class="dialog-form__legend" i18n="@@evidence.add.visibility">
            Who may see it
          </legend>
          <mat-radio-group formControlName="visibility" class="choice" aria-labelledby="evidence-visibility-legend">
            @for (option of visibilities; track option.visibility) {
              <mat-radio-button [value]="option.visibility" [attr.data-visibility]="option.visibility">
                <span class="choice__label">{{ option.label }}</span>
                <span class="choice__hint">{{ option.hint }}</span>
              </mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" i18n-aria-label="@@evidence.add.saving" aria-label="Adding the evidence" />
          }
        </div>
        @if (problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@workflow.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@evidence.add.submit">Add evidence</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class AddEvidenceDialog {
  protected readonly data = inject<AddEvidenceDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(EvidenceApi);
  private readonly dialog = inject<MatDialogRef<AddEvidenceDialog, EvidenceDto>>(MatDialogRef);

  protected readonly visibilities = VISIBILITY_OPTIONS;
  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(300)] }),
    narrative: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100_000)] }),
    // Shared is what reviewers need: the submission asks for at least one shared item.
    visibility: new FormControl<EvidenceVisibility>('shared', { nonNullable: true }),
  });
  private readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;
  protected readonly problem = this.submission.problem;

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { title, narrative, visibility } = this.form.getRawValue();
    // 409: no longer a draft; 403: not this user's country. Both explain themselves.
    this.submission.run(this.api
      .create(this.data.code, { title: title.trim(), visibility, ...(narrative.trim() ? { narrative: narrative.trim() } : {}) }), (evidence) => this.dialog.close(evidence), $localize`:@@evidence.add.failed:The evidence could not be added. Please try again.`);
  }
}
