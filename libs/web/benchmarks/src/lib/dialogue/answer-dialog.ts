import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { ProposalDecision, ProposalDto } from '@bt/contracts';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { DisplayDatePipe } from '@bt/web/ui';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { notBlank } from '../not-blank';
import { DialogueApi } from './dialogue-api';
import { DECISION_OPTIONS, decisionLabel } from './proposal-decisions';

export interface AnswerDialogData {
  readonly proposal: ProposalDto;
  /** The proposal's heading as the page names it ("Proposal 2"). */
  readonly heading: string;
}

/** The ministry's reasoned answer to a proposal; answering again adds a version, the earlier ones stay (shown here). */
@Component({
  selector: 'bt-answer-dialog',
  imports: [FORM_DIALOG, DisplayDatePipe, MatRadioGroup, MatRadioButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Saving the answer"
      i18n-savingLabel="@@dialogue.answer.saving"
      [formGroup]="form"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@dialogue.answer.title">Answer {{ data.heading }}</h2>
      <blockquote class="dialog-form__intro">{{ data.proposal.text }}</blockquote>
      @if (data.proposal.answers.length) {
        <h3 class="dialog-form__legend" i18n="@@dialogue.answer.earlier">Earlier answers (kept in the record)</h3>
        <ol class="earlier-answers">
          @for (earlier of data.proposal.answers; track earlier.id) {
            <li>
              <strong>{{ label(earlier.decision) }}</strong> —
              <span i18n="Who answered, and when@@dialogue.answer.earlierBy"
                >{{ earlier.author }}, <time [attr.datetime]="earlier.createdAt">{{ earlier.createdAt | displayDate }}</time></span
              >
              <p>{{ earlier.reasoning }}</p>
            </li>
          }
        </ol>
      }
      <fieldset class="dialog-form__group">
        <legend id="decision-legend" class="dialog-form__legend" i18n="@@dialogue.answer.decision">Decision</legend>
        <mat-radio-group formControlName="decision" class="choice" aria-labelledby="decision-legend" required>
          @for (option of decisions; track option.decision) {
            <mat-radio-button [value]="option.decision">{{ option.label }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.decision.invalid && form.controls.decision.touched) {
          <p class="dialog-error" role="alert" i18n="@@dialogue.answer.decision.required">Choose a decision.</p>
        }
      </fieldset>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@dialogue.answer.reasoning">Reasons</mat-label>
        <textarea matInput formControlName="reasoning" rows="5" maxlength="20000" required></textarea>
        @if (form.controls.reasoning.hasError('required')) {
          <mat-error i18n="@@dialogue.answer.reasoning.required">Give the reasons for the decision.</mat-error>
        }
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="unsaved.close()" i18n="@@workflow.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@dialogue.answer.submit">Save answer</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styles: `
    .earlier-answers {
      margin: 0 0 16px;
      padding-left: 20px;
      p {
        margin: 4px 0 8px;
      }
    }
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class AnswerDialog {
  protected readonly data = inject<AnswerDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DialogueApi);
  private readonly dialog = inject<MatDialogRef<AnswerDialog, ProposalDto>>(MatDialogRef);

  protected readonly decisions = DECISION_OPTIONS;
  protected readonly label = decisionLabel;
  protected readonly form = new FormGroup({
    decision: new FormControl<ProposalDecision | null>(this.data.proposal.answer?.decision ?? null, { validators: [Validators.required] }),
    reasoning: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(20_000)] }),
  });
  /** Escape, a click outside and Cancel ask before losing what was typed; the draft is kept in this browser until saved. */
  protected readonly unsaved = new UnsavedWork(this.dialog, this.form, `answer.${this.data.proposal.id}`);
  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { decision, reasoning } = this.form.getRawValue();
    this.submission.run(
      this.api.respond(this.data.proposal.id, { decision: decision as ProposalDecision, reasoning: reasoning.trim() }),
      (proposal) => {
        this.unsaved.saved();
        this.dialog.close(proposal);
      },
      $localize`:@@dialogue.answer.failed:The answer could not be saved. Please try again.`,
    );
  }
}
