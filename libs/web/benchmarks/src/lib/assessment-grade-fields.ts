import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { PreparationGrade, ProgressGrade } from '@bt/workflow';
import { PREPARATION_OPTIONS, PROGRESS_OPTIONS } from './assessment-grades';

/** The two scales of an assessment as selects, wherever an assessment is recorded (ACCEPT, or any voice at any time). */
@Component({
  selector: 'bt-assessment-grade-fields',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Laid out as if the fields were the form's own.
  styles: ':host { display: contents; }',
  template: `
    <mat-form-field appearance="outline">
      <mat-label i18n="@@workflow.assessment.preparation">State of preparation</mat-label>
      <mat-select class="assessment-preparation" [formControl]="preparation()" required>
        @for (option of preparationOptions; track option.grade) {
          <mat-option [value]="option.grade">{{ option.label }}</mat-option>
        }
      </mat-select>
      @if (preparation().hasError('required')) {
        <mat-error i18n="@@workflow.assessment.preparation.required">Choose the state of preparation.</mat-error>
      }
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label i18n="@@workflow.assessment.progress">Progress in the period</mat-label>
      <mat-select class="assessment-progress" [formControl]="progress()" required>
        @for (option of progressOptions; track option.grade) {
          <mat-option [value]="option.grade">{{ option.label }}</mat-option>
        }
      </mat-select>
      @if (progress().hasError('required')) {
        <mat-error i18n="@@workflow.assessment.progress.required">Choose the progress.</mat-error>
      }
    </mat-form-field>
  `,
})
export class AssessmentGradeFields {
  readonly preparation = input.required<FormControl<PreparationGrade | null>>();
  readonly progress = input.required<FormControl<ProgressGrade | null>>();
  protected readonly preparationOptions = PREPARATION_OPTIONS;
  protected readonly progressOptions = PROGRESS_OPTIONS;
}
