import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import type { TrackRecordCategory, TrackRecordSeriesDto } from '@bt/contracts';
import { TRACK_RECORD_PERIOD } from '@bt/contracts/values';
import { map, type Observable } from 'rxjs';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { CATEGORY_LABELS } from './track-record-chart';
import { TrackRecordsApi } from './track-records-api';

/** The API's rule for periods: a year or a quarter. */
const PERIOD = TRACK_RECORD_PERIOD;
const notBlank: ValidatorFn = (control) => (String(control.value ?? '').trim() ? null : { required: true });
const period: ValidatorFn = (control) => (!String(control.value ?? '').trim() || PERIOD.test(String(control.value).trim()) ? null : { period: true });
const twoDecimals: ValidatorFn = (control) =>
  control.value === null || control.value === '' || /^\d+(\.\d{1,2})?$/.test(String(control.value)) ? null : { decimals: true };

/** An optional text as the API takes it: trimmed, and left out when blank. */
function optionalText<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  return text.trim() ? ({ [key]: text.trim() } as Record<K, string>) : {};
}

/**
 * How both dialogs save: a form with errors shows them and sends nothing; else the request made of
 * the form's value runs once, and the dialog closes with the series as the API answers it.
 */
function saveSeries<F extends FormGroup>(
  form: F,
  submission: DialogSave,
  dialog: MatDialogRef<unknown, TrackRecordSeriesDto>,
  request: (value: ReturnType<F['getRawValue']>) => Observable<TrackRecordSeriesDto>,
  fallback: string,
): void {
  if (form.invalid) {
    form.markAllAsTouched();
    return;
  }
  submission.run(request(form.getRawValue()), (series) => dialog.close(series), fallback);
}

export interface NewTrackRecordSeriesDialogData {
  /** The benchmark's code. */
  readonly code: string;
}

