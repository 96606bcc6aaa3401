import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { ActionActivityDto, CorrectiveMeasureDto } from '@bt/contracts';
import { DATE_FIELD } from '@bt/web/ui/dates';
import { DialogSave } from '@bt/web/ui/refusals';
import { ActionPlanApi } from './action-plan-api';

const notBlank: ValidatorFn = (control) => (String(control.value ?? '').trim() ? null : { required: true });

/** A corrective measure on a late activity: what is done about it, by whom, by when. */
@Component({
  selector: 'bt-corrective-measure-dialog',
  imports: [ReactiveFormsModule, MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatHint, MatError, MatInput, MatProgressBar, DATE_FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@actionPlan.measure.title">Add a corrective measure</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p i18n="@@actionPlan.measure.intro">For the late activity {{ activity.code }}: {{ activity.title }}</p>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@actionPlan.measure.what">What will be done</mat-label>
          <textarea matInput formControlName="what" rows="3" maxlength="2000" required></textarea>
          @if (form.controls.what.hasError('required')) {
            <mat-error i18n="@@actionPlan.measure.what.required">Say what will be done.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@actionPlan.measure.responsible">Who is responsible</mat-label>
          <input matInput formControlName="responsible" maxlength="300" required />
          @if (form.controls.responsible.hasError('required')) {
            <mat-error i18n="@@actionPlan.measure.responsible.required">Name who is responsible.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@actionPlan.measure.dueDate">By when</mat-label>
          <input matInput [matDatepicker]="dueDatePicker" btCalendarDay #dueDay="btCalendarDay" formControlName="dueDate" required />
          <mat-datepicker-toggle matIconSuffix [for]="dueDatePicker" />
          <mat-datepicker #dueDatePicker />
          <mat-hint i18n="@@actionPlan.measure.dueDate.hint">The date the measure is due.</mat-hint>
          @if (form.controls.dueDate.hasError('matDatepickerParse')) {
            <mat-error>{{ dueDay.unreadable }}</mat-error>
          } @else if (form.controls.dueDate.hasError('required')) {
            <mat-error i18n="@@actionPlan.measure.dueDate.required">Enter the date it is due.</mat-error>
          }
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" i18n-aria-label="@@actionPlan.measure.saving" aria-label="Adding the corrective measure" />
          }
        </div>
        @if (problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@actionPlan.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@actionPlan.measure.submit">Add the measure</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.dialog-form { display: grid; gap: 8px; min-width: min(520px, 80vw); } .progress-slot { height: 4px; } .dialog-error { color: var(--mat-sys-error); }`,
})
export class CorrectiveMeasureDialog {
  protected readonly activity = inject<ActionActivityDto>(MAT_DIALOG_DATA);
  private readonly api = inject(ActionPlanApi);
  private readonly dialog = inject<MatDialogRef<CorrectiveMeasureDialog, CorrectiveMeasureDto>>(MatDialogRef);
  protected readonly form = new FormGroup({
    what: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(2000)] }),
    responsible: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(300)] }),
    dueDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  private readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;
  protected readonly problem = this.submission.problem;

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { what, responsible, dueDate } = this.form.getRawValue();
    this.submission.run(
      this.api.addMeasure(this.activity.id, { what: what.trim(), responsible: responsible.trim(), dueDate }),
      (measure) => this.dialog.close(measure),
      $localize`:@@actionPlan.measure.failed:The corrective measure could not be added. Please try again.`,
    );
  }
}
