import { DecimalPipe } from '@angular/common';
import type { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CATALOGUE_SCOPE } from '@bt/web/benchmarks';
import { BarChart, type ChartSeries } from '@bt/web/charts';
import { of } from 'rxjs';
import type { ConsiderationDto } from '@bt/contracts';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { considerationExportUrl, OverviewApi } from '../overview-api';

/**
 * "Adequate consideration of their proposals", measured: per area and benchmark, how many proposals
 * civil society made, how the ministry answered them, how long answers took and the oldest still
 * waiting; as a chart (with its table for screen readers), a table, and sheets to download.
 */
@Component({
  selector: 'bt-consideration-page',
  imports: [RouterLink, DecimalPipe, DisplayDatePipe, MatButton, MatProgressBar, BarChart],
  templateUrl: './consideration-page.html',
  styleUrl: '../chapter-overview/chapter-overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsiderationPage {
  private readonly api = inject(OverviewApi);
  protected readonly scope = CATALOGUE_SCOPE;
  protected readonly xlsx = considerationExportUrl(this.scope.country, this.scope.chapter, 'xlsx');
  protected readonly csv = considerationExportUrl(this.scope.country, this.scope.chapter, 'csv');

  protected readonly figures = toSignal(of(null).pipe(loadEach(() => this.api.consideration(this.scope.country, this.scope.chapter))), {
    initialValue: LOADING,
  });
  protected readonly categories = computed(() => (this.figures().value?.areas ?? []).map((a) => a.title));
  protected readonly series = computed<ChartSeries[]>(() => {
    const areas = this.figures().value?.areas ?? [];
    return [
      { name: $localize`:Proposals the ministry accepted@@consideration.accepted:Accepted`, values: areas.map((a) => a.accepted), meaning: 'positive' },
      {
        name: $localize`:Proposals the ministry partly accepted@@consideration.partlyAccepted:Partly accepted`,
        values: areas.map((a) => a.partlyAccepted),
        meaning: 'partial',
      },
      {
        name: $localize`:Proposals the ministry did not accept@@consideration.notAccepted:Not accepted`,
        values: areas.map((a) => a.notAccepted),
        meaning: 'negative',
      },
      {
        name: $localize`:Proposals still without an answer@@consideration.unanswered:Unanswered`,
        values: areas.map((a) => a.received - a.answered),
        meaning: 'pending',
      },
    ];
  });
  protected readonly caption = $localize`:Caption of the chart of proposals per area@@consideration.chartCaption:Civil-society proposals per area, by the ministry's answer`;
  protected readonly unit = $localize`:Unit of the chart of proposals@@consideration.unit:proposals`;
  /** The benchmarks "Show more" added after the first page. */
  private readonly more = signal<{ benchmarks: ConsiderationDto['benchmarks']; next: string | null } | null>(null);
  protected readonly loadingMore = signal(false);
  /** The API's explanation of a failed "Show more" ('' when it gave none); null: no failure. */
  protected readonly moreError = signal<string | null>(null);
  protected readonly benchmarks = computed(() =>
    [...(this.figures().value?.benchmarks ?? []), ...(this.more()?.benchmarks ?? [])].filter((b) => b.received > 0),
  );
  /** Where the next benchmarks start; null when all are shown. */
  protected readonly next = computed(() => {
    const more = this.more();
    return more ? more.next : (this.figures().value?.next ?? null);
  });
  protected readonly errorDetail = computed(() => {
    const error = this.figures().error;
    return error ? apiErrorMessage(error) : null;
  });

  protected showMore(): void {
    const after = this.next();
    if (!after || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.api.consideration(this.scope.country, this.scope.chapter, after).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        this.more.update((more) => ({ benchmarks: [...(more?.benchmarks ?? []), ...page.benchmarks], next: page.next }));
      },
      error: (error: HttpErrorResponse) => {
        this.loadingMore.set(false);
        this.moreError.set(apiErrorMessage(error) ?? '');
      },
    });
  }
}
