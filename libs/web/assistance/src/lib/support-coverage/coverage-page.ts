import { formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, LOCALE_ID } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { BarChart, type ChartMeaning, type ChartSeries } from '@bt/web/charts';
import { AuthSession } from '@bt/web/identity';
import { combineLatest, map, startWith } from 'rxjs';
import { CANDIDATE_COUNTRIES, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AssistanceApi } from '../assistance-api';
import { coverage, type Support, timeline } from './coverage';

/** The chart's colours say the same as everywhere: running support is good, none is bad. */
const SUPPORT_MEANINGS: Record<Support, ChartMeaning> = { running: 'positive', other: 'partial', none: 'negative' };

const NO_FILTERS = { area: '', benchmark: '', funder: '', implementer: '', period: '', status: '' } as const;

/**
 * Where a country's benchmarks stand for support: per area, which benchmarks a running project
 * serves, which only projects that ended, have not begun or state no period, and which none — those
 * stand out; then the projects over the years, with what is known of their budgets. Public.
 */
@Component({
  selector: 'bt-coverage-page',
  imports: [ReactiveFormsModule, RouterLink, BarChart, MatFormField, MatLabel, MatIcon, MatProgressBar, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './coverage-page.html',
  styleUrl: './coverage-page.scss',
})
export class CoveragePage {
  private readonly api = inject(AssistanceApi);
  private readonly locale = inject(LOCALE_ID);
  protected readonly countries = CANDIDATE_COUNTRIES;
  protected readonly country = new FormControl(inject(AuthSession).me()?.organisation.country ?? 'RS', { nonNullable: true });
  /** Today where the reader is: what "running" means. */
  private readonly today = new Date().toLocaleDateString('sv');

  private readonly loaded = toSignal(
    this.country.valueChanges.pipe(
      startWith(this.country.value),
      loadEach((country: string) =>
        combineLatest([this.api.benchmarks(country), this.api.projects({ country, ...NO_FILTERS })]).pipe(
          map(([benchmarks, projects]) => ({ benchmarks, projects })),
        ),
      ),
    ),
    { initialValue: LOADING },
  );
  protected readonly loading = computed(() => this.loaded().loading);
  protected readonly errorDetail = computed(() => {
    const error = this.loaded().error;
    return error ? apiErrorMessage(error) : null;
  });

  protected readonly areas = computed(() => {
    const value = this.loaded().value;
    return value ? coverage(value.benchmarks, value.projects, this.today) : [];
  });
  protected readonly totals = computed(() => {
    const count = (support: Support) => this.areas().reduce((sum, area) => sum + area.count[support], 0);
    return { running: count('running'), other: count('other'), none: count('none'), all: this.areas().reduce((sum, area) => sum + area.benchmarks.length, 0) };
  });

  protected readonly supportLabels: Record<Support, string> = {
    running: $localize`:Support of a benchmark, a project running now serves it@@coverage.support.running:A running project`,
    other: $localize`:Support of a benchmark, only projects that ended, have not begun or state no period serve it@@coverage.support.other:Only past, future or undated projects`,
    none: $localize`:Support of a benchmark, no project serves it@@coverage.support.none:No project`,
  };
  protected readonly supportIcons: Record<Support, string> = { running: 'check_circle', other: 'schedule', none: 'report' };

  protected readonly chart = computed(() => {
    const areas = this.areas();
    const series: ChartSeries[] = (['running', 'other', 'none'] as const).map((support) => ({
      name: this.supportLabels[support],
      values: areas.map((area) => area.count[support]),
      meaning: SUPPORT_MEANINGS[support],
    }));
    return { categories: areas.map((area) => area.title), series };
  });
  protected readonly chartCaption = $localize`:Caption of the chart of benchmarks per area by their support@@coverage.chart.caption:Benchmarks per area by their support`;
  protected readonly chartUnit = $localize`:Unit of the coverage chart's axis@@coverage.chart.unit:benchmarks`;

  protected readonly timeline = computed(() => {
    const value = this.loaded().value;
    if (!value) return { years: [], rows: [] };
    return timeline(value.projects, new Map(this.areas().map((area) => [area.code, area.title])), this.today);
  });
  /** Budgets as stated, summed per currency; and how many projects state none. */
  protected readonly funding = computed(() => {
    const totals = new Map<string, number>();
    let unstated = 0;
    for (const row of this.timeline().rows) {
      if (row.budget) totals.set(row.budget.currency, (totals.get(row.budget.currency) ?? 0) + row.budget.amount);
      else unstated++;
    }
    return {
      totals: [...totals].map(([currency, amount]) => `${formatNumber(amount, this.locale, '1.0-0')} ${currency}`),
      unstated,
      all: this.timeline().rows.length,
    };
  });

  protected budgetOf(budget: { amount: number; currency: string } | null): string {
    return budget ? `${formatNumber(budget.amount, this.locale, '1.0-0')} ${budget.currency}` : '—';
  }
}
