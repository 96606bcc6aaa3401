import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ActionActivityDto, CorrectiveMeasureDto } from '@bt/contracts';
import { DATE_FIELD } from '@bt/web/ui/dates';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { ActionPlanApi } from './action-plan-api';

const notBlank: ValidatorFn = (control) => (String(control.value ?? '').trim() ? null : { required: true });

/** A corrective measure on a late activity: what is done about it, by whom, by when. */
@Component({
  selector: 'bt-corrective-measure-dialog',
  imports: [FORM_DIALOG, DATE_FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Adding the corrective measure"
      i18n-savingLabel="@@actionPlan.measure.saving"
      [minWidth]="'520px'"
      [formGroup]="form"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@actionPlan.measure.title">Add a corrective measure</h2>
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
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@actionPlan.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@actionPlan.measure.submit">Add the measure</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
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
  protected readonly submission = new DialogSave();

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
