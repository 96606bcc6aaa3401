import { ChangeDetectionStrategy, Component, inject, input, type Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ControlContainer, type FormControl, type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { AreaDto } from '@bt/contracts';
import { catchError, debounceTime, map, type Observable, of, startWith, switchMap } from 'rxjs';
import { CANDIDATE_COUNTRIES } from '../words/candidate-countries';

/**
 * The first fields of a list's filter bar where the list is of a country's Chapter 24 work (the Action
 * Plan's activities, the assistance projects): the country, one of its areas ('' for any) and a
 * benchmark code. They stand in the filter form around them, whose FormGroup has the controls
 * `country`, `area` and `benchmark` (their formControlName finds them), among the form's own fields.
 */
@Component({
  selector: 'bt-place-filters',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  template: `
    <mat-form-field appearance="outline">
      <mat-label i18n="@@filters.country">Country</mat-label>
      <mat-select formControlName="country">
        @for (country of countries; track country.code) {
          <mat-option [value]="country.code">{{ country.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label i18n="@@filters.area">Area</mat-label>
      <mat-select formControlName="area">
        <mat-option value="" i18n="@@filters.anyArea">Any area</mat-option>
        @for (area of areas(); track area.code) {
          <mat-option [value]="area.code">{{ area.title }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label i18n="@@filters.benchmark">Benchmark code</mat-label>
      <input matInput formControlName="benchmark" [placeholder]="benchmarkExample()" autocomplete="off" />
    </mat-form-field>
  `,
  // The fields are the filter form's own children for its layout (a row that wraps).
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class PlaceFilters {
  /** The chosen country's areas (placeAreas gives them). */
  readonly areas = input.required<readonly AreaDto[]>();
  /** A benchmark code of the list's kind, shown in the empty field. */
  readonly benchmarkExample = input.required<string>();
  protected readonly countries = CANDIDATE_COUNTRIES;
}

/** A filter form's value as the list loads it: at once, then each change after a quarter of a second's quiet typing. */
export function filterValues<F>(filters: FormGroup): Observable<F> {
  return filters.valueChanges.pipe(
    debounceTime(250),
    map(() => filters.getRawValue() as F),
    startWith(filters.getRawValue() as F),
  );
}

/** A form control's value as a signal, from its value now. */
export function controlValue<T>(control: FormControl<T>): Signal<T> {
  return toSignal(control.valueChanges.pipe(startWith(control.value)), { requireSync: true });
}

/** The areas the area filter offers: the chosen country's (none while no country is chosen, or when they cannot be loaded). */
export function placeAreas(country: Signal<string>, load: (country: string) => Observable<AreaDto[]>): Signal<AreaDto[]> {
  return toSignal(toObservable(country).pipe(switchMap((code) => (code ? load(code).pipe(catchError(() => of([] as AreaDto[]))) : of([] as AreaDto[])))), {
    initialValue: [] as AreaDto[],
  });
}
