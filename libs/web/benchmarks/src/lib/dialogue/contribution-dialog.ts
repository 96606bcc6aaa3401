import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import type { BenchmarkDetailDto, ContributionKind, ProposalDto } from '@bt/contracts';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { catchError, of } from 'rxjs';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { EvidenceApi } from '../evidence/evidence-api';
import { notBlank } from '../not-blank';
import { DialogueApi } from './dialogue-api';

export interface ContributionDialogData {
  readonly benchmark: BenchmarkDetailDto;
  /** Replying in this thread; otherwise a new proposal or comment. */
  readonly replyTo?: { readonly id: string; readonly heading: string };
  /** Whether the caller may open a thread (civil society, the Commission); the ministry only replies. */
  readonly mayOpen: boolean;
}

/** A new proposal or comment, or a reply in a thread; optionally anchored on a sub-requirement or evidence item. */
@Component({
  selector: 'bt-contribution-dialog',
  imports: [FORM_DIALOG, MatSelect, MatOption, MatRadioGroup, MatRadioButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog [submission]="submission" savingLabel="Saving" i18n-savingLabel="@@dialogue.add.saving" [formGroup]="form" (formSubmit)="save()">
      <h2 mat-dialog-title>
        @if (data.replyTo; as parent) {
          <ng-container i18n="@@dialogue.reply.title">Reply to {{ parent.heading }}</ng-container>
        } @else {
          <ng-container i18n="@@dialogue.add.title">Add to the dialogue</ng-container>
        }
      </h2>
      @if (!data.replyTo) {
        <fieldset class="dialog-form__group">
          <legend id="kind-legend" class="dialog-form__legend" i18n="@@dialogue.add.kind">Kind</legend>
          <mat-radio-group formControlName="kind" class="choice" aria-labelledby="kind-legend">
            <mat-radio-button value="proposal" i18n="@@dialogue.add.kind.proposal">Proposal — the ministry must answer it with its reasons</mat-radio-button>
            <mat-radio-button value="comment" i18n="@@dialogue.add.kind.comment">Comment — discussion, no formal answer</mat-radio-button>
          </mat-radio-group>
        </fieldset>
      }
      <mat-form-field appearance="outline">
        <mat-label i18n="@@dialogue.add.text">Text</mat-label>
        <textarea matInput formControlName="text" rows="6" maxlength="20000" required></textarea>
        <mat-hint i18n="@@dialogue.add.hint">Seen by the ministry, the Commission and the peer reviewers.</mat-hint>
        @if (form.controls.text.hasError('required')) {
          <mat-error i18n="@@dialogue.add.required">Write the text.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@dialogue.add.subRequirement">About sub-requirement</mat-label>
        <mat-select formControlName="subRequirementId">
          <mat-option [value]="null" i18n="@@dialogue.add.none">None</mat-option>
          @for (sub of data.benchmark.subRequirements; track sub.id) {
            <mat-option [value]="sub.id">{{ sub.code }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@dialogue.add.evidence">About evidence item</mat-label>
        <mat-select formControlName="evidenceId">
          <mat-option [value]="null" i18n="@@dialogue.add.none">None</mat-option>
          @for (item of evidence(); track item.id) {
            <mat-option [value]="item.id">{{ item.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="unsaved.close()" i18n="@@workflow.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit">
          @if (data.replyTo) {
            <ng-container i18n="@@dialogue.reply.submit">Post reply</ng-container>
          } @else {
            <ng-container i18n="@@dialogue.add.submit">Post</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class ContributionDialog {
  protected readonly data = inject<ContributionDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DialogueApi);
  private readonly dialog = inject<MatDialogRef<ContributionDialog, ProposalDto>>(MatDialogRef);

  private readonly evidenceApi = inject(EvidenceApi);

  /** The evidence the caller may see (the API never lists internal items to civil society). */
  protected readonly evidence = toSignal(this.evidenceApi.list(this.data.benchmark.code).pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly form = new FormGroup({
    kind: new FormControl<ContributionKind>(this.data.mayOpen ? 'proposal' : 'comment', { nonNullable: true }),
    text: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(20_000)] }),
    subRequirementId: new FormControl<string | null>(null),
    evidenceId: new FormControl<string | null>(null),
  });
  /** Escape, a click outside and Cancel ask before losing what was typed; the draft is kept in this browser until saved. */
  protected readonly unsaved = new UnsavedWork(this.dialog, this.form, `contribution.${this.data.benchmark.code}.${this.data.replyTo?.id ?? 'new'}`);
  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { kind, text, subRequirementId, evidenceId } = this.form.getRawValue();
    const request = {
      text: text.trim(),
      ...(this.data.replyTo ? { parentId: this.data.replyTo.id } : { kind }),
      ...(subRequirementId ? { subRequirementId } : {}),
      ...(evidenceId ? { evidenceId } : {}),
    };
    this.submission.run(
      this.api.create(this.data.benchmark.code, request),
      (saved) => {
        this.unsaved.saved();
        this.dialog.close(saved);
      },
      $localize`:@@dialogue.add.failed:It could not be posted. Please try again.`,
    );
  }
}
