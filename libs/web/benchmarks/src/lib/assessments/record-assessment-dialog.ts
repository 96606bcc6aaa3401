import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { MatOption, MatSelect } from '@angular/material/select';
import type { AssessmentDto, AssessmentVoice } from '@bt/contracts';
import { ASSESSMENT_PERIOD } from '@bt/contracts/values';
import type { PreparationGrade, ProgressGrade } from '@bt/workflow';
import { AuthSession } from '@bt/web/identity';
import { catchError, of } from 'rxjs';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { AssessmentGradeFields } from '../assessment-grade-fields';
import { notBlank } from '../not-blank';
import { AssessmentsApi } from './assessments-api';

export interface RecordAssessmentDialogData {
  readonly code: string;
  /** The benchmark's country: a shadow assessment may cite a project of it. */
  readonly country: string;
  readonly voice: AssessmentVoice;
  readonly period: string;
}

/** What recording an assessment is called, per voice (the panel's button and the dialog's title). */
export const RECORD_TITLES: Record<AssessmentVoice, string> = {
  commission: $localize`:Title of the dialog recording the Commission's assessment@@assessments.record.title.commission:Record the Commission's assessment`,
  ministry: $localize`:Title of the dialog recording the ministry's self-assessment@@assessments.record.title.ministry:Record a self-assessment`,
  civil_society: $localize`:Title of the dialog recording a CSO's shadow assessment@@assessments.record.title.civilSociety:Record your shadow assessment`,
};

const PERIOD = ASSESSMENT_PERIOD;

/** An assessment in the user's own voice for a period; earlier ones stay in the history. */
@Component({
  selector: 'bt-record-assessment-dialog',
  imports: [FORM_DIALOG, MatSelect, MatOption, AssessmentGradeFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Saving the assessment"
      i18n-savingLabel="@@assessments.record.saving"
      [formGroup]="form"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title>{{ title }}</h2>
      <p class="dialog-form__intro" i18n="@@assessments.record.intro">
        On benchmark {{ data.code }}, on the Commission's scales. Earlier assessments stay in the history.
      </p>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@assessments.record.period">Reporting period</mat-label>
        <input matInput formControlName="period" required />
        <mat-hint i18n="@@assessments.record.periodHint">A year such as 2026, or 2026-H1, 2026-Q3</mat-hint>
        @if (form.controls.period.invalid) {
          <mat-error i18n="@@assessments.record.periodInvalid">Give a year such as 2026, or 2026-H1, 2026-Q3.</mat-error>
        }
      </mat-form-field>
      <bt-assessment-grade-fields [preparation]="form.controls.preparation" [progress]="form.controls.progress" />
      <mat-form-field appearance="outline">
        <mat-label i18n="@@assessments.record.text">Assessment</mat-label>
        <textarea matInput formControlName="text" rows="5" maxlength="10000" required></textarea>
        @if (form.controls.text.hasError('required')) {
          <mat-error i18n="@@assessments.record.textRequired">Say why.</mat-error>
        }
      </mat-form-field>
      @if (citable().length) {
        <mat-form-field appearance="outline">
          <mat-label i18n="@@assessments.record.source">Comes from the monitoring project (optional)</mat-label>
          <mat-select formControlName="sourceProjectId">
            <mat-option [value]="null" i18n="@@assessments.record.noSource">None</mat-option>
            @for (project of citable(); track project.id) {
              <mat-option [value]="project.id">{{ project.title }}</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@assessments.record.sourceHint">A project your organisation implements; shown beside the assessment.</mat-hint>
        </mat-form-field>
      }
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="unsaved.close()" i18n="@@workflow.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@assessments.record.submit">Save assessment</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class RecordAssessmentDialog {
  protected readonly data = inject<RecordAssessmentDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(AssessmentsApi);
  private readonly dialog = inject<MatDialogRef<RecordAssessmentDialog, AssessmentDto>>(MatDialogRef);

  protected readonly title = RECORD_TITLES[this.data.voice];
  protected readonly form = new FormGroup({
    period: new FormControl(this.data.period, { nonNullable: true, validators: [Validators.required, Validators.pattern(PERIOD)] }),
    preparation: new FormControl<PreparationGrade | null>(null, { validators: [Validators.required] }),
    progress: new FormControl<ProgressGrade | null>(null, { validators: [Validators.required] }),
    text: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(10_000)] }),
    sourceProjectId: new FormControl<string | null>(null),
  });
  /** Escape, a click outside and Cancel ask before losing what was typed; the draft is kept in this browser until saved. */
  protected readonly unsaved = new UnsavedWork(this.dialog, this.form, `assessment.${this.data.code}.${this.data.voice}`);
  /** For a shadow assessment: the projects its organisation implements in the benchmark's country, which it may cite. */
  private readonly me = inject(AuthSession).me;
  protected readonly citable = toSignal(
    this.data.voice === 'civil_society' && this.me()
      ? this.api.citableProjects(this.data.country, this.me()?.organisation.id ?? '').pipe(catchError(() => of([])))
      : of([]),
    { initialValue: [] },
  );
  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { period, preparation, progress, text, sourceProjectId } = this.form.getRawValue();
    this.submission.run(
      this.api.record(this.data.code, {
        period: period.trim(),
        preparation: preparation as PreparationGrade,
        progress: progress as ProgressGrade,
        text: text.trim(),
        ...(sourceProjectId ? { sourceProjectId } : {}),
      }),
      (saved) => {
        this.unsaved.saved();
        this.dialog.close(saved);
      },
      $localize`:@@assessments.record.failed:The assessment could not be saved. Please try again.`,
    );
  }
}