/** A new track-record series of a benchmark: what it counts, in which unit and how. */
@Component({
  selector: 'bt-new-track-record-series-dialog',
  imports: [FORM_DIALOG, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Adding the series"
      i18n-savingLabel="@@trackRecords.newSeries.saving"
      [formGroup]="form"
      [minWidth]="'520px'"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@trackRecords.newSeries.title">Add a series</h2>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.newSeries.name">Name</mat-label>
        <input matInput formControlName="name" maxlength="300" required autocomplete="off" />
        <mat-hint i18n="@@trackRecords.newSeries.name.hint">What is counted, such as "Criminal complaints for migrant smuggling".</mat-hint>
        @if (form.controls.name.hasError('required')) {
          <mat-error i18n="@@trackRecords.newSeries.name.required">Name the series.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.newSeries.unit">Unit</mat-label>
        <input matInput formControlName="unit" maxlength="50" required autocomplete="off" />
        <mat-hint i18n="@@trackRecords.newSeries.unit.hint">Such as cases, persons or EUR.</mat-hint>
        @if (form.controls.unit.hasError('required')) {
          <mat-error i18n="@@trackRecords.newSeries.unit.required">Enter the unit.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.newSeries.category">Category</mat-label>
        <mat-select formControlName="category" required>
          @for (category of categories; track category.value) {
            <mat-option [value]="category.value">{{ category.label }}</mat-option>
          }
        </mat-select>
        @if (form.controls.category.hasError('required')) {
          <mat-error i18n="@@trackRecords.newSeries.category.required">Choose a category.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.newSeries.countingRule">Counting rule (optional)</mat-label>
        <textarea matInput formControlName="countingRule" rows="2" maxlength="2000"></textarea>
        <mat-hint i18n="@@trackRecords.newSeries.countingRule.hint">How a case is counted, so that years compare.</mat-hint>
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@trackRecords.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@trackRecords.newSeries.submit">Add the series</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
})
export class NewTrackRecordSeriesDialog {
  private readonly data = inject<NewTrackRecordSeriesDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(TrackRecordsApi);
  private readonly dialog = inject<MatDialogRef<NewTrackRecordSeriesDialog, TrackRecordSeriesDto>>(MatDialogRef);

  protected readonly categories = (Object.keys(CATEGORY_LABELS) as TrackRecordCategory[]).map((value) => ({ value, label: CATEGORY_LABELS[value] }));
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [notBlank] }),
    unit: new FormControl('', { nonNullable: true, validators: [notBlank] }),
    category: new FormControl<TrackRecordCategory | ''>('', { nonNullable: true, validators: [Validators.required] }),
    countingRule: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = new DialogSave();

  protected save(): void {
    saveSeries(
      this.form,
      this.submission,
      this.dialog,
      (value) =>
        this.api.createSeries(this.data.code, {
          name: value.name.trim(),
          unit: value.unit.trim(),
          category: value.category as TrackRecordCategory,
          ...optionalText('countingRule', value.countingRule),
        }),
      $localize`:@@trackRecords.newSeries.failed:The series could not be added. Please try again.`,
    );
  }
}

export interface TrackRecordFigureDialogData {
  readonly series: TrackRecordSeriesDto;
}

/** The figure of one period of a series, with its source: a new period, or a correction of one already given. */
@Component({
  selector: 'bt-track-record-figure-dialog',
  imports: [FORM_DIALOG],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Saving the figure"
      i18n-savingLabel="@@trackRecords.figure.saving"
      [formGroup]="form"
      [minWidth]="'520px'"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@trackRecords.figure.title">Record a figure: {{ series.name }}</h2>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.figure.period">Period</mat-label>
        <input matInput formControlName="period" maxlength="7" required autocomplete="off" />
        @if (replaced(); as replaced) {
          <mat-hint i18n="@@trackRecords.figure.replaces">Replaces the figure {{ replaced.value }} given for {{ replaced.period }}.</mat-hint>
        } @else {
          <mat-hint i18n="@@trackRecords.figure.period.hint">A year such as 2024, or a quarter such as 2024-Q3.</mat-hint>
        }
        @if (form.controls.period.hasError('required')) {
          <mat-error i18n="@@trackRecords.figure.period.required">Enter the period.</mat-error>
        } @else if (form.controls.period.hasError('period')) {
          <mat-error i18n="@@trackRecords.figure.period.invalid">Enter a year such as 2024 or a quarter such as 2024-Q3.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.figure.value">Figure ({{ series.unit }})</mat-label>
        <input matInput type="number" inputmode="decimal" min="0" step="any" formControlName="value" required />
        @if (form.controls.value.hasError('required')) {
          <mat-error i18n="@@trackRecords.figure.value.required">Enter the figure.</mat-error>
        } @else if (form.controls.value.invalid) {
          <mat-error i18n="@@trackRecords.figure.value.invalid">Enter a number of zero or more, with at most two decimals.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.figure.source">Source</mat-label>
        <input matInput formControlName="source" maxlength="1000" required />
        <mat-hint i18n="@@trackRecords.figure.source.hint">Where the figure is published or who reported it.</mat-hint>
        @if (form.controls.source.hasError('required')) {
          <mat-error i18n="@@trackRecords.figure.source.required">Name the source of the figure.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@trackRecords.figure.note">Note (optional)</mat-label>
        <textarea matInput formControlName="note" rows="2" maxlength="2000"></textarea>
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@trackRecords.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@trackRecords.figure.submit">Save the figure</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
})
export class TrackRecordFigureDialog {
  protected readonly series = inject<TrackRecordFigureDialogData>(MAT_DIALOG_DATA).series;
  private readonly api = inject(TrackRecordsApi);
  private readonly dialog = inject<MatDialogRef<TrackRecordFigureDialog, TrackRecordSeriesDto>>(MatDialogRef);

  protected readonly form = new FormGroup({
    period: new FormControl('', { nonNullable: true, validators: [notBlank, period] }),
    value: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(0), Validators.max(1e15), twoDecimals] }),
    source: new FormControl('', { nonNullable: true, validators: [notBlank] }),
    note: new FormControl('', { nonNullable: true }),
  });
  private readonly periodTyped = toSignal(this.form.controls.period.valueChanges.pipe(map((p) => p.trim())), { initialValue: '' });
  /** The figure already given for the period typed, which saving replaces. */
  protected readonly replaced = computed(() => this.series.values.find((v) => v.period === this.periodTyped()) ?? null);
  protected readonly submission = new DialogSave();

  protected save(): void {
    saveSeries(
      this.form,
      this.submission,
      this.dialog,
      (value) =>
        this.api.putValue(this.series.id, value.period.trim(), {
          value: Number(value.value),
          source: value.source.trim(),
          ...optionalText('note', value.note),
        }),
      $localize`:@@trackRecords.figure.failed:The figure could not be saved. Please try again.`,
    );
  }
}
