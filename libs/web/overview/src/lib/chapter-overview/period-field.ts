import { afterNextRender, ChangeDetectionStrategy, Component, input, output, viewChild } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

/**
 * The overview's reporting-period field, Material's select. The overview draws a look-alike of it in
 * plain elements and makes this one (loaded with `@defer`) only when the reader clicks it or presses a
 * key on it: building Material's field, select and options was a large part of the page's first render
 * (total blocking time). Made that way, it takes the focus and opens its list at once (`openAtStart`).
 */
@Component({
  selector: 'bt-period-field',
  imports: [MatFormField, MatLabel, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline">
      <mat-label i18n="@@overview.period">Reporting period</mat-label>
      <mat-select [value]="period()" (selectionChange)="chosen.emit($event.value)">
        @for (period of periods(); track period) {
          <mat-option [value]="period">{{ period }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class PeriodField {
  readonly periods = input.required<readonly string[]>();
  readonly period = input.required<string>();
  /** Focus the select and open its list as soon as it is drawn. */
  readonly openAtStart = input(false);
  /** A period was chosen. */
  readonly chosen = output<string>();
  /** The list was opened at start (the look-alike's request is done). */
  readonly started = output<void>();

  private readonly select = viewChild.required(MatSelect);

  constructor() {
    afterNextRender(() => {
      if (!this.openAtStart()) return;
      this.select().focus();
      this.select().open();
      this.started.emit();
    });
  }
}
