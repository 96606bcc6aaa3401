import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ActionActivityDto, BenchmarkListItemDto, CreateActivityRequest } from '@bt/contracts';
import { of } from 'rxjs';
import { loadEach, LOADING, type LoadState } from '@bt/web/ui';
import { DATE_FIELD } from '@bt/web/ui/dates';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { ActionPlanApi } from './action-plan-api';

export interface AddActivityDialogData {
  /** The ministry's own country: only its benchmarks are offered. */
  readonly country: string;
}

const notBlank: ValidatorFn = (control) => (String(control.value ?? '').trim() ? null : { required: true });
/** The API's rule for activity codes such as 6.2.1. */
const ACTIVITY_CODE = /^[A-Za-z0-9][A-Za-z0-9.\-/]{0,39}$/;
const activityCode: ValidatorFn = (control) => {
  const code = String(control.value ?? '').trim();
  return !code || ACTIVITY_CODE.test(code) ? null : { pattern: true };
};
const twoDecimals: ValidatorFn = (control) =>
  control.value === null || control.value === '' || /^\d+(\.\d{1,2})?$/.test(String(control.value)) ? null : { decimals: true };

/** A new Action Plan activity under one of the country's benchmarks: what, who, by when, with which budget. */
@Component({
  selector: 'bt-add-activity-dialog',
  imports: [FORM_DIALOG, MatSelect, MatOption, DATE_FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Adding the activity"
      i18n-savingLabel="@@actionPlan.add.saving"
      [minWidth]="'560px'"
      [formGroup]="form"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@actionPlan.add.title">Add an activity</h2>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@actionPlan.add.benchmark">Benchmark</mat-label>
        <mat-select formControlName="benchmarkId" required>
          @for (benchmark of benchmarks().value ?? []; track benchmark.id) {
            <mat-option [value]="benchmark.id">{{ benchmark.code }} · {{ benchmark.area.title }}</mat-option>
          }
        </mat-select>
        @if (benchmarks().loading) {
          <mat-hint i18n="@@actionPlan.add.benchmark.loading">Loading the benchmarks…</mat-hint>
        }
        @if (benchmarks().error) {
          <mat-hint i18n="@@actionPlan.add.benchmark.loadFailed">The benchmarks could not be loaded.</mat-hint>
        }
        @if (form.controls.benchmarkId.hasError('required')) {
          <mat-error i18n="@@actionPlan.add.benchmark.required">Choose the benchmark the activity serves.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@actionPlan.add.code">Activity code</mat-label>
        <input matInput formControlName="code" maxlength="40" required autocomplete="off" />
        <mat-hint i18n="@@actionPlan.add.code.hint">As in the Action Plan, such as 6.2.1.</mat-hint>
        @if (form.controls.code.hasError('required')) {
          <mat-error i18n="@@actionPlan.add.code.required">Enter the activity's code.</mat-error>
        } @else if (form.controls.code.hasError('pattern')) {
          <mat-error i18n="@@actionPlan.add.code.pattern">Use letters, digits, dots, dashes or slashes, such as 6.2.1.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@actionPlan.add.activityTitle">What will be done</mat-label>
        <textarea matInput formControlName="title" rows="3" maxlength="1000" required></textarea>
        @if (form.controls.title.hasError('required')) {
          <mat-error i18n="@@actionPlan.add.activityTitle.required">Say what will be done.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@actionPlan.add.institution">Responsible institution</mat-label>
        <input matInput formControlName="responsibleInstitution" maxlength="300" required />
        @if (form.controls.responsibleInstitution.hasError('required')) {
          <mat-error i18n="@@actionPlan.add.institution.required">Name the responsible institution.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@actionPlan.add.deadline">Deadline</mat-label>
        <input matInput [matDatepicker]="deadlinePicker" btCalendarDay #deadlineDay="btCalendarDay" formControlName="deadline" required />
        <mat-datepicker-toggle matIconSuffix [for]="deadlinePicker" />
        <mat-datepicker #deadlinePicker />
        @if (form.controls.deadline.hasError('matDatepickerParse')) {
          <mat-error>{{ deadlineDay.unreadable }}</mat-error>
        } @else if (form.controls.deadline.hasError('required')) {
          <mat-error i18n="@@actionPlan.add.deadline.required">Enter the deadline.</mat-error>
        }
      </mat-form-field>
      <fieldset class="budget">
        <legend i18n="@@actionPlan.add.budget">Budget (optional: amount and source together)</legend>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@actionPlan.add.amount">Amount</mat-label>
          <input matInput type="number" inputmode="decimal" min="0" step="0.01" formControlName="budgetAmount" />
          @if (form.controls.budgetAmount.hasError('min') || form.controls.budgetAmount.hasError('max') || form.controls.budgetAmount.hasError('decimals')) {
            <mat-error i18n="@@actionPlan.add.amount.invalid">Enter an amount of zero or more, with at most two decimals.</mat-error>
          } @else if (form.controls.budgetAmount.hasError('required')) {
            <mat-error i18n="@@actionPlan.add.amount.required">Enter the amount of this budget.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@actionPlan.add.currency">Currency</mat-label>
          <input matInput formControlName="budgetCurrency" maxlength="3" autocomplete="off" />
          <mat-hint i18n="@@actionPlan.add.currency.hint">Three letters, such as EUR.</mat-hint>
          @if (form.controls.budgetCurrency.hasError('pattern') || form.controls.budgetCurrency.hasError('required')) {
            <mat-error i18n="@@actionPlan.add.currency.invalid">Enter a three-letter currency code such as EUR.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label i18n="@@actionPlan.add.source">Source of funding</mat-label>
          <input matInput formControlName="budgetSource" maxlength="300" />
          @if (form.controls.budgetSource.hasError('required')) {
            <mat-error i18n="@@actionPlan.add.source.required">Name where the money comes from.</mat-error>
          }
        </mat-form-field>
      </fieldset>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@actionPlan.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@actionPlan.add.submit">Add the activity</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styles: `
    .budget {
      display: grid;
      grid-template-columns: 2fr 1fr;
      gap: 0 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      padding: 8px 12px 0;
      margin: 0;
    }
    .budget legend {
      padding: 0 4px;
    }
    .budget mat-form-field:last-child {
      grid-column: 1 / -1;
    }
  `,
})
export class AddActivityDialog {
  private readonly data = inject<AddActivityDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ActionPlanApi);
  private readonly dialog = inject<MatDialogRef<AddActivityDialog, ActionActivityDto>>(MatDialogRef);

  protected readonly benchmarks = toSignal(of(this.data.country).pipe(loadEach((country: string) => this.api.benchmarks(country))), {
    initialValue: LOADING as LoadState<BenchmarkListItemDto[]>,
  });
  protected readonly form = new FormGroup({
    benchmarkId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    code: new FormControl('', { nonNullable: true, validators: [notBlank, activityCode] }),
    title: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(1000)] }),
    responsibleInstitution: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(300)] }),
    deadline: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    budgetAmount: new FormControl<number | null>(null, { validators: [Validators.min(0), Validators.max(1e15), twoDecimals] }),
    budgetCurrency: new FormControl('EUR', { nonNullable: true, validators: [Validators.pattern(/^[A-Za-z]{3}$/)] }),
    budgetSource: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
  });
  protected readonly submission = new DialogSave();

  constructor() {
    // A select without options does not open: it waits, disabled, until the benchmarks are there.
    effect(() => {
      const benchmarkId = this.form.controls.benchmarkId;
      if (this.benchmarks().loading) benchmarkId.disable();
      else benchmarkId.enable();
    });
  }

  protected save(): void {
    const { budgetAmount, budgetCurrency, budgetSource } = this.form.controls;
    const hasAmount = budgetAmount.value !== null && String(budgetAmount.value) !== '';
    const hasSource = !!budgetSource.value.trim();
    // The API takes a budget whole or not at all: the half given asks for the rest.
    if (hasAmount && !hasSource) budgetSource.setErrors({ required: true });
    if (hasSource && !hasAmount) budgetAmount.setErrors({ required: true });
    if ((hasAmount || hasSource) && !budgetCurrency.value.trim()) budgetCurrency.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateActivityRequest = {
      code: value.code.trim(),
      title: value.title.trim(),
      responsibleInstitution: value.responsibleInstitution.trim(),
      deadline: value.deadline,
      ...(hasAmount
        ? { budgetAmount: Number(value.budgetAmount), budgetCurrency: value.budgetCurrency.trim().toUpperCase(), budgetSource: value.budgetSource.trim() }
        : {}),
    };
    this.submission.run(
      this.api.createActivity(value.benchmarkId, request),
      (activity) => this.dialog.close(activity),
      $localize`:@@actionPlan.add.failed:The activity could not be added. Please try again.`,
    );
  }
}
